package io.zsync.dashboard.redrive;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A redrive that Kafka acknowledged.
 *
 * @param id           the dead letter's id
 * @param flowId       the flow that will process the event again
 * @param eventId      the event (unchanged)
 * @param recordId     the record key
 * @param topic        where it was published
 * @param partition    partition
 * @param offset       offset
 * @param redriveCount this redrive's number
 * @param operator     who asked for it
 */
@Serdeable
public record RedriveResult(String id, String flowId, String eventId, String recordId, String topic, int partition,
                            long offset, int redriveCount, String operator) {
}
