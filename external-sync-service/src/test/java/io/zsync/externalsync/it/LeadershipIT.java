package io.zsync.externalsync.it;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.zsync.externalsync.batch.BatchLeadership;
import io.zsync.externalsync.batch.CrmContactBatch;
import io.zsync.testing.RealKafka;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two instances of the service: exactly one leads the batch, the other refuses to start runs, and the lead moves on. */
@RealKafka
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadershipIT implements TestPropertyProvider {

    @Inject
    BatchLeadership leadership;
    @Inject
    CrmContactBatch batch;

    @Override
    public Map<String, String> getProperties() {
        return Sandbox.serviceProperties();
    }

    @Test
    void shouldLetExactlyOneInstanceLeadTheBatch() {
        await().atMost(Duration.ofSeconds(60)).until(leadership::isLeader);
        try (ApplicationContext second = ApplicationContext.run(new java.util.HashMap<String, Object>(Sandbox.serviceProperties()))) {
            BatchLeadership otherLeadership = second.getBean(BatchLeadership.class);
            CrmContactBatch otherBatch = second.getBean(CrmContactBatch.class);

            // after the group rebalances, one instance and only one owns partition 0
            await().atMost(Duration.ofSeconds(90)).until(() -> leadership.isLeader() ^ otherLeadership.isLeader());
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                    leadership.isLeader() ^ otherLeadership.isLeader());
            CrmContactBatch follower = leadership.isLeader() ? otherBatch : batch;
            CrmContactBatch.Start refused = follower.start(Sandbox.ORG);
            assertThat(refused.started()).isFalse();
            assertThat(refused.message()).contains("another instance leads");
        }
        // the second instance is gone: this one leads (again, or still)
        await().atMost(Duration.ofSeconds(90)).until(leadership::isLeader);
    }
}
