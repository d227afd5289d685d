package io.zsync.gateway.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.zsync.contract.ChangeEvent;
import io.zsync.contract.EventOrigin;
import io.zsync.contract.Operation;
import io.zsync.contract.SystemId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Zoho Desk webhook batches (zoho-api.md §6.6): a JSON array of events of the org named in the path. A
 * ticket update with {@code prevState} carries the previous values, the fields that differ, and a
 * {@code transition} attribute when the ticket's {@code statusType} changed, so "ticket closed" is
 * recognisable from the event alone ({@code transition = CLOSED}).
 */
public final class DeskWebhookNormalizer {

    public static final String ENTITY = "tickets";

    public List<ChangeEvent> normalize(Delivery delivery) {
        JsonNode batch = Payloads.json(delivery);
        if (!batch.isArray()) {
            throw WebhookRejection.invalid("body", "a JSON array of events");
        }
        if (batch.isEmpty()) {
            throw new WebhookRejection(WebhookRejection.Reason.EMPTY_BATCH, "the batch holds no events");
        }
        List<ChangeEvent> events = new ArrayList<>(batch.size());
        for (JsonNode event : batch) {
            events.add(normalizeOne(Payloads.object(event, "body[]"), delivery));
        }
        return events;
    }

    private ChangeEvent normalizeOne(JsonNode event, Delivery delivery) {
        String eventType = Payloads.text(event, "eventType");
        String orgId = Payloads.id(event, "orgId");
        if (!orgId.equals(delivery.orgId())) {
            throw new WebhookRejection(WebhookRejection.Reason.ORG_MISMATCH, "an event names another org than the path");
        }
        long eventTime = Payloads.epochMillis(event, "eventTime");
        int underscore = eventType.indexOf('_');
        String resource = underscore < 0 ? eventType : eventType.substring(0, underscore);
        String entity = resource.equals("Ticket") ? ENTITY : resource.toLowerCase(java.util.Locale.ROOT) + "s";
        Changes.topicFor(SystemId.ZOHO_DESK, entity);
        JsonNode payload = Payloads.object(Payloads.required(event, "payload"), "payload");
        JsonNode prevState = event.get("prevState");
        if (prevState != null && !prevState.isNull()) {
            Payloads.object(prevState, "prevState");
        } else {
            prevState = null;
        }

        Operation operation;
        String recordId;
        switch (eventType) {
            case "Ticket_Add" -> {
                operation = Operation.CREATED;
                recordId = Payloads.id(payload, "id");
            }
            case "Ticket_Update" -> {
                operation = Operation.UPDATED;
                recordId = Payloads.id(payload, "id");
            }
            case "Ticket_Delete" -> {
                operation = Operation.DELETED;
                recordId = Payloads.id(payload, "id");
            }
            default -> {
                // thread, comment, attachment, approval events change the ticket they belong to
                operation = Operation.UPDATED;
                recordId = Payloads.optionalId(payload, "ticketId").orElseThrow(() -> WebhookRejection.missing("payload.ticketId"));
            }
        }

        Map<String, String> current = Payloads.values(payload);
        Map<String, String> previous = prevState == null ? null : Payloads.values(prevState);
        List<String> changed = previous == null ? List.copyOf(current.keySet()) : differing(current, previous);
        String transition = transition(previous, current);

        return Changes.event(
                        EventIds.of(SystemId.ZOHO_DESK.name(), orgId, ENTITY, recordId, eventType, Long.toString(eventTime)),
                        SystemId.ZOHO_DESK, orgId, ENTITY, recordId, operation, Instant.ofEpochMilli(eventTime),
                        EventOrigin.WEBHOOK, delivery)
                .setChangedFields(changed)
                .setChangedValues(current)
                .setPreviousValues(previous)
                .setRecordVersion(current.get("modifiedTime"))
                .setAttributes(Changes.attributes(
                        "eventType", eventType,
                        "ticketNumber", current.get("ticketNumber"),
                        "departmentId", current.get("departmentId"),
                        "statusType", current.get("statusType"),
                        "transition", transition))
                .build();
    }

    private static List<String> differing(Map<String, String> current, Map<String, String> previous) {
        Set<String> keys = new LinkedHashSet<>(current.keySet());
        keys.addAll(previous.keySet());
        return keys.stream().filter(k -> !Objects.equals(current.get(k), previous.get(k))).toList();
    }

    /** {@code CLOSED} / {@code REOPENED} / {@code ON_HOLD} / {@code OPENED} when statusType changed; Desk's
     * display {@code status} is per department and may say "Closed" for an open ticket, so it is not used. */
    static String transition(Map<String, String> previous, Map<String, String> current) {
        if (previous == null) {
            return null;
        }
        String before = previous.get("statusType");
        String after = current.get("statusType");
        if (after == null || Objects.equals(before, after)) {
            return null;
        }
        return switch (after) {
            case "Closed" -> "CLOSED";
            case "On Hold" -> "ON_HOLD";
            case "Open" -> "Closed".equals(before) ? "REOPENED" : "OPENED";
            default -> after.toUpperCase(java.util.Locale.ROOT).replace(' ', '_');
        };
    }
}
