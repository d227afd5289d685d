package io.zsync.gateway.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.zsync.contract.ChangeEvent;
import io.zsync.contract.EventOrigin;
import io.zsync.contract.Operation;
import io.zsync.contract.SystemId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Zoho CRM notification callbacks (zoho-api.md §4.3): the echoed {@code token} must equal the one configured
 * for the channel (compared in constant time) before anything else about the body is judged; then one
 * callback naming N record ids becomes N change events, carrying the affected fields and values of each.
 */
public final class CrmNotificationNormalizer {

    /** The configured verification token of a channel of an org, or empty when the channel is unknown. */
    @FunctionalInterface
    public interface ChannelTokens {
        Optional<String> tokenFor(String orgId, String channelId);
    }

    private final ChannelTokens tokens;

    public CrmNotificationNormalizer(ChannelTokens tokens) {
        this.tokens = tokens;
    }

    public List<ChangeEvent> normalize(Delivery delivery) {
        JsonNode body = Payloads.object(Payloads.json(delivery), "body");
        authenticate(delivery.orgId(), body);

        String module = Payloads.text(body, "module");
        Changes.topicFor(SystemId.ZOHO_CRM, module);
        Operation operation = operation(Payloads.text(body, "operation"));
        long serverTime = Payloads.epochMillis(body, "server_time");
        String channelId = Payloads.id(body, "channel_id");
        List<String> ids = ids(body);
        Map<String, List<String>> fieldsById = affectedFields(body.get("affected_fields"));
        Map<String, Map<String, String>> valuesById = affectedValues(body.get("affected_values"));

        List<ChangeEvent> events = new ArrayList<>(ids.size());
        for (String id : ids) {
            Map<String, String> values = valuesById.get(id);
            Set<String> fields = new LinkedHashSet<>(fieldsById.getOrDefault(id, List.of()));
            if (values != null) {
                fields.addAll(values.keySet());
            }
            String eventId = EventIds.of(SystemId.ZOHO_CRM.name(), delivery.orgId(), module, id,
                    operation.name(), Long.toString(serverTime));
            events.add(Changes.event(eventId, SystemId.ZOHO_CRM, delivery.orgId(), module, id, operation,
                            Instant.ofEpochMilli(serverTime), EventOrigin.WEBHOOK, delivery)
                    .setChangedFields(List.copyOf(fields))
                    .setChangedValues(values)
                    .setRecordVersion(values == null ? null : values.get("Modified_Time"))
                    .setAttributes(Changes.attributes(
                            "channelId", channelId,
                            "notification", "crm",
                            "serverTime", Long.toString(serverTime)))
                    .build());
        }
        return events;
    }

    private void authenticate(String orgId, JsonNode body) {
        JsonNode channel = body.get("channel_id");
        JsonNode token = body.get("token");
        if (channel == null || channel.isNull() || token == null || !token.isTextual()) {
            throw WebhookRejection.unauthenticated(WebhookRejection.Reason.MISSING_CREDENTIAL);
        }
        if (!(channel.isTextual() || channel.isIntegralNumber())) {
            throw WebhookRejection.unauthenticated(WebhookRejection.Reason.UNKNOWN_CHANNEL);
        }
        String expected = tokens.tokenFor(orgId, Payloads.idValue(channel, "channel_id"))
                .orElseThrow(() -> WebhookRejection.unauthenticated(WebhookRejection.Reason.UNKNOWN_CHANNEL));
        Credentials.requireSecret(expected, token.asText());
    }

    static Operation operation(String operation) {
        return switch (operation) {
            case "insert", "create" -> Operation.CREATED;
            case "update", "edit" -> Operation.UPDATED;
            case "delete" -> Operation.DELETED;
            default -> throw WebhookRejection.invalid("operation", "one of insert, update, delete");
        };
    }

    private static List<String> ids(JsonNode body) {
        JsonNode ids = Payloads.required(body, "ids");
        if (!ids.isArray() || ids.isEmpty()) {
            throw WebhookRejection.invalid("ids", "a non-empty array of record ids");
        }
        Set<String> unique = new LinkedHashSet<>();
        for (JsonNode id : ids) {
            unique.add(Payloads.idValue(id, "ids[]"));
        }
        return List.copyOf(unique);
    }

    /** {@code [{"<id>": ["Field", ...]}, ...]}; empty for inserts. */
    private static Map<String, List<String>> affectedFields(JsonNode node) {
        Map<String, List<String>> byId = new HashMap<>();
        if (node == null || node.isNull()) {
            return byId;
        }
        if (!node.isArray()) {
            throw WebhookRejection.invalid("affected_fields", "an array");
        }
        for (JsonNode entry : node) {
            if (!entry.isObject()) {
                throw WebhookRejection.invalid("affected_fields[]", "an object of record id to field names");
            }
            entry.fields().forEachRemaining(e -> {
                if (!e.getValue().isArray()) {
                    throw WebhookRejection.invalid("affected_fields[]." + Payloads.sanitize(e.getKey()), "an array of field names");
                }
                List<String> fields = new ArrayList<>();
                e.getValue().forEach(f -> {
                    if (!f.isTextual()) {
                        throw WebhookRejection.invalid("affected_fields[]", "an array of field names");
                    }
                    fields.add(f.asText());
                });
                byId.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).addAll(fields);
            });
        }
        return byId;
    }

    /** {@code [{"record_id": "...", "values": {...}}, ...]}, present only when the channel asked for values. */
    private static Map<String, Map<String, String>> affectedValues(JsonNode node) {
        Map<String, Map<String, String>> byId = new HashMap<>();
        if (node == null || node.isNull()) {
            return byId;
        }
        if (!node.isArray()) {
            throw WebhookRejection.invalid("affected_values", "an array");
        }
        for (JsonNode entry : node) {
            Payloads.object(entry, "affected_values[]");
            String id = Payloads.id(entry, "record_id");
            JsonNode values = Payloads.object(Payloads.required(entry, "values"), "affected_values[].values");
            byId.computeIfAbsent(id, k -> new LinkedHashMap<>()).putAll(Payloads.values(values));
        }
        return byId;
    }
}
