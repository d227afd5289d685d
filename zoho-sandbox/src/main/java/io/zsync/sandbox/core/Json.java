package io.zsync.sandbox.core;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON in and out as plain maps and lists: Zoho records carry arbitrary custom fields, so the sandbox
 * keeps them as ordered maps instead of fixed classes. Bodies are parsed here (not by the framework) so
 * each product can answer malformed JSON with its own error envelope.
 */
@Singleton
public class Json {

    private final JsonMapper mapper;

    public Json(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** Parses a body; throws {@link MalformedJsonException} when it is not JSON. */
    public Object parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return mapper.readValue(body, Argument.OBJECT_ARGUMENT);
        } catch (IOException e) {
            throw new MalformedJsonException(e.getMessage());
        }
    }

    /** Parses a body that must be a JSON object. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> parseObject(byte[] body) {
        Object parsed = parse(body);
        if (parsed instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new MalformedJsonException("expected a JSON object");
    }

    public byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An ordered map from alternating keys and values; unlike {@code Map.of} it keeps nulls. */
    public static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** A deep copy, so a stored record never shares mutable maps with a response or a request. */
    @SuppressWarnings("unchecked")
    public static <T> T copy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), copy(v)));
            return (T) out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(copy(v)));
            return (T) out;
        }
        return value;
    }

    /** Thrown when a request body is not the JSON the endpoint expects. */
    public static final class MalformedJsonException extends RuntimeException {
        public MalformedJsonException(String message) {
            super(message);
        }
    }
}
