package io.zsync.crmbooks.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Books customer a CRM contact maps to (the integration-patterns guide's "Sync Customers Between CRM and
 * Books"): display name "First Last", company from the account, the contact's e-mail and phone on the primary
 * contact person, and the mailing address as billing address with the person as attention.
 *
 * @param crmContactId  the CRM contact id (kept on the Books contact when the org has a custom field for it)
 * @param contactName   Books display name (unique per Books org, at most 200 characters)
 * @param companyName   company, or null
 * @param firstName     first name, or null
 * @param lastName      last name, or null
 * @param email         e-mail, or null
 * @param phone         phone, or null
 * @param billing       billing address
 */
public record CustomerPayload(String crmContactId, String contactName, String companyName, String firstName,
                              String lastName, String email, String phone, Address billing) {

    /** Books allows at most this many characters in {@code contact_name}. */
    public static final int MAX_CONTACT_NAME = 200;

    /**
     * A Books billing address.
     *
     * @param attention attention line (the person)
     * @param street    street ({@code address} in Books)
     * @param city      city
     * @param state     state
     * @param zip       postal code
     * @param country   country
     */
    public record Address(String attention, String street, String city, String state, String zip, String country) {
    }

    /** The same values under another display name (the mapped hash stays the contact's own). */
    public CustomerPayload withContactName(String name) {
        return new CustomerPayload(crmContactId, name, companyName, firstName, lastName, email, phone, billing);
    }

    /** Individual when there is no company, business otherwise (Books' {@code customer_sub_type}). */
    public String customerSubType() {
        return companyName == null ? "individual" : "business";
    }

    /** Every value the flow writes to Books, by Books field: its hash tells whether anything mapped changed. */
    public Map<String, Object> mappedValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("contact_name", contactName);
        values.put("company_name", companyName);
        values.put("first_name", firstName);
        values.put("last_name", lastName);
        values.put("email", email);
        values.put("phone", phone);
        values.put("billing.attention", billing.attention());
        values.put("billing.address", billing.street());
        values.put("billing.city", billing.city());
        values.put("billing.state", billing.state());
        values.put("billing.zip", billing.zip());
        values.put("billing.country", billing.country());
        return values;
    }
}
