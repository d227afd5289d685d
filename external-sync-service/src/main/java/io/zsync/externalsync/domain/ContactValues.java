package io.zsync.externalsync.domain;

import io.zsync.sync.domain.MappedHash;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A contact as both sides understand it: the shared fields and nothing else. Its {@link #hash()} is the
 * provenance fingerprint: the same values on either side give the same hash, whatever the formatting.
 */
public final class ContactValues {

    private final Map<ContactField, String> values;

    private ContactValues(Map<ContactField, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static ContactValues of(Map<ContactField, String> values) {
        Map<ContactField, String> cleaned = new EnumMap<>(ContactField.class);
        values.forEach((field, value) -> {
            String clean = field.clean(value);
            if (clean != null) {
                cleaned.put(field, clean);
            }
        });
        return new ContactValues(cleaned);
    }

    public static ContactValues empty() {
        return new ContactValues(new EnumMap<>(ContactField.class));
    }

    public static ContactValues of(String firstName, String lastName, String email, String phone, String company) {
        Map<ContactField, String> map = new EnumMap<>(ContactField.class);
        map.put(ContactField.FIRST_NAME, firstName);
        map.put(ContactField.LAST_NAME, lastName);
        map.put(ContactField.EMAIL, email);
        map.put(ContactField.PHONE, phone);
        map.put(ContactField.COMPANY, company);
        return of(map);
    }

    /** The value, or null when the contact has none. */
    public String get(ContactField field) {
        return values.get(field);
    }

    public Map<ContactField, String> asMap() {
        return values;
    }

    /** A copy with one field set (null or blank clears it). */
    public ContactValues with(ContactField field, String value) {
        Map<ContactField, String> copy = new EnumMap<>(ContactField.class);
        copy.putAll(values);
        String clean = field.clean(value);
        if (clean == null) {
            copy.remove(field);
        } else {
            copy.put(field, clean);
        }
        return new ContactValues(copy);
    }

    /** True when every field compares equal (see {@link ContactField#comparable}). */
    public boolean sameAs(ContactValues other) {
        for (ContactField field : ContactField.values()) {
            if (!field.same(get(field), other.get(field))) {
                return false;
            }
        }
        return true;
    }

    /** Fingerprint of all fields in comparable form. */
    public String hash() {
        Map<String, String> canonical = new LinkedHashMap<>();
        for (ContactField field : ContactField.values()) {
            canonical.put(field.key(), field.comparable(get(field)));
        }
        return MappedHash.of(canonical);
    }

    /** Fingerprint of one field in comparable form, for the per-field baseline. */
    public String fieldHash(ContactField field) {
        return fieldHash(field, get(field));
    }

    public static String fieldHash(ContactField field, String value) {
        Map<String, String> one = new LinkedHashMap<>();
        one.put(field.key(), field.comparable(value));
        return MappedHash.of(one);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContactValues other && other.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        // Contact details are personal data: logs and exceptions get the fingerprint only.
        return "ContactValues[" + hash() + "]";
    }
}
