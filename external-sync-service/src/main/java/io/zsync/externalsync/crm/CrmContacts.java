package io.zsync.externalsync.crm;

import io.zsync.externalsync.config.ExternalSyncOrgProperties;
import io.zsync.externalsync.config.OrgSettings;
import io.zsync.externalsync.domain.ContactField;
import io.zsync.externalsync.domain.ContactValues;
import io.zsync.externalsync.domain.CrmContactMapping;
import io.zsync.sync.api.PermanentSyncException;
import io.zsync.zoho.crm.CrmClient;
import io.zsync.zoho.crm.CrmCriteria;
import io.zsync.zoho.crm.CrmListQuery;
import io.zsync.zoho.crm.CrmPage;
import io.zsync.zoho.crm.CrmRecord;
import io.zsync.zoho.crm.CrmWriteResult;
import io.zsync.zoho.error.ZohoApiException;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * CRM contacts for the external sync, on zoho-clients' {@link CrmClient}: reads and writes in batches of up to
 * 100 with one outcome per record, lookups by the stored external id or the e-mail (re-checked exactly, because
 * CRM's {@code equals} criterion matches like "contains"), and the company resolved to an account by name.
 */
@Singleton
public class CrmContacts {

    public static final String MODULE = "Contacts";
    private static final String ACCOUNTS = "Accounts";
    private static final String ACCOUNT_NAME = "Account_Name";

    private final CrmClient crm;
    private final OrgSettings orgs;
    private final Map<String, String> accountIds = new ConcurrentHashMap<>();

    public CrmContacts(CrmClient crm, OrgSettings orgs) {
        this.crm = crm;
        this.orgs = orgs;
    }

    /** The contacts that exist among {@code ids}, by id. */
    public Map<String, CrmContact> getMany(String org, Collection<String> ids) {
        CrmContactMapping mapping = orgs.crmMapping(org);
        List<String> all = ids.stream().distinct().toList();
        Map<String, CrmContact> found = new LinkedHashMap<>();
        for (int from = 0; from < all.size(); from += CrmClient.MAX_RECORDS) {
            List<String> chunk = all.subList(from, Math.min(from + CrmClient.MAX_RECORDS, all.size()));
            for (CrmRecord record : crm.getMany(org, MODULE, chunk, mapping.readFields())) {
                found.put(record.id(), toContact(mapping, record));
            }
        }
        return found;
    }

    public Optional<CrmContact> findByExternalId(String org, String externalId) {
        CrmContactMapping mapping = orgs.crmMapping(org);
        return crm.searchByCriteria(org, MODULE, CrmCriteria.equalTo(mapping.externalIdField(), externalId)).stream()
                .filter(r -> externalId.equals(r.string(mapping.externalIdField())))
                .map(r -> toContact(mapping, r)).findFirst();
    }

    public Optional<CrmContact> findByEmail(String org, String email) {
        CrmContactMapping mapping = orgs.crmMapping(org);
        return crm.searchByEmail(org, MODULE, email).stream()
                .filter(r -> email.equalsIgnoreCase(r.email()))
                .map(r -> toContact(mapping, r)).findFirst();
    }

    /** A new contact: its values and the external id to store on it. */
    public record NewContact(ContactValues values, String externalId) {
    }

    /**
     * Changes to a contact.
     *
     * @param id         the contact
     * @param fields     shared fields to set (null value: clear)
     * @param externalId the external id to store ({@code ""} clears it), or null to leave it
     */
    public record Change(String id, Map<ContactField, String> fields, String externalId) {
    }

    /** One record's outcome, in request order. */
    public record Outcome(String id, RuntimeException error) {
        public boolean ok() {
            return error == null;
        }

        public Optional<String> duplicateId() {
            return error instanceof ZohoApiException api ? api.duplicateId() : Optional.empty();
        }
    }

    public List<Outcome> insert(String org, List<NewContact> contacts) {
        CrmContactMapping mapping = orgs.crmMapping(org);
        return write(contacts, contact -> {
            Map<String, Object> fields = record(org, mapping, contact.values().asMap());
            fields.put(mapping.externalIdField(), contact.externalId());
            return CrmRecord.of(fields);
        }, contact -> null, records -> crm.insert(org, MODULE, records));
    }

    public List<Outcome> update(String org, List<Change> changes) {
        CrmContactMapping mapping = orgs.crmMapping(org);
        return write(changes, change -> {
            Map<String, Object> fields = record(org, mapping, change.fields());
            if (change.externalId() != null) {
                fields.put(mapping.externalIdField(), change.externalId().isEmpty() ? null : change.externalId());
            }
            fields.put("id", change.id());
            return CrmRecord.of(fields);
        }, Change::id, records -> crm.update(org, MODULE, records));
    }

    /**
     * Prepares each record on its own (an account lookup may fail for one record only), then writes the prepared
     * ones in calls of up to 100; outcomes come back in input order.
     */
    private <T> List<Outcome> write(List<T> items, Function<T, CrmRecord> prepare,
                                    Function<T, String> idOf,
                                    Function<List<CrmRecord>, List<CrmWriteResult>> call) {
        Outcome[] outcomes = new Outcome[items.size()];
        List<Integer> positions = new ArrayList<>();
        List<CrmRecord> records = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                records.add(prepare.apply(items.get(i)));
                positions.add(i);
            } catch (RuntimeException e) {
                outcomes[i] = new Outcome(idOf.apply(items.get(i)), e);
            }
        }
        for (int from = 0; from < records.size(); from += CrmClient.MAX_RECORDS) {
            int to = Math.min(from + CrmClient.MAX_RECORDS, records.size());
            List<CrmWriteResult> results = call.apply(records.subList(from, to));
            for (int k = from; k < to; k++) {
                int i = positions.get(k);
                CrmWriteResult r = results.get(k - from);
                String id = r.id() != null ? r.id() : idOf.apply(items.get(i));
                outcomes[i] = new Outcome(id, r.success() ? null : r.error());
            }
        }
        return List.of(outcomes);
    }

    public List<Outcome> delete(String org, List<String> ids) {
        List<Outcome> outcomes = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CrmClient.MAX_RECORDS) {
            List<String> chunk = ids.subList(from, Math.min(from + CrmClient.MAX_RECORDS, ids.size()));
            List<CrmWriteResult> results = crm.delete(org, MODULE, chunk);
            for (int i = 0; i < results.size(); i++) {
                RuntimeException error = results.get(i).error();
                // already gone counts as deleted: the flow's goal holds either way
                boolean gone = error instanceof ZohoApiException api && "INVALID_DATA".equals(api.code());
                outcomes.add(new Outcome(chunk.get(i), gone ? null : error));
            }
        }
        return outcomes;
    }

    /**
     * One page of contacts modified after {@code since} (all contacts when empty), oldest modification first, with
     * their id and {@code Modified_Time} only. Pass the previous page's token, or a page number where CRM gave none.
     */
    public CrmPage listModified(String org, Optional<Instant> since, String pageToken, Integer page,
                                                 int pageSize) {
        CrmListQuery query = new CrmListQuery(MODULE,
                List.of(CrmContactMapping.MODIFIED_TIME),
                since.map(t -> OffsetDateTime.ofInstant(t, ZoneOffset.UTC)).orElse(null), pageSize,
                CrmContactMapping.MODIFIED_TIME, "asc", null);
        return crm.listPage(org, query, pageToken, page);
    }

    /** CRM fields for shared-field changes, with a lookup company resolved to its account. */
    private Map<String, Object> record(String org, CrmContactMapping mapping, Map<ContactField, String> changes) {
        Map<String, Object> fields = new LinkedHashMap<>(mapping.fields(changes));
        mapping.companyChange(changes).ifPresent(company -> fields.put(company.field(),
                company.name() == null ? null : Map.of("id", accountId(org, company.name()))));
        if (changes.containsKey(ContactField.LAST_NAME) && changes.get(ContactField.LAST_NAME) == null) {
            throw new PermanentSyncException("MISSING_LAST_NAME", "CRM contacts need a last name; the external contact has none");
        }
        return fields;
    }

    /** The account named exactly {@code name}, created when missing and the org allows it; cached per org. */
    private String accountId(String org, String name) {
        String key = org + "\u0000" + name;
        String cached = accountIds.get(key);
        if (cached != null) {
            return cached;
        }
        Optional<String> existing = crm.searchByCriteria(org, ACCOUNTS, CrmCriteria.equalTo(ACCOUNT_NAME, name)).stream()
                .filter(r -> name.equals(r.string(ACCOUNT_NAME))).map(CrmRecord::id).filter(Objects::nonNull).findFirst();
        String id;
        if (existing.isPresent()) {
            id = existing.get();
        } else {
            ExternalSyncOrgProperties settings = orgs.get(org);
            if (!settings.createMissingAccounts()) {
                throw new PermanentSyncException("NO_SUCH_ACCOUNT", "no CRM account is named like the company, and "
                        + "zsync.external-sync.orgs." + org + ".create-missing-accounts is false");
            }
            id = crm.insertOne(org, ACCOUNTS, CrmRecord.empty().with(ACCOUNT_NAME, name));
        }
        accountIds.put(key, id);
        return id;
    }

    private static CrmContact toContact(CrmContactMapping mapping, CrmRecord record) {
        return new CrmContact(record.id(), mapping.values(record.fields()), mapping.externalId(record.fields()),
                modified(record.string(CrmContactMapping.MODIFIED_TIME)));
    }

    static Instant modified(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
