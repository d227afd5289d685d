package io.zsync.externalsync.port;

import io.zsync.externalsync.domain.ContactField;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Changes to an external contact.
 *
 * @param fields      shared fields to set (null value: clear)
 * @param zohoId      the Zoho id to store ({@code ""} clears it), or empty to leave it
 * @param markDeleted mark the contact as deleted in Zoho
 */
public record ExternalUpdate(Map<ContactField, String> fields, Optional<String> zohoId, boolean markDeleted) {

    public ExternalUpdate {
        Map<ContactField, String> copy = new EnumMap<>(ContactField.class);
        copy.putAll(fields);
        fields = Collections.unmodifiableMap(copy);
    }

    public boolean isEmpty() {
        return fields.isEmpty() && zohoId.isEmpty() && !markDeleted;
    }
}
