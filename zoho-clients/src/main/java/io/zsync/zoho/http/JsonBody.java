package io.zsync.zoho.http;

import io.micronaut.core.annotation.Nullable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds request bodies as maps holding exactly the keys to send. The application's serde inclusion setting
 * (which a service may set to {@code always}) must not decide what Zoho receives: a Desk {@code "cf": null} is
 * rejected as invalid, and a CRM {@code "trigger": []} dropped as empty would run every workflow.
 */
public final class JsonBody {
    private final Map<String, Object> map = new LinkedHashMap<>();

    public static JsonBody create() {
        return new JsonBody();
    }

    /** Puts the value unless it is null. */
    public JsonBody put(String key, @Nullable Object value) {
        if (value != null) {
            map.put(key, value);
        }
        return this;
    }

    /** Puts a list converted element by element, unless it is null. */
    public <T> JsonBody putList(String key, @Nullable List<T> values, Function<T, Object> each) {
        if (values != null) {
            map.put(key, values.stream().map(each).toList());
        }
        return this;
    }

    public Map<String, Object> build() {
        return map;
    }
}
