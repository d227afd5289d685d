package io.zsync.gateway.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.zsync.contract.ChangeEvent;
import io.zsync.contract.EventOrigin;
import io.zsync.contract.Operation;
import io.zsync.contract.SystemId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The generic external-CRM webhook: one event object or an array of them, each
 * {@code {"eventId"?, "recordId", "operation": created|updated|deleted, "occurredAt"?, "version"?,
 * "changes"?: {...}, "previous"?: {...}}}, authenticated by an HMAC-SHA256 of the raw body. The sender's
 * {@code eventId} identifies a delivery; without one, its version or timestamp does, else the body.
 */
public final class ExternalCrmNormalizer {

    public List<ChangeEvent> normalize(Delivery delivery, SystemId system, String entity) {
        Changes.topicFor(system, entity);
        JsonNode body = Payloads.json(delivery);
        List<JsonNode> items = new ArrayList<>();
        if (body.isArray()) {
            body.forEach(items::add);
        } else {
            items.add(Payloads.object(body, "body"));
        }
        if (items.isEmpty()) {
            throw new WebhookRejection(WebhookRejection.Reason.EMPTY_BATCH, "the batch holds no events");
        }
        String bodyDigest = EventIds.bodyDigest(delivery.body());
        List<ChangeEvent> events = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = Payloads.object(items.get(i), "body[]");
            String recordId = Payloads.id(item, "recordId");
            Operation operation = switch (Payloads.text(item, "operation").toLowerCase(Locale.ROOT)) {
                case "created", "create" -> Operation.CREATED;
                case "updated", "update" -> Operation.UPDATED;
                case "deleted", "delete" -> Operation.DELETED;
                default -> throw WebhookRejection.invalid("operation", "created, updated or deleted");
            };
            Instant occurredAt = Payloads.optionalInstant(item, "occurredAt").orElse(delivery.receivedAt());
            String version = Payloads.optionalText(item, "version").orElse(null);
            String identity = Payloads.optionalId(item, "eventId")
                    .or(() -> java.util.Optional.ofNullable(version))
                    .or(() -> item.hasNonNull("occurredAt") ? java.util.Optional.of(Long.toString(occurredAt.toEpochMilli()))
                            : java.util.Optional.empty())
                    .orElse(bodyDigest + "#" + i);
            Map<String, String> changes = item.hasNonNull("changes") ? Payloads.values(Payloads.object(item.get("changes"), "changes")) : null;
            Map<String, String> previous = item.hasNonNull("previous") ? Payloads.values(Payloads.object(item.get("previous"), "previous")) : null;
            events.add(Changes.event(
                            EventIds.of(system.name(), delivery.orgId(), entity, recordId, operation.name(), identity),
                            system, delivery.orgId(), entity, recordId, operation, occurredAt, EventOrigin.WEBHOOK, delivery)
                    .setChangedFields(changes == null ? List.of() : List.copyOf(changes.keySet()))
                    .setChangedValues(changes)
                    .setPreviousValues(previous)
                    .setRecordVersion(version)
                    .setAttributes(Changes.attributes("externalEventId", Payloads.optionalId(item, "eventId").orElse(null)))
                    .build());
        }
        return events;
    }
}
