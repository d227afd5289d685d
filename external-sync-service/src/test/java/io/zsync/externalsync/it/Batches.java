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

    /** Runs whose registry call timed out on a loaded machine, retried as the schedule's next run would. */
    private static final int ATTEMPTS = 3;

    /**
     * Runs the org's batch to its end, waiting for the lead and for any running batch first, and returns the
     * run's report; fails unless a run started and completed. A run that failed only because the schema registry
     * did not answer in time (its cursor stays where it was) is started again, as the schedule's next run would,
     * at most {@value #ATTEMPTS} times in all: a registry stall on a loaded two-core CI machine is not what the
     * tests that call this are about, while a defect of the batch fails every attempt.
     */
    static Map<String, Object> runToEnd(CrmContactBatch batch, BatchLeadership leadership, Duration atMost) {
        Map<String, Object> last = Map.of();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            await().atMost(Duration.ofSeconds(60)).until(() -> leadership.isLeader() && !batch.isRunning(Sandbox.ORG));
            CrmContactBatch.Start start = batch.start(Sandbox.ORG);
            assertThat(start.started()).as(start.message()).isTrue();
            await().atMost(atMost).until(() -> !batch.isRunning(Sandbox.ORG));
            last = batch.lastRun(Sandbox.ORG).orElseThrow();
            assertThat(last.get("runId")).isEqualTo(start.runId());
            String outcome = String.valueOf(last.get("outcome"));
            if (!(outcome.startsWith("failed") && outcome.contains("REGISTRY_UNAVAILABLE"))) {
                break;
            }
        }
        assertThat(String.valueOf(last.get("outcome"))).as(last.toString()).startsWith("completed");
        return last;
    }
}
