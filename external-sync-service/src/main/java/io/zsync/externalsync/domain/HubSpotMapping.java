package io.zsync.externalsync.domain;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HubSpot contact properties to and from the shared contact: {@code firstname}, {@code lastname}, {@code email},
 * {@code phone}, {@code company}; the Zoho contact id is kept in a configurable property ({@code zoho_contact_id}
 * by default). HubSpot clears a property given an empty string.
 *
 * @param zohoIdProperty  property holding the Zoho CRM contact id
 * @param deletedProperty property set to {@code true} when the CRM contact is deleted and the org keeps the
 *                        HubSpot contact
 */
public record HubSpotMapping(String zohoIdProperty, String deletedProperty) {

    private static final Map<ContactField, String> PROPERTIES = Map.of(
            ContactField.FIRST_NAME, "firstname",
            ContactField.LAST_NAME, "lastname",
            ContactField.EMAIL, "email",
            ContactField.PHONE, "phone",
            ContactField.COMPANY, "company");

    public static String property(ContactField field) {
        return PROPERTIES.get(field);
    }

    /** Properties to read. */
    public List<String> readProperties() {
        return List.of("firstname", "lastname", "email", "phone", "company", zohoIdProperty, "lastmodifieddate");
    }

    public ContactValues values(Map<String, ?> properties) {
        Map<ContactField, String> values = new EnumMap<>(ContactField.class);
        for (ContactField field : ContactField.values()) {
            Object value = properties == null ? null : properties.get(property(field));
            values.put(field, value == null ? null : String.valueOf(value));
        }
        return ContactValues.of(values);
    }

    public Optional<String> zohoId(Map<String, ?> properties) {
        Object value = properties == null ? null : properties.get(zohoIdProperty);
        return Optional.ofNullable(ContactField.FIRST_NAME.clean(value == null ? null : String.valueOf(value)));
    }

    /** Properties for changes; a cleared field is sent as an empty string. */
    public Map<String, String> properties(Map<ContactField, String> changes) {
        Map<String, String> properties = new LinkedHashMap<>();
        changes.forEach((field, value) -> properties.put(property(field), value == null ? "" : value));
        return properties;
    }
}
