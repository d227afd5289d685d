package io.zsync.crmbooks.domain;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Reading CRM field values as the API returns them (zoho-api.md §3.5): text may be absent, blank or padded;
 * lookups are {@code {"name","id"}} objects; numbers come as JSON numbers or strings. Blank is treated as absent,
 * because CRM sends {@code ""} and {@code null} for the same empty field.
 */
public final class CrmValues {

    private CrmValues() {
    }

    /** A field as trimmed text; lookups give their name; empty when absent or blank. */
    public static Optional<String> text(Map<String, ?> record, String field) {
        if (record == null || field == null) {
            return Optional.empty();
        }
        Object value = record.get(field);
        if (value instanceof Map<?, ?> lookup) {
            value = lookup.get("name");
        }
        if (value == null) {
            return Optional.empty();
        }
        String text = value instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(value).trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** The id of a lookup field ({@code {"name","id"}}). */
    public static Optional<String> lookupId(Map<String, ?> record, String field) {
        if (record != null && record.get(field) instanceof Map<?, ?> lookup && lookup.get("id") != null) {
            String id = String.valueOf(lookup.get("id")).trim();
            return id.isEmpty() ? Optional.empty() : Optional.of(id);
        }
        return Optional.empty();
    }

    /**
     * A number field; empty when absent or blank.
     *
     * @throws NumberFormatException when the value is not a number
     */
    public static Optional<BigDecimal> decimal(Map<String, ?> record, String field) {
        Object value = record == null ? null : record.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof BigDecimal decimal) {
            return Optional.of(decimal);
        }
        String text = String.valueOf(value).trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(new BigDecimal(text));
    }
}
