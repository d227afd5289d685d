package io.zsync.externalsync.domain;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Zoho CRM Contacts fields to and from the shared contact: {@code First_Name}, {@code Last_Name}, {@code Email},
 * {@code Phone}, and the company from a configurable field, by default the {@code Account_Name} lookup whose
 * name is the company (a lookup is written as {@code {"id": ...}}, so the caller resolves the account id). The
 * external id lives in a configurable field, {@code External_System_ID} by default.
 *
 * @param companyField     field holding the company
 * @param companyIsLookup  the company field is a lookup to Accounts (else a text field)
 * @param externalIdField  field holding the external contact id
 */
public record CrmContactMapping(String companyField, boolean companyIsLookup, String externalIdField) {

    public static final String FIRST_NAME = "First_Name";
    public static final String LAST_NAME = "Last_Name";
    public static final String EMAIL = "Email";
    public static final String PHONE = "Phone";
    public static final String MODIFIED_TIME = "Modified_Time";

    /** Fields to ask CRM for when reading contacts. */
    public List<String> readFields() {
        return List.of(FIRST_NAME, LAST_NAME, EMAIL, PHONE, companyField, externalIdField, MODIFIED_TIME);
    }

    public ContactValues values(Map<String, ?> fields) {
        Map<ContactField, String> values = new EnumMap<>(ContactField.class);
        values.put(ContactField.FIRST_NAME, text(fields.get(FIRST_NAME)));
        values.put(ContactField.LAST_NAME, text(fields.get(LAST_NAME)));
        values.put(ContactField.EMAIL, text(fields.get(EMAIL)));
        values.put(ContactField.PHONE, text(fields.get(PHONE)));
        values.put(ContactField.COMPANY, text(fields.get(companyField)));
        return ContactValues.of(values);
    }

    /** The external id stored on the contact, if any. */
    public Optional<String> externalId(Map<String, ?> fields) {
        return Optional.ofNullable(ContactField.FIRST_NAME.clean(text(fields.get(externalIdField))));
    }

    /**
     * CRM fields for the given changes (null clears), except a lookup company, which {@link #companyChange}
     * reports for the caller to resolve.
     */
    public Map<String, Object> fields(Map<ContactField, String> changes) {
        Map<String, Object> fields = new LinkedHashMap<>();
        changes.forEach((field, value) -> {
            switch (field) {
                case FIRST_NAME -> fields.put(FIRST_NAME, value);
                case LAST_NAME -> fields.put(LAST_NAME, value);
                case EMAIL -> fields.put(EMAIL, value);
                case PHONE -> fields.put(PHONE, value);
                case COMPANY -> {
                    if (!companyIsLookup) {
                        fields.put(companyField, value);
                    }
                }
            }
        });
        return fields;
    }

    /** The company to resolve to an account when it changes and the company field is a lookup. */
    public Optional<CompanyChange> companyChange(Map<ContactField, String> changes) {
        if (!companyIsLookup || !changes.containsKey(ContactField.COMPANY)) {
            return Optional.empty();
        }
        return Optional.of(new CompanyChange(companyField, changes.get(ContactField.COMPANY)));
    }

    /** A lookup company to set: {@code name} null clears the lookup. */
    public record CompanyChange(String field, String name) {
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> lookup) {
            Object name = lookup.get("name");
            return name == null ? null : String.valueOf(name);
        }
        return String.valueOf(value);
    }
}
