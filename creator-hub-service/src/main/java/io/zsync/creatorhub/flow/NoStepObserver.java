package io.zsync.creatorhub.flow;

import io.micronaut.context.annotation.Requires;
import io.zsync.creatorhub.domain.Order;
import io.zsync.creatorhub.domain.Step;
import jakarta.inject.Singleton;

/** The production observer: does nothing. */
@Singleton
@Requires(missingProperty = HaltingStepObserver.HALT_AFTER)
public class NoStepObserver implements SagaStepObserver {

    @Override
    public void afterWrite(String org, Order order, Step step) {
        // nothing to observe outside crash tests
    }
}
