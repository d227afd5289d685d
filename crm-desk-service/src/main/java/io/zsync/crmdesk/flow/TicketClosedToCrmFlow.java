package io.zsync.crmdesk.flow;

import io.micronaut.context.annotation.Requires;
import io.zsync.contract.ChangeEvent;
import io.zsync.contract.SystemId;
import io.zsync.contract.TargetAction;
import io.zsync.contract.TargetRef;
import io.zsync.crmdesk.config.CrmDeskOrgs;
import io.zsync.crmdesk.domain.ClosedTicketDecision;
import io.zsync.crmdesk.domain.ClosedTicketDecision.Transition;
import io.zsync.crmdesk.domain.ClosedTicketSettings;
import io.zsync.schemas.TopicSpec;
import io.zsync.schemas.Topics;
import io.zsync.sync.api.FlowInput;
import io.zsync.sync.api.FlowResult;
import io.zsync.sync.api.SyncFlow;
import io.zsync.sync.engine.CrashPoints;
import io.zsync.sync.engine.Failures;
import io.zsync.zoho.crm.CrmClient;
import io.zsync.zoho.crm.CrmRecord;
import io.zsync.zoho.crm.CrmWriteResult;
import io.zsync.zoho.desk.DeskClient;
import io.zsync.zoho.desk.DeskTicket;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code desk-ticket-closed-to-crm}: a Desk ticket that changes to closed updates the CRM lead or contact named
 * by its {@code cf_crm_lead_id} / {@code cf_crm_contact_id} with the last ticket status, the closed date and the
 * resolution, and qualifies a lead. CRM updates of a batch go out together, per org and module. A closure that an
 * attempt which crashed before recording it has written already is found on the record and not written again.
 */
@Requires(property = "zsync.crm-desk.closed-ticket.enabled", notEquals = "false")
@Singleton
public class TicketClosedToCrmFlow implements SyncFlow {

    public static final String ID = "desk-ticket-closed-to-crm";

    private final DeskClient desk;
    private final CrmClient crm;
    private final CrmDeskOrgs orgs;
    private final CrashPoints crashPoints;

