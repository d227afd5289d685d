package io.zsync.externalsync.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The contact fields both sides share. Values are compared in a normalized form (trimmed, inner whitespace
 * collapsed, e-mail case-insensitive, blank as absent) so that formatting a CRM applies on save is never
 * mistaken for a change.
 */
public enum ContactField {
    FIRST_NAME("firstName"),
    LAST_NAME("lastName"),
    EMAIL("email"),
    PHONE("phone"),
    COMPANY("company");

    private final String key;

    ContactField(String key) {
        this.key = key;
    }

    /** The name used in configuration, ledger entries and completion details. */
    public String key() {
        return key;
    }

    /** The value as stored: trimmed, or null when blank. */
    public String clean(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** The value as compared: {@link #clean} with whitespace runs collapsed, and e-mails lower-cased. */
    public String comparable(String value) {
        String cleaned = clean(value);
        if (cleaned == null) {
            return null;
        }
        String collapsed = cleaned.replaceAll("\\s+", " ");
        return this == EMAIL ? collapsed.toLowerCase(Locale.ROOT) : collapsed;
    }

    public boolean same(String a, String b) {
        String x = comparable(a);
        String y = comparable(b);
        return x == null ? y == null : x.equals(y);
    }

    /** Accepts {@code firstName}, {@code first-name}, {@code first_name} or {@code FIRST_NAME}. */
    public static Optional<ContactField> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
        for (ContactField field : values()) {
            if (field.key.toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }
}
