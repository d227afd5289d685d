package io.zsync.crmbooks.customer;

import io.zsync.contract.LedgerEntry;
import io.zsync.contract.LedgerState;
import io.zsync.contract.SystemId;
import io.zsync.contract.TargetAction;
import io.zsync.contract.TargetRef;
import io.zsync.crmbooks.config.CrashHook;
import io.zsync.crmbooks.config.CrmBooksOrgSettings;
import io.zsync.crmbooks.domain.BooksCandidate;
import io.zsync.crmbooks.domain.ContactState;
import io.zsync.crmbooks.domain.CustomerDecision;
import io.zsync.crmbooks.domain.CustomerMatch;
import io.zsync.crmbooks.domain.CustomerPayload;
import io.zsync.crmbooks.domain.CustomerRules;
import io.zsync.sync.api.FlowResult;
import io.zsync.sync.api.PermanentSyncException;
import io.zsync.sync.engine.Failures;
import io.zsync.zoho.books.BooksAddress;
import io.zsync.zoho.books.BooksClient;
import io.zsync.zoho.books.BooksContact;
import io.zsync.zoho.books.BooksContactPerson;
import io.zsync.zoho.books.BooksContactRequest;
import io.zsync.zoho.crm.CrmClient;
import io.zsync.zoho.crm.CrmRecord;
import io.zsync.zoho.crm.CrmWriteResult;
import io.zsync.zoho.error.ZohoDuplicateException;
import io.zsync.zoho.error.ZohoNotFoundException;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes CRM contacts Books customers and links them back: the one component behind the contact flow and the
 * deal flow's "ensure the customer". Contacts of a batch are read with one CRM call and their customer ids
 * written back with one CRM update; each contact costs one Books call on the normal path (create or update).
 * Where a create may already have happened (a crash before the ledger recorded it), or the org asks for it,
 * the customer is looked up by e-mail and name first; a Books "name already exists" (3062) resolves to the
 * existing customer unless it belongs to another CRM contact.
 */
@Singleton
public class CustomerSync {

    /** Ledger roles. */
    public static final String ROLE_CUSTOMER = "books.contact_id";
    public static final String ROLE_PERSON = "books.contact_person_id";

    static final String CONTACTS = "Contacts";
    /** CRM fields the mapping reads (the org's write-back field is added). */
    public static final List<String> CONTACT_FIELDS = List.of("First_Name", "Last_Name", "Email", "Phone", "Account_Name",
            "Mailing_Street", "Mailing_City", "Mailing_State", "Mailing_Zip", "Mailing_Country");
    /** Candidates fetched one by one to read the CRM id they keep; more than this is a data problem, not a match. */
    private static final int MAX_CANDIDATES_READ = 5;

    private final CrmClient crm;
    private final BooksClient books;
    private final CrashHook crashHook;

    public CustomerSync(CrmClient crm, BooksClient books, CrashHook crashHook) {
        this.crm = crm;
        this.books = books;
        this.crashHook = crashHook;
    }

    /**
     * One contact to sync.
     *
     * @param contactId        CRM contact id
     * @param deleted          the change is a deletion
     * @param contact          the contact as CRM has it now, or null when CRM no longer has it
     * @param knownCustomerId  customer id remembered in the ledger
     * @param knownPersonId    primary contact person id remembered in the ledger
     * @param lastMappedHash   hash of what was last written
     * @param mayHaveWritten   an earlier attempt may have created the customer
     */
    public record Request(String contactId, boolean deleted, CrmRecord contact, Optional<String> knownCustomerId,
                          Optional<String> knownPersonId, Optional<String> lastMappedHash, boolean mayHaveWritten) {

        /** A request from the contact flow's ledger entry for the contact, if it has one. */
        public static Request of(String contactId, boolean deleted, CrmRecord contact, Optional<LedgerEntry> ledger) {
            return new Request(contactId, deleted, contact,
                    ledger.map(e -> e.getTargets().get(ROLE_CUSTOMER)),
                    ledger.map(e -> e.getTargets().get(ROLE_PERSON)),
                    ledger.map(LedgerEntry::getMappedHash),
                    ledger.map(e -> e.getState() == LedgerState.INTENT).orElse(false));
        }
    }

