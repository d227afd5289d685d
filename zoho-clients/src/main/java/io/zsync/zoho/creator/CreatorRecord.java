package io.zsync.zoho.creator;

import io.micronaut.core.annotation.Nullable;

import java.util.Map;
import java.util.Optional;

/**
 * A Creator record as v2.1 returns it: field link names to values, lookups as maps with {@code ID} and
 * {@code display_value}, numbers often as strings ({@code "120.00"}), dates in the app's format ([U]).
 *
 * @param fields the record's fields
 */
public record CreatorRecord(Map<String, Object> fields) {
    public CreatorRecord {
        fields = Map.copyOf(fields.entrySet().stream().filter(e -> e.getValue() != null)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    public @Nullable String id() {
        return string("ID");
    }

    public @Nullable String string(String field) {
        Object v = fields.get(field);
        if (v instanceof Map<?, ?> m) {
            Object d = m.get("display_value");
            return d == null ? null : String.valueOf(d);
        }
        return v == null ? null : String.valueOf(v);
    }

    /** The {@code ID} of a lookup field. */
    public Optional<String> lookupId(String field) {
        if (fields.get(field) instanceof Map<?, ?> m && m.get("ID") != null) {
            return Optional.of(String.valueOf(m.get("ID")));
        }
        return Optional.empty();
    }

    public Optional<java.math.BigDecimal> decimal(String field) {
        String s = string(field);
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(new java.math.BigDecimal(s.trim()));
    }
}
