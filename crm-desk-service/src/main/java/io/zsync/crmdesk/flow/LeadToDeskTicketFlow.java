package io.zsync.crmdesk.flow;

import io.micronaut.context.annotation.Requires;
import io.zsync.contract.ChangeEvent;
import io.zsync.contract.SystemId;
import io.zsync.contract.TargetAction;
import io.zsync.contract.TargetRef;
import io.zsync.crmdesk.config.CrmDeskOrgs;
import io.zsync.crmdesk.domain.LeadTicketDecision;
import io.zsync.crmdesk.domain.LeadTicketDecision.ContactPlan;
import io.zsync.crmdesk.domain.LeadTicketDecision.Known;
import io.zsync.crmdesk.domain.LeadTicketDecision.LeadChange;
import io.zsync.crmdesk.domain.LeadTicketDecision.Proceed;
import io.zsync.crmdesk.domain.LeadTicketDecision.TicketPlan;
import io.zsync.crmdesk.domain.LeadTicketSettings;
import io.zsync.crmdesk.zoho.DeskTicketLookup;
import io.zsync.schemas.TopicSpec;
import io.zsync.schemas.Topics;
import io.zsync.sync.api.FlowInput;
import io.zsync.sync.api.FlowResult;
import io.zsync.sync.api.SyncFlow;
import io.zsync.sync.domain.MappedHash;
import io.zsync.sync.engine.CrashPoints;
import io.zsync.sync.engine.Failures;
import io.zsync.zoho.crm.CrmClient;
import io.zsync.zoho.crm.CrmRecord;
import io.zsync.zoho.crm.CrmWriteResult;
import io.zsync.zoho.desk.DeskClient;
import io.zsync.zoho.desk.DeskContact;
import io.zsync.zoho.desk.DeskContactRequest;
import io.zsync.zoho.desk.DeskTicket;
import io.zsync.zoho.desk.DeskTicketRequest;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code crm-lead-to-desk-ticket}: a new CRM lead (or one whose trigger field takes a trigger value) gets a Desk
 * contact and one inquiry ticket, and {@code Desk_Contact_ID}, {@code Desk_Ticket_ID} and
 * {@code Desk_Ticket_Number} are written back on the lead. Leads are read and written back in batches.
 */
@Requires(property = "zsync.crm-desk.lead-ticket.enabled", notEquals = "false")
@Singleton
public class LeadToDeskTicketFlow implements SyncFlow {

    public static final String ID = "crm-lead-to-desk-ticket";
    public static final String CONTACT_ROLE = "desk.contact_id";
    public static final String TICKET_ROLE = "desk.ticket_id";
    public static final String TICKET_NUMBER_ROLE = "desk.ticket_number";
    static final String LEADS = "Leads";

    private final CrmClient crm;
    private final DeskClient desk;
    private final DeskTicketLookup tickets;
    private final CrmDeskOrgs orgs;
    private final CrashPoints crashPoints;

    public LeadToDeskTicketFlow(CrmClient crm, DeskClient desk, DeskTicketLookup tickets, CrmDeskOrgs orgs,
                                CrashPoints crashPoints) {
        this.crm = crm;
        this.desk = desk;
        this.tickets = tickets;
        this.orgs = orgs;
        this.crashPoints = crashPoints;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public TopicSpec<String, ChangeEvent> source() {
        return Topics.CRM_LEADS;
    }

    @Override
    public Set<String> writeBackFields() {
        return orgs.leadWriteBackFields();
    }

    /**
     * The mapped fields, the write-back fields and an ON_FIELD_VALUE trigger field: the closed-ticket flow's
     * report on the lead (status, date, notes) and other flows' edits end SKIPPED without reading the lead.
     */
    @Override
    public Optional<Set<String>> fieldsActedOn() {
        return Optional.of(orgs.leadFieldsActedOn());
    }

    @Override
    public List<FlowResult> process(List<FlowInput> inputs) {
        FlowResult[] results = new FlowResult[inputs.size()];
        Map<Integer, Integer> copies = Results.sameEventEarlier(inputs);
        Map<String, List<Integer>> byOrg = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (copies.containsKey(i)) {
                continue;
            }
            try {
                byOrg.computeIfAbsent(orgs.orgKey(inputs.get(i).org()), k -> new ArrayList<>()).add(i);
            } catch (RuntimeException e) {
                results[i] = Failures.classify(e);
            }
        }
        byOrg.forEach((org, indexes) -> processOrg(org, inputs, indexes, results));
        copies.forEach((copy, first) -> results[copy] = Results.copyOf(results[first], inputs.get(copy).event().getEventId()));
        return List.of(results);
    }

