package io.zsync.externalsync.it;

import io.zsync.externalsync.batch.BatchLeadership;
import io.zsync.externalsync.batch.CrmContactBatch;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Batch runs started the way the schedule starts them, for tests that need one to its end. */
final class Batches {

    private Batches() {
    }

    /**
     * Runs the org's batch to its end, waiting for the lead and for any running batch first, and returns the
     * run's report; fails unless this run started and completed.
     */
    static Map<String, Object> runToEnd(CrmContactBatch batch, BatchLeadership leadership, Duration atMost) {
        await().atMost(Duration.ofSeconds(60)).until(() -> leadership.isLeader() && !batch.isRunning(Sandbox.ORG));
        CrmContactBatch.Start start = batch.start(Sandbox.ORG);
        assertThat(start.started()).as(start.message()).isTrue();
        await().atMost(atMost).until(() -> !batch.isRunning(Sandbox.ORG));
        Map<String, Object> last = batch.lastRun(Sandbox.ORG).orElseThrow();
        assertThat(last.get("runId")).isEqualTo(start.runId());
        assertThat(String.valueOf(last.get("outcome"))).as(last.toString()).startsWith("completed");
        return last;
    }
}
