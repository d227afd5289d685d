package io.zsync.gateway.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reading webhook bodies strictly: content types are checked before parsing, JSON must be well formed with
 * nothing after it, and every required field must be present with the documented type. Anything else is a
 * {@link WebhookRejection} (a 400), never an exception that would become a 5xx.
 */
public final class Payloads {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    public static final String JSON_TYPE = "application/json";
    public static final String FORM_TYPE = "application/x-www-form-urlencoded";

    private Payloads() {
    }

    /** The media type without parameters, lower case, or "" when absent. */
    public static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    public static boolean isJson(String contentType) {
        String type = mediaType(contentType);
        return type.equals(JSON_TYPE) || (type.startsWith("application/") && type.endsWith("+json"));
    }

    public static boolean isForm(String contentType) {
        return mediaType(contentType).equals(FORM_TYPE);
    }

    /** Parses a JSON body after checking that it was declared as JSON. */
    public static JsonNode json(Delivery delivery) {
        if (!isJson(delivery.contentType())) {
            throw unsupported(delivery.contentType(), JSON_TYPE);
        }
        return parseJson(delivery.body());
    }

    /** Parses bytes as one JSON document. */
    public static JsonNode parseJson(byte[] body) {
        if (body.length == 0) {
            throw new WebhookRejection(WebhookRejection.Reason.MALFORMED_BODY, "the body is empty");
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new WebhookRejection(WebhookRejection.Reason.MALFORMED_BODY, "the body is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            // Jackson's location is useful to the sender; its message never echoes more than a token
            throw new WebhookRejection(WebhookRejection.Reason.MALFORMED_BODY,
                    "the body is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new WebhookRejection(WebhookRejection.Reason.MALFORMED_BODY, "the body is not valid JSON");
        }
    }

    /**
     * A JSON object or a form body as one object of string values (form), depending on the declared
     * content type; anything else is rejected.
     */
    public static ObjectNode jsonOrForm(Delivery delivery) {
        if (isForm(delivery.contentType())) {
            ObjectNode node = JSON.createObjectNode();
            form(delivery.body()).forEach(node::put);
            return node;
        }
        if (!isJson(delivery.contentType())) {
            throw unsupported(delivery.contentType(), JSON_TYPE + " or " + FORM_TYPE);
        }
        return object(parseJson(delivery.body()), "body");
    }

    /** Decodes an {@code application/x-www-form-urlencoded} body; a repeated key keeps its last value. */
    public static Map<String, String> form(byte[] body) {
        Map<String, String> values = new LinkedHashMap<>();
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return values;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                values.put(key, value);
            } catch (IllegalArgumentException e) {
                throw new WebhookRejection(WebhookRejection.Reason.MALFORMED_BODY, "the form body is not correctly URL-encoded");
            }
        }
        return values;
    }

    public static ObjectNode object(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw WebhookRejection.invalid(what, "a JSON object");
        }
        return (ObjectNode) node;
    }

    public static JsonNode required(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            throw WebhookRejection.missing(field);
        }
        return value;
    }

    /** A required non-blank string. */
    public static String text(JsonNode parent, String field) {
        JsonNode value = required(parent, field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw WebhookRejection.invalid(field, "a non-empty string");
        }
        return value.asText();
    }

    /** A required identifier: Zoho sends ids as strings, HubSpot as numbers; both are accepted. */
    public static String id(JsonNode parent, String field) {
        return idValue(required(parent, field), field);
    }

    public static Optional<String> optionalId(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(idValue(value, field));
    }

    public static String idValue(JsonNode value, String field) {
        if (value.isTextual() && !value.asText().isBlank()) {
            return value.asText();
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        throw WebhookRejection.invalid(field, "an id (string or integer)");
    }

    /** A required epoch-milliseconds value, sent as a number (CRM, HubSpot) or a string of digits (Desk). */
    public static long epochMillis(JsonNode parent, String field) {
        JsonNode value = required(parent, field);
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isTextual() && value.asText().matches("\\d{1,19}")) {
            try {
                return Long.parseLong(value.asText());
            } catch (NumberFormatException e) {
                throw WebhookRejection.invalid(field, "epoch milliseconds");
            }
        }
        throw WebhookRejection.invalid(field, "epoch milliseconds");
    }

    /** An optional point in time: epoch milliseconds (number or digits) or an ISO-8601 date-time with offset. */
    public static Optional<Instant> optionalInstant(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            return Optional.empty();
        }
        if (value.isIntegralNumber() || (value.isTextual() && value.asText().matches("\\d{1,19}"))) {
            return Optional.of(Instant.ofEpochMilli(epochMillis(parent, field)));
        }
        if (value.isTextual()) {
            try {
                return Optional.of(OffsetDateTime.parse(value.asText()).toInstant());
            } catch (DateTimeParseException e) {
                throw WebhookRejection.invalid(field, "epoch milliseconds or an ISO-8601 date-time with offset");
            }
        }
        throw WebhookRejection.invalid(field, "epoch milliseconds or an ISO-8601 date-time with offset");
    }

    /** An optional string (text, or a number written as text). */
    public static Optional<String> optionalText(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isValueNode()) {
            return Optional.of(value.asText());
        }
        throw WebhookRejection.invalid(field, "a string");
    }

    /**
     * A field value as the contract carries it: strings as they are, null as null, anything else as its
     * JSON text.
     */
    public static String valueText(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.asText();
        }
        return value.toString();
    }

    /** Every field of an object as contract values, in the sender's order. */
    public static Map<String, String> values(JsonNode object) {
        Map<String, String> values = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> values.put(e.getKey(), valueText(e.getValue())));
        return values;
    }

    static WebhookRejection unsupported(String contentType, String expected) {
        String given = mediaType(contentType);
        return new WebhookRejection(WebhookRejection.Reason.UNSUPPORTED_CONTENT_TYPE,
                "Content-Type must be " + expected + " (got " + (given.isEmpty() ? "none" : sanitize(given)) + ")");
    }

    /** Header values echoed in messages are cut short and stripped of anything but plain characters. */
    static String sanitize(String value) {
        String cleaned = value.replaceAll("[^A-Za-z0-9/+.\\-]", "?");
        return cleaned.length() > 60 ? cleaned.substring(0, 60) + "…" : cleaned;
    }
}
