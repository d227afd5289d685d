package io.zsync.externalsync.crm;

import io.zsync.externalsync.domain.ContactValues;

import java.time.Instant;
import java.util.Optional;

/**
 * A CRM contact as the flows see it.
 *
 * @param id         CRM record id
 * @param values     the shared fields
 * @param externalId the external contact id stored on it, if any
 * @param modifiedAt CRM {@code Modified_Time} (whole seconds; null if absent)
 */
public record CrmContact(String id, ContactValues values, Optional<String> externalId, Instant modifiedAt) {
}
