package io.zsync.zoho.crm;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One CRM record: an immutable map of field API names to JSON values (modules carry arbitrary custom fields),
 * with typed accessors for the fields the flows use. Lookups are {@code {"id","name"}} objects; dates are
 * {@code yyyy-MM-dd} and date-times ISO-8601 with offset and no millis (zoho-api.md §1.3, §3.5).
 */
public final class CrmRecord {
    /**
     * CRM's date-time format: seconds precision, offset with colon ({@code 2023-05-10T01:10:47-07:00}); UTC is
     * written {@code +00:00}, never {@code Z}, like every CRM sample.
     */
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private final Map<String, Object> fields;

    private CrmRecord(Map<String, Object> fields) {
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public static CrmRecord of(Map<String, ?> fields) {
        return new CrmRecord(new LinkedHashMap<>(fields));
    }

    public static CrmRecord empty() {
        return new CrmRecord(Map.of());
    }

    /** A copy with one field set; {@link LocalDate}/{@link OffsetDateTime} values are written in CRM format. */
    public CrmRecord with(String field, @Nullable Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(fields);
        copy.put(field, toJson(value));
        return new CrmRecord(copy);
    }

    /** A copy with a lookup field set to {@code {"id": id}}. */
    public CrmRecord withLookup(String field, String id) {
        return with(field, Map.of("id", id));
    }

    /** A copy with the record id set (needed for update by batch). */
    public CrmRecord withId(String id) {
        return with("id", id);
    }

    public Map<String, Object> fields() {
        return fields;
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    public @Nullable Object get(String field) {
        return fields.get(field);
    }

    public @Nullable String id() {
        return string("id");
    }

    /** A field as text; numbers and booleans are rendered, lookups give their name. */
    public @Nullable String string(String field) {
        Object v = fields.get(field);
        if (v == null) {
            return null;
        }
        if (v instanceof Map<?, ?> m) {
            Object name = m.get("name");
            return name == null ? null : String.valueOf(name);
        }
        if (v instanceof BigDecimal bd) {
            return bd.toPlainString();
        }
        return String.valueOf(v);
    }

    /** The {@code id} of a lookup field ({@code {"name","id"}}). */
    public Optional<String> lookupId(String field) {
        Object v = fields.get(field);
        if (v instanceof Map<?, ?> m && m.get("id") != null) {
            return Optional.of(String.valueOf(m.get("id")));
        }
        return Optional.empty();
    }

    public Optional<BigDecimal> decimal(String field) {
        Object v = fields.get(field);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof BigDecimal bd) {
            return Optional.of(bd);
        }
        if (v instanceof Number n) {
            return Optional.of(new BigDecimal(n.toString()));
        }
        String s = String.valueOf(v).trim();
        return s.isEmpty() ? Optional.empty() : Optional.of(new BigDecimal(s));
    }

    public Optional<Boolean> bool(String field) {
        Object v = fields.get(field);
        if (v instanceof Boolean b) {
            return Optional.of(b);
        }
        return v == null ? Optional.empty() : Optional.of(Boolean.parseBoolean(String.valueOf(v)));
    }

    public Optional<LocalDate> date(String field) {
        String s = string(field);
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(s.substring(0, 10)));
    }

    public Optional<OffsetDateTime> dateTime(String field) {
        String s = string(field);
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(OffsetDateTime.parse(s));
    }

    /** Multi-select picklists and tags are JSON arrays. */
    public List<Object> list(String field) {
        Object v = fields.get(field);
        return v instanceof List<?> l ? List.copyOf(l) : List.of();
    }

    // ---- the fields the flows read most ----

    public @Nullable String email() {
        return string("Email");
    }

    public @Nullable String firstName() {
        return string("First_Name");
    }

    public @Nullable String lastName() {
        return string("Last_Name");
    }

    public @Nullable String phone() {
        return string("Phone");
    }

    /** Deals: the pipeline stage display value ({@code Closed Won}, ...). */
    public @Nullable String stage() {
        return string("Stage");
    }

    public Optional<BigDecimal> amount() {
        return decimal("Amount");
    }

    public Optional<OffsetDateTime> modifiedTime() {
        return dateTime("Modified_Time");
    }

    private static Object toJson(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.format(DATE_TIME);
        }
        if (value instanceof LocalDate d) {
            return d.toString();
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CrmRecord r && r.fields.equals(fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return "CrmRecord" + fields;
    }
}
