package io.zsync.externalsync.port;

import io.zsync.externalsync.domain.ContactValues;

import java.time.Instant;
import java.util.Optional;

/**
 * A contact of the external CRM as the flows see it.
 *
 * @param id            the external id
 * @param values        the shared fields
 * @param zohoId        the Zoho contact id stored on it, if any
 * @param modifiedAt    when the external record was last modified (null if unknown)
 * @param markedDeleted the org keeps deleted CRM contacts as marked external contacts, and this is one
 */
public record ExternalContact(String id, ContactValues values, Optional<String> zohoId, Instant modifiedAt,
                              boolean markedDeleted) {
}
