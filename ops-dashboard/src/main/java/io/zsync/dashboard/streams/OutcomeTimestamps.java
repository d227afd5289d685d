package io.zsync.dashboard.streams;

import io.zsync.contract.DeadLetter;
import io.zsync.contract.SyncCompleted;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Outcomes are counted in the minute they ended (finishedAt, deadLetteredAt), not the minute they reached Kafka,
 * so a backlog drained after an outage shows up where the work happened. Records without a readable value fall
 * back to their Kafka timestamp.
 */
public final class OutcomeTimestamps implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        Object value = record.value();
        if (value instanceof SyncCompleted c && c.getFinishedAt() != null) {
            return c.getFinishedAt().toEpochMilli();
        }
        if (value instanceof DeadLetter d && d.getDeadLetteredAt() != null) {
            return d.getDeadLetteredAt().toEpochMilli();
        }
        return record.timestamp() >= 0 ? record.timestamp() : partitionTime;
    }
}
