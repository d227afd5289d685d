package io.zsync.gateway.domain;

import io.zsync.contract.ChangeEvent;
import io.zsync.contract.EventOrigin;
import io.zsync.contract.Operation;
import io.zsync.contract.SystemId;
import io.zsync.schemas.TopicSpec;
import io.zsync.schemas.Topics;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds {@link ChangeEvent}s and routes them: every entity must have a change topic in the {@link Topics}
 * catalogue, or the webhook is rejected as naming an unknown module before anything is published.
 */
public final class Changes {

    private Changes() {
    }

    /** The change topic of {@code entity} from {@code source}; an unrouted entity is a 400-kind rejection. */
    public static TopicSpec<String, ChangeEvent> topicFor(SystemId source, String entity) {
        return Topics.changesFor(source, entity).orElseThrow(() -> new WebhookRejection(
                WebhookRejection.Reason.UNKNOWN_MODULE,
                "module '" + Payloads.sanitize(entity) + "' of " + source + " is not synchronized by this gateway"));
    }

    /** The change topic of an event that was built by this class (and so is known to be routed). */
    public static TopicSpec<String, ChangeEvent> topicOf(ChangeEvent event) {
        return topicFor(event.getSource(), event.getEntityType());
    }

    /** The parts every event shares; values and versions are added with the builder's setters. */
    public static ChangeEvent.Builder event(String eventId, SystemId source, String orgId, String entity,
                                            String recordId, Operation operation, Instant occurredAt,
                                            EventOrigin origin, Delivery delivery) {
        return ChangeEvent.newBuilder()
                .setEventId(eventId)
                .setSource(source)
                .setOrgId(orgId)
                .setEntityType(entity)
                .setRecordId(recordId)
                .setOperation(operation)
                .setChangedFields(List.of())
                .setChangedValues(null)
                .setPreviousValues(null)
                .setRecordVersion(null)
                .setOrigin(origin)
                .setOccurredAt(occurredAt)
                .setReceivedAt(delivery.receivedAt())
                .setTraceId(delivery.traceId())
                .setAttributes(Map.of());
    }

    /** Attributes in a stable order with nulls dropped (Avro maps of strings take no nulls). */
    public static Map<String, String> attributes(String... keyValues) {
        Map<String, String> map = new TreeMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                map.put(keyValues[i], keyValues[i + 1]);
            }
        }
        return map;
    }
}
