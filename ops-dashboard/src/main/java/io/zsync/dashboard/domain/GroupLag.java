package io.zsync.dashboard.domain;

import java.util.List;

/**
 * How far behind one service's consumer group is.
 *
 * @param groupId    consumer group
 * @param found      false when the group has no committed offsets at all (not deployed, or never ran)
 * @param partitions per partition
 * @param measuredAt when measured, epoch millis
 */
public record GroupLag(String groupId, boolean found, List<PartitionLag> partitions, long measuredAt) {

    public GroupLag {
        partitions = partitions == null ? List.of() : List.copyOf(partitions);
    }

    public long totalLag() {
        return partitions.stream().mapToLong(PartitionLag::lag).sum();
    }

    /** Age of the oldest unprocessed event in milliseconds, or null when nothing is pending (or unknown). */
    public Long oldestUnprocessedAgeMs() {
        return partitions.stream()
                .filter(p -> p.lag() > 0 && p.oldestPendingAt() != null)
                .mapToLong(p -> Math.max(0, measuredAt - p.oldestPendingAt()))
                .boxed().max(Long::compare).orElse(null);
    }
}
