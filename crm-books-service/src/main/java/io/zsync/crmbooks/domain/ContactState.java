package io.zsync.crmbooks.domain;

import java.util.Map;
import java.util.Optional;

/**
 * What is known about one CRM contact when its change is decided.
 *
 * @param contactId       CRM contact id
 * @param deleted         the change is a deletion
 * @param contact         the contact's fields as CRM returned them now, or null when CRM no longer has it
 * @param knownCustomerId the Books customer id remembered in the ledger, if any
 * @param lastMappedHash  hash of the values last written to Books, if any
 * @param mayHaveWritten  an earlier attempt may have created the customer without recording it
 */
public record ContactState(String contactId, boolean deleted, Map<String, Object> contact,
                           Optional<String> knownCustomerId, Optional<String> lastMappedHash, boolean mayHaveWritten) {

    public ContactState {
        knownCustomerId = knownCustomerId == null ? Optional.empty() : knownCustomerId.filter(id -> !id.isBlank());
        lastMappedHash = lastMappedHash == null ? Optional.empty() : lastMappedHash;
    }
}
