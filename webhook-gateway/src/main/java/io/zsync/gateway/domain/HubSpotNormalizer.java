package io.zsync.gateway.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.zsync.contract.ChangeEvent;
import io.zsync.contract.EventOrigin;
import io.zsync.contract.Operation;
import io.zsync.contract.SystemId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * HubSpot webhook batches (zoho-api.md §9.2): a JSON array of events, each its own change of one CRM
 * object in one portal. The event id derives from HubSpot's own {@code eventId}, which stays the same
 * when HubSpot retries (only {@code attemptNumber} grows), so a retried batch yields the same ids.
 */
public final class HubSpotNormalizer {

    /** HubSpot's object type ids of the legacy singular names. */
    private static final Map<String, String> OBJECT_TYPE_IDS = Map.of(
            "0-1", "contact", "0-2", "company", "0-3", "deal", "0-5", "ticket");

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
        String hubSpotEventId = Payloads.id(event, "eventId");
        String portalId = Payloads.id(event, "portalId");
        String objectId = Payloads.id(event, "objectId");
        long occurredAt = Payloads.epochMillis(event, "occurredAt");
        String subscriptionType = Payloads.text(event, "subscriptionType");
        int dot = subscriptionType.indexOf('.');
        if (dot <= 0 || dot == subscriptionType.length() - 1) {
            throw WebhookRejection.invalid("subscriptionType", "of the form <object>.<action>");
        }
        String object = subscriptionType.substring(0, dot);
        String action = subscriptionType.substring(dot + 1);
        if (object.equals("object")) {
            String typeId = Payloads.optionalText(event, "objectTypeId").orElseThrow(() -> WebhookRejection.missing("objectTypeId"));
            object = OBJECT_TYPE_IDS.getOrDefault(typeId, typeId);
        }
        String entity = plural(object);
        Changes.topicFor(SystemId.HUBSPOT, entity);
        Operation operation = switch (action) {
            case "creation" -> Operation.CREATED;
            case "deletion", "privacyDeletion" -> Operation.DELETED;
            case "propertyChange", "merge", "associationChange", "restore" -> Operation.UPDATED;
            default -> throw WebhookRejection.invalid("subscriptionType", "a creation, deletion, propertyChange, merge, associationChange or restore subscription");
        };

        ChangeEvent.Builder builder = Changes.event(
                EventIds.of(SystemId.HUBSPOT.name(), portalId, entity, objectId, operation.name(), hubSpotEventId),
                SystemId.HUBSPOT, portalId, entity, objectId, operation, Instant.ofEpochMilli(occurredAt),
                EventOrigin.WEBHOOK, delivery);
        var property = Payloads.optionalText(event, "propertyName");
        if (property.isPresent()) {
            builder.setChangedFields(List.of(property.get()));
            Map<String, String> values = new java.util.HashMap<>();
            values.put(property.get(), Payloads.valueText(event.get("propertyValue")));
            builder.setChangedValues(values);
        }
        builder.setAttributes(Changes.attributes(
                "hubspotEventId", hubSpotEventId,
                "subscriptionType", subscriptionType,
                "subscriptionId", Payloads.optionalId(event, "subscriptionId").orElse(null),
                "appId", Payloads.optionalId(event, "appId").orElse(null),
                "changeSource", Payloads.optionalText(event, "changeSource").orElse(null),
                "changeFlag", Payloads.optionalText(event, "changeFlag").orElse(null),
                "sourceId", Payloads.optionalText(event, "sourceId").orElse(null)));
        return builder.build();
    }

    private static String plural(String object) {
        return switch (object) {
            case "company" -> "companies";
            case "contact", "deal", "ticket", "product", "quote" -> object + "s";
            default -> object;
        };
    }
}
