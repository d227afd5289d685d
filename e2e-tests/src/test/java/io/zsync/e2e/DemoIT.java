package io.zsync.e2e;

import io.zsync.stack.Demo;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./zsync up --demo} on the full stack: the demo drives every pattern once and reports each as done only
 * when the sandbox shows its result, so a user who runs it sees a working system (or exactly which part is not).
 */
class DemoIT {

    private static final Logger LOG = LoggerFactory.getLogger(DemoIT.class);

    @Test
    void shouldReportEveryPatternDone() {
        FullStack stack = FullStack.get();

        List<Demo.Outcome> outcomes = new Demo(stack.sandbox(), stack.stack().mail(), Duration.ofSeconds(90),
                (what, state) -> LOG.info("{}: {}", what, state)).run();

        assertThat(outcomes).extracting(Demo.Outcome::pattern).containsExactly(
                "CRM contact -> Books customer", "CRM contact -> HubSpot contact", "deal closed won -> Books invoice",
                "CRM lead -> Desk ticket", "bug ticket -> Projects task", "ticket closed -> CRM lead qualified",
                "Creator order -> CRM, Books, Desk, order updated", "Creator order -> e-mail", "HubSpot contact -> CRM contact");
        assertThat(outcomes).allSatisfy(o -> assertThat(o.done()).as(o.pattern() + ": " + o.detail()).isTrue());
    }
}