    private void processOrg(String org, List<FlowInput> inputs, List<Integer> indexes, FlowResult[] results) {
        LeadTicketSettings settings;
        Map<String, Map<String, Object>> leads;
        try {
            settings = orgs.leadTicket(org);
            leads = readLeads(org, indexes.stream().map(i -> inputs.get(i).recordId()).toList(), settings);
        } catch (RuntimeException e) {
            FlowResult.Failed failed = Failures.classify(e);
            indexes.forEach(i -> results[i] = failed);
            return;
        }
        // Two events of one lead in a batch share the ledger entry read before the batch: what the first
        // created must be known to the second, and kept in the second's ledger entry (written last).
        Map<String, Map<String, String>> createdInBatch = new HashMap<>();
        // The event of the batch that acted for a lead (its ticket ensured, its write-back pending). A later
        // event of that lead (the reconciliation poller's copy of a webhook, a burst of edits) sees the lead as
        // it was read before the batch, without the pending write-back, so it is superseded rather than
        // reported as a second success. If the acting event then fails, the superseded ones fail with it and
        // are retried too: a SKIPPED copy would mark the lead's version synced, and the acting event's retry
        // would then be dropped as that version, its write-back never made.
        Map<String, Integer> actedFor = new HashMap<>();
        Map<Integer, Integer> superseded = new HashMap<>();
        List<PendingWriteBack> writeBacks = new ArrayList<>();
        for (int i : indexes) {
            FlowInput input = inputs.get(i);
            Map<String, String> batchKnown = createdInBatch.getOrDefault(input.recordId(), Map.of());
            Integer acting = actedFor.get(input.recordId());
            if (acting != null) {
                superseded.put(i, acting);
                results[i] = new FlowResult.Skipped("superseded: event " + inputs.get(acting).event().getEventId()
                        + " earlier in this batch acts for lead " + input.recordId(), batchKnown, null);
                continue;
            }
            try {
                Known known = new Known(known(input, batchKnown, CONTACT_ROLE), known(input, batchKnown, TICKET_ROLE),
                        known(input, batchKnown, TICKET_NUMBER_ROLE));
                LeadChange change = new LeadChange(input.recordId(), input.event().getOperation(),
                        input.event().getChangedFields());
                LeadTicketDecision.Outcome outcome = LeadTicketDecision.decide(change,
                        Optional.ofNullable(leads.get(input.recordId())), known, input.mayHaveWritten(), settings);
                if (outcome instanceof LeadTicketDecision.Skip skip) {
                    results[i] = new FlowResult.Skipped(skip.reason(), batchKnown, null);
                    continue;
                }
                Proceed proceed = (Proceed) outcome;
                Ensured ensured = ensureTicket(org, input, proceed, settings.leadIdCustomField(),
                        createdInBatch.containsKey(input.recordId()));
                createdInBatch.put(input.recordId(), ensured.ledger());
                actedFor.put(input.recordId(), i);
                writeBacks.add(new PendingWriteBack(i, input.recordId(), ensured, LeadTicketDecision.writeBack(settings,
                        ensured.contactId(), ensured.ticketId(), ensured.ticketNumber())));
            } catch (StepFailure e) {
                createdInBatch.put(input.recordId(), e.written);
                results[i] = Results.failed(e.cause, e.step, e.written);
            } catch (RuntimeException e) {
                results[i] = Results.failed(e, "decide", batchKnown);
            }
        }
        writeBack(org, writeBacks, leads, results);
        Results.failWithActing(results, superseded);
    }