    public TicketClosedToCrmFlow(DeskClient desk, CrmClient crm, CrmDeskOrgs orgs, CrashPoints crashPoints) {
        this.desk = desk;
        this.crm = crm;
        this.orgs = orgs;
        this.crashPoints = crashPoints;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public TopicSpec<String, ChangeEvent> source() {
        return Topics.DESK_TICKETS;
    }

    /** This flow never writes to Desk, so no ticket change is its own echo. */
    @Override
    public Set<String> writeBackFields() {
        return Set.of();
    }

    record Pending(int index, String org, ClosedTicketDecision.Update update, String ticketNumber) {
    }

    @Override
    public List<FlowResult> process(List<FlowInput> inputs) {
        FlowResult[] results = new FlowResult[inputs.size()];
        List<Pending> pending = new ArrayList<>();
        Map<Integer, Integer> copies = Results.sameEventEarlier(inputs);
        for (int i = 0; i < inputs.size(); i++) {
            if (copies.containsKey(i)) {
                continue;
            }
            FlowInput input = inputs.get(i);
            ChangeEvent event = input.event();
            try {
                Transition transition = ClosedTicketDecision.transition(event.getOperation(), event.getAttributes(),
                        event.getChangedValues(), event.getPreviousValues());
                if (transition == Transition.NOT_CLOSED) {
                    results[i] = FlowResult.Skipped.because(ClosedTicketDecision.notClosedReason(event.getOperation(),
                            event.getChangedValues(), event.getPreviousValues()));
                    continue;
                }
                String org = orgs.orgKey(input.org());
                ClosedTicketSettings settings = orgs.closedTicket(org);
                // the webhook body is not signed (only the JWT is), so the ticket is read from Desk itself
                Optional<DeskTicket> ticket = desk.getTicket(org, input.recordId());
                ClosedTicketDecision.Outcome outcome = ClosedTicketDecision.decide(transition, ticket.map(
                        TicketClosedToCrmFlow::facts), input.lastMappedHash(), event.getOccurredAt(), settings);
                if (outcome instanceof ClosedTicketDecision.Skip skip) {
                    results[i] = FlowResult.Skipped.because(skip.reason());
                } else {
                    pending.add(new Pending(i, org, (ClosedTicketDecision.Update) outcome,
                            ticket.map(DeskTicket::ticketNumber).orElse(null)));
                }
            } catch (RuntimeException e) {
                results[i] = Failures.classify(e);
            }
        }
        update(notYetInCrm(pending, inputs, results), results);
        copies.forEach((copy, first) -> results[copy] = Results.copyOf(results[first], inputs.get(copy).event().getEventId()));
        return List.of(results);
    }

    static ClosedTicketDecision.Ticket facts(DeskTicket t) {
        return new ClosedTicketDecision.Ticket(t.id(), t.ticketNumber(), t.status(), t.statusType(), t.closedTime(),
                t.resolution(), t.cf());
    }

    /**
     * The updates still to write. Where an earlier attempt may have written the closure and crashed before recording
     * it (its intent is open in the ledger), the CRM records are read first, one call per org, module and 100
     * records: one that already holds the closure succeeds without a second edit.
     */
    private List<Pending> notYetInCrm(List<Pending> pending, List<FlowInput> inputs, FlowResult[] results) {
        List<Pending> toWrite = new ArrayList<>();
        Map<String, List<Pending>> toCheck = new LinkedHashMap<>();
        for (Pending p : pending) {
            if (inputs.get(p.index()).mayHaveWritten()) {
                toCheck.computeIfAbsent(p.org() + "\u0000" + p.update().module(), k -> new ArrayList<>()).add(p);
            } else {
                toWrite.add(p);
            }
        }
        for (List<Pending> group : toCheck.values()) {
            String org = group.get(0).org();
            String module = group.get(0).update().module().name();
            List<String> ids = group.stream().map(p -> p.update().recordId()).distinct().toList();
            List<String> fields = group.stream().flatMap(p -> p.update().fields().keySet().stream()).distinct().toList();
            Map<String, Map<String, Object>> records = new HashMap<>();
            try {
                for (int from = 0; from < ids.size(); from += CrmClient.MAX_RECORDS) {
                    crm.getMany(org, module, ids.subList(from, Math.min(ids.size(), from + CrmClient.MAX_RECORDS)), fields)
                            .forEach(r -> records.put(r.id(), r.fields()));
                }
            } catch (RuntimeException e) {
                FlowResult.Failed failed = Failures.classify(e);
                group.forEach(p -> results[p.index()] = failed);
                continue;
            }
            for (Pending p : group) {
                if (ClosedTicketDecision.alreadyInCrm(records.get(p.update().recordId()), p.update())) {
                    results[p.index()] = succeeded(p, TargetAction.UNCHANGED);
                } else {
                    toWrite.add(p);
                }
            }
        }
        return toWrite;
    }

    private void update(List<Pending> pending, FlowResult[] results) {
        Map<String, List<Pending>> groups = new LinkedHashMap<>();
        pending.forEach(p -> groups.computeIfAbsent(p.org() + "\u0000" + p.update().module(), k -> new ArrayList<>()).add(p));
        for (List<Pending> group : groups.values()) {
            String org = group.get(0).org();
            String module = group.get(0).update().module().name();
            for (int from = 0; from < group.size(); from += CrmClient.MAX_RECORDS) {
                List<Pending> chunk = group.subList(from, Math.min(group.size(), from + CrmClient.MAX_RECORDS));
                List<CrmRecord> records = chunk.stream()
                        .map(p -> CrmRecord.of(p.update().fields()).withId(p.update().recordId())).toList();
                try {
                    List<CrmWriteResult> written = crm.update(org, module, records);
                    crashPoints.reached(CrashPoints.AFTER_TARGET_WRITE);
                    for (int k = 0; k < chunk.size(); k++) {
                        Pending p = chunk.get(k);
                        Optional<RuntimeException> error = k < written.size()
                                ? written.get(k).failure().map(RuntimeException.class::cast)
                                : Optional.of(new IllegalStateException("CRM answered no result for " + module + " "
                                + p.update().recordId()));
                        results[p.index()] = error.<FlowResult>map(Failures::classify).orElseGet(() -> succeeded(p, TargetAction.UPDATED));
                    }
                } catch (RuntimeException e) {
                    FlowResult.Failed failed = Failures.classify(e);
                    chunk.forEach(p -> results[p.index()] = failed);
                }
            }
        }
    }

    private static FlowResult.Succeeded succeeded(Pending p, TargetAction action) {
        ClosedTicketDecision.Update u = p.update();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("module", u.module().name());
        u.fields().forEach((k, v) -> details.put(k, String.valueOf(v)));
        return new FlowResult.Succeeded(List.of(new TargetRef(SystemId.ZOHO_CRM, u.module().name(), u.recordId(),
                action, p.ticketNumber())), Map.of("crm." + u.module().name().toLowerCase(java.util.Locale.ROOT) + "_id",
                u.recordId()), u.mappedHash(), details);
    }
}
