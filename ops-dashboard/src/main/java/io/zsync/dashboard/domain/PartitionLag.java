package io.zsync.dashboard.domain;

/**
 * One partition of a consumer group's input.
 *
 * @param topic         topic
 * @param partition     partition
 * @param committed     the group's committed offset (the next record it will process)
 * @param end           the log end offset
 * @param oldestPendingAt timestamp of the record at the committed offset when behind, epoch millis, or null
 */
public record PartitionLag(String topic, int partition, long committed, long end, Long oldestPendingAt) {

    /** Unprocessed records: never negative (a commit can be ahead of a freshly read end offset). */
    public long lag() {
        return Math.max(0, end - committed);
    }
}
