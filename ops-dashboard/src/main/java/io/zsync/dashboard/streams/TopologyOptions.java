package io.zsync.dashboard.streams;

import java.time.Duration;

/**
 * Tunables of the dashboard topology.
 *
 * @param grace         how late an outcome may arrive and still be counted in its minute
 * @param retention     how long per-minute stats are kept (charts and alert windows look back at most this far)
 * @param historyLength outcomes kept per record in its lineage
 */
public record TopologyOptions(Duration grace, Duration retention, int historyLength) {

    public TopologyOptions {
        if (retention.compareTo(grace.plusMinutes(1)) < 0) {
            throw new IllegalArgumentException("retention must cover at least one minute plus the grace period");
        }
        if (historyLength < 1) {
            throw new IllegalArgumentException("history length must be at least 1");
        }
    }

    public static TopologyOptions defaults() {
        return new TopologyOptions(Duration.ofMinutes(10), Duration.ofHours(24), 20);
    }
}
