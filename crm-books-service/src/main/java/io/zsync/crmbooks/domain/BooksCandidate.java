package io.zsync.crmbooks.domain;

/**
 * A Books contact found by a lookup, reduced to what tells whether it is the customer of a CRM contact.
 *
 * @param customerId     Books contact id
 * @param contactName    display name
 * @param email          primary e-mail, or null
 * @param crmContactId   the CRM contact id kept in the org's custom field, or null when unknown
 * @param primaryPersonId id of the primary contact person, or null
 */
public record BooksCandidate(String customerId, String contactName, String email, String crmContactId,
                             String primaryPersonId) {
}
