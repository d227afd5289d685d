package io.zsync.creatorhub.flow;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.zsync.creatorhub.domain.Order;
import io.zsync.creatorhub.domain.Step;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TEST ONLY: stops the JVM dead (no shutdown hooks, no commit, like SIGKILL) right after step
 * {@value #HALT_AFTER} wrote its target for the order numbered {@value #HALT_ORDER}, before the saga records
 * it. The crash integration test starts the service as a real process with these two properties to prove that
 * the next process resumes without duplicates. Never set them in a deployment.
 */
@Singleton
@Requires(property = HaltingStepObserver.HALT_AFTER)
public class HaltingStepObserver implements SagaStepObserver {

    public static final String HALT_AFTER = "zsync.creator-hub.crash-test.halt-after";
    public static final String HALT_ORDER = "zsync.creator-hub.crash-test.order-number";
    /** The exit status of the halt, as a SIGKILLed JVM reports it. */
    public static final int EXIT_STATUS = 137;

    private static final Logger LOG = LoggerFactory.getLogger(HaltingStepObserver.class);

    private final Step haltAfter;
    private final String orderNumber;

    public HaltingStepObserver(@Value("${" + HALT_AFTER + "}") String haltAfter,
                               @Value("${" + HALT_ORDER + "}") String orderNumber) {
        this.haltAfter = Step.ofId(haltAfter);
        this.orderNumber = orderNumber;
        LOG.warn("CRASH TEST MODE: this process halts after step {} of order {}", haltAfter, orderNumber);
    }

    @Override
    public void afterWrite(String org, Order order, Step step) {
        if (step == haltAfter && order.number().equals(orderNumber)) {
            LOG.warn("CRASH TEST: halting after step {} of order {}", step.id(), order.number());
            Runtime.getRuntime().halt(EXIT_STATUS);
        }
    }
}