    /** Reads contacts with one CRM call per 100 ids; contacts CRM no longer has are absent from the map. */
    public Map<String, CrmRecord> fetch(String org, CrmBooksOrgSettings settings, Collection<String> ids) {
        List<String> unique = List.copyOf(new LinkedHashSet<>(ids));
        List<String> fields = new ArrayList<>(CONTACT_FIELDS);
        fields.add(settings.customerIdField());
        Map<String, CrmRecord> found = new HashMap<>();
        for (int from = 0; from < unique.size(); from += CrmClient.MAX_RECORDS) {
            List<String> chunk = unique.subList(from, Math.min(unique.size(), from + CrmClient.MAX_RECORDS));
            for (CrmRecord record : crm.getMany(org, CONTACTS, chunk, fields)) {
                found.put(record.id(), record);
            }
        }
        return found;
    }

    /** Syncs each request (one result per request, in order), then writes the customer ids back in one update. */
    public List<FlowResult> sync(String org, CrmBooksOrgSettings settings, List<Request> requests) {
        CustomerRules rules = settings.customerRules();
        List<FlowResult> results = new ArrayList<>(requests.size());
        Map<Integer, Linked> toWriteBack = new LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            Request request = requests.get(i);
            try {
                Object step = apply(org, settings, rules, request);
                if (step instanceof Linked linked) {
                    if (request.contact() != null
                            && CustomerDecision.needsWriteBack(request.contact().fields(), rules, linked.customerId())) {
                        toWriteBack.put(i, linked);
                        results.add(null);
                    } else {
                        results.add(linked.succeeded("already-set"));
                    }
                } else {
                    results.add((FlowResult) step);
                }
            } catch (RuntimeException e) {
                results.add(Failures.classify(e));
            }
        }
        writeBack(org, rules, requests, toWriteBack, results);
        return results;
    }

    /** Returns a {@link FlowResult} when done, or a {@link Linked} that still needs its write-back checked. */
    private Object apply(String org, CrmBooksOrgSettings settings, CustomerRules rules, Request request) {
        ContactState state = new ContactState(request.contactId(), request.deleted(),
                request.contact() == null ? null : request.contact().fields(), request.knownCustomerId(),
                request.lastMappedHash(), request.mayHaveWritten());
        CustomerDecision decision = CustomerDecision.decide(state, rules);
        if (decision instanceof CustomerDecision.Skip skip) {
            Map<String, String> targets = new HashMap<>();
            skip.customerId().ifPresent(id -> targets.put(ROLE_CUSTOMER, id));
            return new FlowResult.Skipped(skip.reason(), targets, skip.mappedHash());
        }
        if (decision instanceof CustomerDecision.Fail fail) {
            throw new PermanentSyncException(fail.code(), fail.message());
        }
        if (decision instanceof CustomerDecision.LinkOnly link) {
            return new Linked(link.customerId(), request.knownPersonId().orElse(null), TargetAction.UNCHANGED,
                    link.mappedHash(), "linked", null);
        }
        if (decision instanceof CustomerDecision.Update update) {
            String personId = request.knownPersonId().orElse(null);
            try {
                BooksContact saved = books.updateContact(org, update.customerId(), request(update.payload(), personId, settings));
                return new Linked(saved.contactId(), primaryPerson(saved, personId), TargetAction.UPDATED,
                        update.mappedHash(), "updated", saved.contactName());
            } catch (ZohoDuplicateException taken) {
                return updateKeepingName(org, settings, update, personId, taken);
            } catch (ZohoNotFoundException gone) {
                // The linked customer was deleted in Books: the contact gets a new one.
                return create(org, settings, update.payload(), update.mappedHash(), true);
            }
        }
        CustomerDecision.Create create = (CustomerDecision.Create) decision;
        return create(org, settings, create.payload(), create.mappedHash(), create.lookupFirst());
    }

    private Linked create(String org, CrmBooksOrgSettings settings, CustomerPayload payload, String hash,
                          boolean lookupFirst) {
        if (lookupFirst) {
            Optional<Linked> found = lookup(org, settings, payload, hash);
            if (found.isPresent()) {
                return found.get();
            }
        }
        BooksContact created;
        try {
            created = books.createContact(org, request(payload, null, settings));
        } catch (ZohoDuplicateException taken) {
            return adoptSameName(org, settings, payload, hash, taken);
        }
        crashHook.afterBooksCreate(payload.crmContactId());
        return new Linked(created.contactId(), primaryPerson(created, null), TargetAction.CREATED, hash, "created",
                created.contactName());
    }

    /**
     * Books refused the contact's name for its linked customer (3062: a namesake, another Books contact, holds it;
     * the Creator saga, for one, names a namesake's customer "Name (e-mail)"). The customer keeps the name it has
     * and gets everything else; the link stays as it is.
     */
    private Linked updateKeepingName(String org, CrmBooksOrgSettings settings, CustomerDecision.Update update,
                                     String personId, ZohoDuplicateException taken) {
        String kept = books.getContact(org, update.customerId()).map(BooksContact::contactName)
                .filter(name -> !name.isBlank()).orElseThrow(() -> taken);
        BooksContact saved = books.updateContact(org, update.customerId(),
                request(update.payload().withContactName(kept), personId, settings));
        return new Linked(saved.contactId(), primaryPerson(saved, personId), TargetAction.UPDATED, update.mappedHash(),
                "updated-name-kept", saved.contactName());
    }

    /** Books refused the name (3062): the customer with that name is ours unless it keeps another contact's id. */
    private Linked adoptSameName(String org, CrmBooksOrgSettings settings, CustomerPayload payload, String hash,
                                 ZohoDuplicateException taken) {
        List<BooksCandidate> candidates = candidates(org, settings, books.searchContactsByName(org, payload.contactName()));
        Optional<BooksCandidate> mine = CustomerMatch.choose(candidates, payload);
        if (mine.isPresent()) {
            return adopt(org, settings, payload, hash, mine.get(), "matched-on-duplicate-name");
        }
        if (!candidates.isEmpty()) {
            throw new PermanentSyncException("DUPLICATE_CUSTOMER_NAME", "Books already has a contact named '"
                    + payload.contactName() + "' that is not the customer of CRM contact " + payload.crmContactId()
                    + " (a vendor, or another contact's customer)");
        }
        throw taken;
    }

    private Optional<Linked> lookup(String org, CrmBooksOrgSettings settings, CustomerPayload payload, String hash) {
        List<BooksContact> found = payload.email() == null ? List.of() : books.searchContactsByEmail(org, payload.email());
        String how = "matched-by-email";
        Optional<BooksCandidate> mine = CustomerMatch.choose(candidates(org, settings, found), payload);
        if (mine.isEmpty()) {
            how = "matched-by-name";
            mine = CustomerMatch.choose(candidates(org, settings, books.searchContactsByName(org, payload.contactName())),
                    payload);
        }
        String matchedHow = how;
        return mine.map(candidate -> adopt(org, settings, payload, hash, candidate, matchedHow));
    }

    /** Adopts an existing customer and brings it up to date (it may predate the contact's latest change). */
    private Linked adopt(String org, CrmBooksOrgSettings settings, CustomerPayload payload, String hash,
                         BooksCandidate candidate, String how) {
        BooksContact saved = books.updateContact(org, candidate.customerId(),
                request(payload, candidate.primaryPersonId(), settings));
        return new Linked(saved.contactId(), primaryPerson(saved, candidate.primaryPersonId()), TargetAction.MATCHED,
                hash, how, saved.contactName());
    }

    /** Customers (never vendors) found, with the CRM id they keep read when the org keeps one. */
    private List<BooksCandidate> candidates(String org, CrmBooksOrgSettings settings, List<BooksContact> found) {
        List<BooksCandidate> candidates = new ArrayList<>();
        for (BooksContact contact : found) {
            if (contact.contactId() == null) {
                continue;
            }
            String crmId = null;
            if ("vendor".equals(contact.contactType())) {
                crmId = "(vendor)"; // never adoptable: a vendor keeps no CRM contact
            } else if (settings.crmIdCustomField() != null && candidates.size() < MAX_CANDIDATES_READ) {
                BooksContact full = contact.customFields() != null ? contact
                        : books.getContact(org, contact.contactId()).orElse(contact);
                crmId = customField(full, settings.crmIdCustomField());
            }
            candidates.add(new BooksCandidate(contact.contactId(), contact.contactName(), contact.primaryEmail().orElse(null),
                    crmId, contact.primaryContactId() == null || contact.primaryContactId().isBlank() ? null
                    : contact.primaryContactId()));
        }
        return candidates;
    }

    private void writeBack(String org, CustomerRules rules, List<Request> requests, Map<Integer, Linked> toWriteBack,
                           List<FlowResult> results) {
        List<Integer> indexes = new ArrayList<>(toWriteBack.keySet());
        for (int from = 0; from < indexes.size(); from += CrmClient.MAX_RECORDS) {
            List<Integer> chunk = indexes.subList(from, Math.min(indexes.size(), from + CrmClient.MAX_RECORDS));
            List<CrmRecord> records = chunk.stream().map(i -> CrmRecord.empty().withId(requests.get(i).contactId())
                    .with(rules.customerIdField(), toWriteBack.get(i).customerId())).toList();
            try {
                // trigger [] : the write-back is bookkeeping, it must not fire the org's workflows
                List<CrmWriteResult> written = crm.update(org, CONTACTS, records, List.of());
                for (int k = 0; k < chunk.size(); k++) {
                    int i = chunk.get(k);
                    Linked linked = toWriteBack.get(i);
                    CrmWriteResult result = k < written.size() ? written.get(k) : null;
                    if (result != null && result.success()) {
                        results.set(i, linked.succeeded("written"));
                    } else {
                        FlowResult.Failed failed = result == null || result.error() == null
                                ? FlowResult.Failed.permanently("WRITE_BACK_MISSING", "CRM answered no result for contact "
                                + requests.get(i).contactId())
                                : Failures.classify(result.error());
                        results.set(i, linked.failed(failed));
                    }
                }
            } catch (RuntimeException e) {
                FlowResult.Failed failed = Failures.classify(e);
                chunk.forEach(i -> results.set(i, toWriteBack.get(i).failed(failed)));
            }
        }
    }

    private static BooksContactRequest request(CustomerPayload payload, String personId, CrmBooksOrgSettings settings) {
        CustomerPayload.Address a = payload.billing();
        BooksAddress billing = new BooksAddress(a.attention(), a.street(), null, a.city(), a.state(), null, a.zip(),
                a.country(), null, null);
        BooksContactPerson person = new BooksContactPerson(personId, null, payload.firstName(), payload.lastName(),
                payload.email(), payload.phone(), null, null, null, true);
        List<Map<String, Object>> customFields = settings.crmIdCustomField() == null ? null
                : List.of(Map.of("api_name", settings.crmIdCustomField(), "value", payload.crmContactId()));
        return new BooksContactRequest(payload.contactName(), payload.companyName(), "customer",
                payload.customerSubType(), null, null, billing, null, List.of(person), customFields);
    }

    private static String primaryPerson(BooksContact contact, String fallback) {
        String id = contact.primaryContactId();
        return id == null || id.isBlank() ? fallback : id;
    }

    static String customField(BooksContact contact, String apiName) {
        if (contact.customFields() == null) {
            return null;
        }
        for (Map<String, Object> field : contact.customFields()) {
            if (apiName.equals(field.get("api_name")) || apiName.equals(field.get("placeholder"))) {
                Object value = field.get("value");
                return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value);
            }
        }
        return null;
    }

    /** A customer the contact is (to be) linked to, before its write-back is settled. */
    private record Linked(String customerId, String personId, TargetAction action, String mappedHash, String how,
                          String label) {

        Map<String, String> ledgerTargets() {
            Map<String, String> targets = new HashMap<>();
            targets.put(ROLE_CUSTOMER, customerId);
            if (personId != null) {
                targets.put(ROLE_PERSON, personId);
            }
            return targets;
        }

        FlowResult succeeded(String writeBack) {
            return new FlowResult.Succeeded(List.of(new TargetRef(SystemId.ZOHO_BOOKS, "contacts", customerId, action,
                    label)), ledgerTargets(), mappedHash, Map.of("customer", how, "writeBack", writeBack));
        }

        /** The customer exists (keep its id for the retry) but the contact was not linked. */
        FlowResult failed(FlowResult.Failed cause) {
            return new FlowResult.Failed(cause.code(), cause.message(), cause.retryable(), cause.retryAfter(),
                    Optional.of("write-back"), ledgerTargets());
        }
    }
}
