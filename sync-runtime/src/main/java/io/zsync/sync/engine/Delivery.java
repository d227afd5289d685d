package io.zsync.sync.engine;

import io.zsync.contract.ChangeEvent;
import org.apache.kafka.common.TopicPartition;

import java.time.Instant;

/**
 * One event as the engine processes it: where it was read from (for offsets, dead letters and redrive),
 * which attempt this is, and when the first attempt started and first failed.
 */
public record Delivery(ChangeEvent event, TopicPartition source, long offset, int attempt, Instant startedAt,
                       Instant firstFailedAt) {
}
