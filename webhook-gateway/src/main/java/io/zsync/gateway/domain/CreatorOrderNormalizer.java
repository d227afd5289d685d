package io.zsync.gateway.domain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zsync.contract.ChangeEvent;
import io.zsync.contract.EventOrigin;
import io.zsync.contract.Operation;
import io.zsync.contract.SystemId;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Zoho Creator order posts (zoho-api.md §8.1): Creator has no webhook schema of its own, so the gateway
 * documents one (JSON or form fields {@code event}, {@code record_id}, optional {@code occurred_at} and
 * {@code modified_time}, every other field a business value) that the app's Deluge {@code invokeUrl}
 * sends. With no delivery id, a retry is recognised by the body's digest.
 */
public final class CreatorOrderNormalizer {

    private static final Set<String> ENVELOPE = Set.of("event", "record_id", "occurred_at", "modified_time");

    /** @param entity the form the path names (only {@code orders} has a topic) */
    public List<ChangeEvent> normalize(Delivery delivery, String entity) {
        Changes.topicFor(SystemId.ZOHO_CREATOR, entity);
        ObjectNode body = Payloads.jsonOrForm(delivery);
        String event = Payloads.text(body, "event");
        String recordId = Payloads.id(body, "record_id");
        Operation operation = operation(event);
        Instant occurredAt = Payloads.optionalInstant(body, "occurred_at").orElse(delivery.receivedAt());
        String version = Payloads.optionalText(body, "modified_time").orElse(null);
        Map<String, String> values = Payloads.values(body);
        ENVELOPE.forEach(values::remove);

        String deliveryIdentity = body.hasNonNull("occurred_at") ? Long.toString(occurredAt.toEpochMilli())
                : EventIds.bodyDigest(delivery.body());
        return List.of(Changes.event(
                        EventIds.of(SystemId.ZOHO_CREATOR.name(), delivery.orgId(), entity, recordId, operation.name(), deliveryIdentity),
                        SystemId.ZOHO_CREATOR, delivery.orgId(), entity, recordId, operation, occurredAt,
                        EventOrigin.WEBHOOK, delivery)
                .setChangedFields(List.copyOf(values.keySet()))
                .setChangedValues(values)
                .setRecordVersion(version)
                .setAttributes(Changes.attributes("event", event))
                .build());
    }

    static Operation operation(String event) {
        String verb = event.substring(event.lastIndexOf('.') + 1);
        return switch (verb) {
            case "submitted", "created", "added" -> Operation.CREATED;
            case "updated", "edited", "cancelled", "paid", "shipped" -> Operation.UPDATED;
            case "deleted" -> Operation.DELETED;
            default -> throw WebhookRejection.invalid("event", "<form>.submitted|created|updated|deleted");
        };
    }
}
