package io.zsync.crmbooks.domain;

import io.zsync.sync.domain.MappedHash;

import java.util.Map;
import java.util.Optional;

/**
 * Decides what a CRM contact change does to its Books customer: a new contact becomes a customer, a linked
 * contact whose mapped fields changed updates its customer, and anything else (a deletion, a contact gone from
 * CRM, a change to fields the flow does not map) changes nothing in Books. The customer id is written back on the
 * contact whenever the contact does not hold it yet.
 */
public sealed interface CustomerDecision {

    /** Nothing to write in Books. {@code customerId} is the customer already linked, if any. */
    record Skip(String reason, Optional<String> customerId, String mappedHash) implements CustomerDecision {
    }

    /** No customer is known: create one, looking it up first when {@code lookupFirst}. */
    record Create(CustomerPayload payload, String mappedHash, boolean lookupFirst) implements CustomerDecision {
    }

    /** The linked customer's mapped fields changed: update it. */
    record Update(String customerId, CustomerPayload payload, String mappedHash) implements CustomerDecision {
    }

    /** Nothing mapped changed but the contact does not hold the customer id: only write it back. */
    record LinkOnly(String customerId, String mappedHash) implements CustomerDecision {
    }

    /** The contact cannot become a customer; a retry cannot help. */
    record Fail(String code, String message) implements CustomerDecision {
    }

    static CustomerDecision decide(ContactState state, CustomerRules rules) {
        if (state.deleted()) {
            // Books v3 (and the sandbox) offer no way to retire a customer through this flow's client, and
            // deleting one with invoices is refused, so a CRM deletion leaves the customer as it is.
            return new Skip("contact was deleted in CRM; its Books customer is left as it is",
                    state.knownCustomerId(), null);
        }
        if (state.contact() == null) {
            return new Skip("contact no longer exists in CRM", state.knownCustomerId(), null);
        }
        Optional<CustomerPayload> mapped = map(state.contactId(), state.contact());
        if (mapped.isEmpty()) {
            return new Fail("CONTACT_WITHOUT_NAME", "contact " + state.contactId()
                    + " has no first name, last name or e-mail to name a Books customer after");
        }
        CustomerPayload payload = mapped.get();
        String hash = MappedHash.of(payload.mappedValues());
        Optional<String> linkedInCrm = CrmValues.text(state.contact(), rules.customerIdField());
        Optional<String> known = state.knownCustomerId().or(() -> linkedInCrm);
        if (known.isEmpty()) {
            return new Create(payload, hash, state.mayHaveWritten() || rules.lookupBeforeCreate());
        }
        String customerId = known.get();
        if (state.lastMappedHash().filter(hash::equals).isPresent()) {
            if (linkedInCrm.filter(customerId::equals).isPresent()) {
                return new Skip("no mapped field changed", known, hash);
            }
            return new LinkOnly(customerId, hash);
        }
        return new Update(customerId, payload, hash);
    }

    /** True when the contact does not hold {@code customerId} in the write-back field yet. */
    static boolean needsWriteBack(Map<String, Object> contact, CustomerRules rules, String customerId) {
        return CrmValues.text(contact, rules.customerIdField()).filter(customerId::equals).isEmpty();
    }

    /**
     * Maps a contact to its customer; empty when nothing can name it. The display name is "First Last" as in
     * the integration-patterns guide; a contact with neither name (CRM only requires Last_Name in its own UI)
     * is named after its e-mail so that it still reaches Books.
     */
    static Optional<CustomerPayload> map(String contactId, Map<String, Object> contact) {
        Optional<String> first = CrmValues.text(contact, "First_Name");
        Optional<String> last = CrmValues.text(contact, "Last_Name");
        Optional<String> email = CrmValues.text(contact, "Email");
        String person = (first.orElse("") + " " + last.orElse("")).trim();
        String name = person.isEmpty() ? email.orElse("") : person;
        if (name.isEmpty()) {
            return Optional.empty();
        }
        name = truncate(name, CustomerPayload.MAX_CONTACT_NAME);
        CustomerPayload.Address billing = new CustomerPayload.Address(
                person.isEmpty() ? null : person,
                CrmValues.text(contact, "Mailing_Street").orElse(null),
                CrmValues.text(contact, "Mailing_City").orElse(null),
                CrmValues.text(contact, "Mailing_State").orElse(null),
                CrmValues.text(contact, "Mailing_Zip").orElse(null),
                CrmValues.text(contact, "Mailing_Country").orElse(null));
        return Optional.of(new CustomerPayload(contactId, name, CrmValues.text(contact, "Account_Name").orElse(null),
                first.orElse(null), last.orElse(null), email.orElse(null),
                CrmValues.text(contact, "Phone").orElse(null), billing));
    }

    /** Cuts at a code point boundary, so a name ending in an emoji or a CJK character stays valid text. */
    private static String truncate(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int end = maxChars;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end).trim();
    }
}