    private Map<String, Map<String, Object>> readLeads(String org, List<String> ids, LeadTicketSettings settings) {
        Set<String> fields = new LinkedHashSet<>(LeadTicketSettings.MAPPED_FIELDS);
        fields.addAll(settings.writeBackFields());
        if (settings.triggerField() != null && !settings.triggerField().isBlank()) {
            fields.add(settings.triggerField());
        }
        Map<String, Map<String, Object>> leads = new HashMap<>();
        List<String> distinct = List.copyOf(new LinkedHashSet<>(ids));
        for (int from = 0; from < distinct.size(); from += CrmClient.MAX_RECORDS) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + CrmClient.MAX_RECORDS));
            for (CrmRecord lead : crm.getMany(org, LEADS, chunk, List.copyOf(fields))) {
                leads.put(lead.id(), lead.fields());
            }
        }
        return leads;
    }

    private static Optional<String> known(FlowInput input, Map<String, String> batchKnown, String role) {
        return Optional.ofNullable(batchKnown.get(role)).or(() -> input.knownTarget(role));
    }

    /** The contact and ticket, found or created, with what was done to each. */
    record Ensured(String contactId, TargetAction contactAction, String ticketId, String ticketNumber,
                   TargetAction ticketAction) {
        Map<String, String> ledger() {
            Map<String, String> ids = new HashMap<>();
            if (contactId != null) {
                ids.put(CONTACT_ROLE, contactId);
            }
            ids.put(TICKET_ROLE, ticketId);
            if (ticketNumber != null) {
                ids.put(TICKET_NUMBER_ROLE, ticketNumber);
            }
            return ids;
        }
    }

    /** A step failed after some ids were written. */
    static final class StepFailure extends RuntimeException {
        final RuntimeException cause;
        final String step;
        final Map<String, String> written;

        StepFailure(RuntimeException cause, String step, Map<String, String> written) {
            super(cause);
            this.cause = cause;
            this.step = step;
            this.written = Map.copyOf(written);
        }
    }

    private Ensured ensureTicket(String org, FlowInput input, Proceed proceed, String leadIdField, boolean seenInBatch) {
        TicketPlan ticket = proceed.ticket();
        if (ticket.knownId().isPresent()) {
            return new Ensured(proceed.contact().knownId().orElse(null), TargetAction.UNCHANGED, ticket.knownId().get(),
                    ticket.knownNumber().orElse(null), TargetAction.UNCHANGED);
        }
        Map<String, String> written = new HashMap<>();
        String contactId;
        TargetAction contactAction;
        try {
            ContactResolution contact = ensureContact(org, proceed.contact());
            contactId = contact.id();
            contactAction = contact.action();
            written.put(CONTACT_ROLE, contactId);
        } catch (RuntimeException e) {
            throw new StepFailure(e, "desk-contact", written);
        }
        try {
            if (input.mayHaveWritten() || seenInBatch) {
                // An earlier attempt may have created the ticket and crashed before recording it: the lead id
                // it carries in a custom field finds it.
                List<DeskTicket> found = tickets.byCustomField(org, leadIdField, proceed.leadId());
                if (!found.isEmpty()) {
                    DeskTicket existing = found.get(0);
                    return new Ensured(contactId, contactAction, existing.id(), existing.ticketNumber(),
                            TargetAction.MATCHED);
                }
            }
            DeskTicket created = desk.createTicket(org, new DeskTicketRequest(ticket.subject(), ticket.departmentId(),
                    contactId, null, ticket.description(), ticket.status(), ticket.priority(), null, null, null, null,
                    ticket.email(), ticket.phone(), null, null, ticket.customFields()));
            crashPoints.reached(CrashPoints.AFTER_TARGET_WRITE);
            return new Ensured(contactId, contactAction, created.id(), created.ticketNumber(), TargetAction.CREATED);
        } catch (RuntimeException e) {
            throw new StepFailure(e, "desk-ticket", written);
        }
    }

    record ContactResolution(String id, TargetAction action) {
    }

    /** The known contact, else the one with the lead's e-mail, else a new one (a search costs no write). */
    private ContactResolution ensureContact(String org, ContactPlan plan) {
        if (plan.knownId().isPresent()) {
            return new ContactResolution(plan.knownId().get(), TargetAction.UNCHANGED);
        }
        if (plan.email() != null) {
            List<DeskContact> matches = desk.searchContactsByEmail(org, plan.email());
            if (!matches.isEmpty()) {
                return new ContactResolution(matches.get(0).id(), TargetAction.MATCHED);
            }
        }
        DeskContact created = desk.createContact(org, DeskContactRequest.of(plan.firstName(), plan.lastName(),
                plan.email(), plan.phone()));
        return new ContactResolution(created.id(), TargetAction.CREATED);
    }

    record PendingWriteBack(int index, String leadId, Ensured ensured, Map<String, Object> fields) {
    }

    private void writeBack(String org, List<PendingWriteBack> pending, Map<String, Map<String, Object>> leads,
                           FlowResult[] results) {
        List<PendingWriteBack> needed = new ArrayList<>();
        for (PendingWriteBack p : pending) {
            Map<String, Object> lead = leads.getOrDefault(p.leadId(), Map.of());
            if (!LeadTicketDecision.writeBackNeeded(lead, p.fields())) {
                results[p.index()] = succeeded(p, TargetAction.UNCHANGED);
            } else {
                needed.add(p);
            }
        }
        for (int from = 0; from < needed.size(); from += CrmClient.MAX_RECORDS) {
            List<PendingWriteBack> chunk = needed.subList(from, Math.min(needed.size(), from + CrmClient.MAX_RECORDS));
            List<CrmRecord> records = chunk.stream().map(p -> CrmRecord.of(p.fields()).withId(p.leadId())).toList();
            try {
                // trigger [] keeps the write-back from running the lead's workflows a second time
                List<CrmWriteResult> written = crm.update(org, LEADS, records, List.of());
                for (int k = 0; k < chunk.size(); k++) {
                    PendingWriteBack p = chunk.get(k);
                    Optional<RuntimeException> error = k < written.size() ? written.get(k).failure().map(RuntimeException.class::cast)
                            : Optional.of(new IllegalStateException("CRM answered no result for lead " + p.leadId()));
                    results[p.index()] = error.<FlowResult>map(e -> Results.failed(e, "crm-write-back", p.ensured().ledger()))
                            .orElseGet(() -> succeeded(p, TargetAction.UPDATED));
                }
            } catch (RuntimeException e) {
                chunk.forEach(p -> results[p.index()] = Results.failed(e, "crm-write-back", p.ensured().ledger()));
            }
        }
    }

    private static FlowResult.Succeeded succeeded(PendingWriteBack p, TargetAction leadAction) {
        Ensured e = p.ensured();
        List<TargetRef> targets = new ArrayList<>();
        if (e.contactId() != null) {
            targets.add(new TargetRef(SystemId.ZOHO_DESK, "contacts", e.contactId(), e.contactAction(), null));
        }
        targets.add(new TargetRef(SystemId.ZOHO_DESK, "tickets", e.ticketId(), e.ticketAction(), e.ticketNumber()));
        targets.add(new TargetRef(SystemId.ZOHO_CRM, LEADS, p.leadId(), leadAction, null));
        Map<String, String> details = new LinkedHashMap<>();
        details.put("contact", e.contactAction().name());
        details.put("ticket", e.ticketAction().name());
        details.put("writeBack", leadAction.name());
        return new FlowResult.Succeeded(targets, e.ledger(), MappedHash.of(p.fields()), details);
    }
}
