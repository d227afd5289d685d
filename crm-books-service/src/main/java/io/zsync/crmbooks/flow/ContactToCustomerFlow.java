package io.zsync.crmbooks.flow;

import io.zsync.contract.ChangeEvent;
import io.zsync.contract.Operation;
import io.zsync.crmbooks.config.CrmBooksOrgSettings;
import io.zsync.crmbooks.config.OrgSettings;
import io.zsync.crmbooks.customer.CustomerSync;
import io.zsync.schemas.TopicSpec;
import io.zsync.schemas.Topics;
import io.zsync.sync.api.FlowInput;
import io.zsync.sync.api.FlowResult;
import io.zsync.sync.api.SyncFlow;
import io.zsync.zoho.crm.CrmRecord;
import jakarta.inject.Singleton;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * crm-contact-to-books-customer: a CRM contact created or changed becomes (or updates) its Books customer, and
 * the customer id is written back on the contact. Contacts of a batch are read in one CRM call and linked back
 * in one CRM update.
 */
@Singleton
public class ContactToCustomerFlow implements SyncFlow {

    public static final String ID = "crm-contact-to-books-customer";

    private final CustomerSync customers;
    private final OrgSettings settings;

    public ContactToCustomerFlow(CustomerSync customers, OrgSettings settings) {
        this.customers = customers;
        this.settings = settings;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public TopicSpec<String, ChangeEvent> source() {
        return Topics.CRM_CONTACTS;
    }

    @Override
    public Set<String> writeBackFields() {
        return settings.each(CrmBooksOrgSettings::customerIdField);
    }

    /**
     * What the mapping reads, and the write-back field (changed together with another field, the contact is read
     * and re-linked): another flow's write-back on the contact (the external CRM's id, for one) ends SKIPPED
     * without a CRM read.
     */
    @Override
    public Optional<Set<String>> fieldsActedOn() {
        Set<String> fields = new HashSet<>(CustomerSync.CONTACT_FIELDS);
        fields.addAll(writeBackFields());
        return Optional.of(Set.copyOf(fields));
    }

    @Override
    public List<FlowResult> process(List<FlowInput> inputs) {
        return OrgBatches.run(inputs, this::processOrg);
    }

    private List<FlowResult> processOrg(String org, List<FlowInput> inputs) {
        CrmBooksOrgSettings orgSettings = settings.of(org);
        List<String> toRead = inputs.stream().filter(i -> !deleted(i)).map(FlowInput::recordId).toList();
        Map<String, CrmRecord> contacts = toRead.isEmpty() ? Map.of() : customers.fetch(org, orgSettings, toRead);
        List<CustomerSync.Request> requests = inputs.stream().map(input -> new CustomerSync.Request(input.recordId(),
                deleted(input), contacts.get(input.recordId()), input.knownTarget(CustomerSync.ROLE_CUSTOMER),
                input.knownTarget(CustomerSync.ROLE_PERSON), input.lastMappedHash().filter(h -> !h.isBlank()),
                input.mayHaveWritten())).toList();
        return customers.sync(org, orgSettings, requests);
    }

    private static boolean deleted(FlowInput input) {
        return input.event().getOperation() == Operation.DELETED;
    }
}
