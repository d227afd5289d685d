package io.zsync.dashboard.domain;

/**
 * What one flow did in one minute (or, merged, in any window): outcomes by status, retries, API calls and
 * latency. Failed completions and dead letters are both failures; latency counts completions only, because a
 * dead letter's time is mostly retry back-off, not sync work.
 *
 * @param succeeded    SUCCEEDED completions
 * @param skipped      SKIPPED completions
 * @param failed       FAILED completions
 * @param deadLettered dead letters
 * @param retries      attempts beyond the first, summed
 * @param maxAttempts  most attempts one event needed
 * @param apiCalls     SaaS calls spent, summed
 * @param latency      latency histogram of completions
 */
public record FlowStats(long succeeded, long skipped, long failed, long deadLettered, long retries,
                        int maxAttempts, long apiCalls, LatencyHistogram latency) {

    public FlowStats {
        latency = latency == null ? LatencyHistogram.empty() : latency;
    }

    public static FlowStats empty() {
        return new FlowStats(0, 0, 0, 0, 0, 0, 0, LatencyHistogram.empty());
    }

    /** These stats with one more outcome counted. */
    public FlowStats with(Outcome o) {
        LatencyHistogram nextLatency = o.status() != OutcomeStatus.DEAD_LETTERED && o.latencyMs() != null
                ? latency.record(o.latencyMs()) : latency;
        return new FlowStats(
                succeeded + (o.status() == OutcomeStatus.SUCCEEDED ? 1 : 0),
                skipped + (o.status() == OutcomeStatus.SKIPPED ? 1 : 0),
                failed + (o.status() == OutcomeStatus.FAILED ? 1 : 0),
                deadLettered + (o.status() == OutcomeStatus.DEAD_LETTERED ? 1 : 0),
                retries + o.retries(),
                Math.max(maxAttempts, o.attempts()),
                apiCalls + o.apiCalls(),
                nextLatency);
    }

    public FlowStats merge(FlowStats other) {
        return new FlowStats(succeeded + other.succeeded, skipped + other.skipped, failed + other.failed,
                deadLettered + other.deadLettered, retries + other.retries, Math.max(maxAttempts, other.maxAttempts),
                apiCalls + other.apiCalls, latency.merge(other.latency));
    }

    public long total() {
        return succeeded + skipped + failed + deadLettered;
    }

    public long failures() {
        return failed + deadLettered;
    }

    /** Failures over all outcomes; 0 when nothing happened. */
    public double failureRate() {
        long total = total();
        return total == 0 ? 0.0 : (double) failures() / total;
    }

    /** API calls per processed event; 0 when nothing happened. */
    public double apiCallsPerEvent() {
        long total = total();
        return total == 0 ? 0.0 : (double) apiCalls / total;
    }
}
