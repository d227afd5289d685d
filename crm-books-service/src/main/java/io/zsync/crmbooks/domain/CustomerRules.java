package io.zsync.crmbooks.domain;

/**
 * An org's settings for the contact-to-customer decision.
 *
 * @param customerIdField    CRM contact field that holds the Books customer id (the write-back)
 * @param crmIdCustomField   Books contact custom field ({@code api_name}) that keeps the CRM contact id, or null
 *                           when the org has none (lookups then rely on e-mail and name)
 * @param lookupBeforeCreate look the customer up in Books before every create, not only after a possible crash
 *                           (for an org whose Books already holds customers entered by hand)
 */
public record CustomerRules(String customerIdField, String crmIdCustomField, boolean lookupBeforeCreate) {

    public CustomerRules {
        if (customerIdField == null || customerIdField.isBlank()) {
            throw new IllegalArgumentException("customerIdField is required");
        }
        crmIdCustomField = crmIdCustomField == null || crmIdCustomField.isBlank() ? null : crmIdCustomField;
    }
}
