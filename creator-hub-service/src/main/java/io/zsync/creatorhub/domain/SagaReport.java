package io.zsync.creatorhub.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The per-step story of one saga run, for the one completion event of the order: every target id (created,
 * matched, or recorded by an earlier attempt) and a detail line per step that the dashboard shows as is
 * ({@code crm.deal -> created 5725...}, {@code desk.ticket -> skipped: total 500 does not exceed ...},
 * {@code email.confirmation -> sent <creator-order-1@shop>}).
 */
public final class SagaReport {

    public static final String BOOKS_CUSTOMER = "books.customer";

    private final Map<String, String> details = new LinkedHashMap<>();
    private final List<TargetLink> targets = new ArrayList<>();

    /** Lines for the steps an earlier attempt finished, and the ones that do not apply, from the plan. */
    public static SagaReport start(SagaPlan plan, SagaState state) {
        SagaReport report = new SagaReport();
        for (SagaPlan.Planned planned : plan.steps()) {
            switch (planned.disposition()) {
                case DONE -> report.earlier(planned.step(), state);
                case NOT_APPLICABLE -> report.skipped(planned.step(), planned.reason().orElse("not applicable"));
                case UNCONFIRMED -> report.unconfirmed(state.get(Roles.EMAIL_SENDING).orElse(""));
                case RUN -> { }
            }
        }
        return report;
    }

    public void link(Step step, String system, String entity, String id, TargetLink.Action action, Optional<String> label) {
        link(step.id(), system, entity, id, action, label);
    }

    /** A target of a step or sub-step ({@link #BOOKS_CUSTOMER}). */
    public void link(String key, String system, String entity, String id, TargetLink.Action action, Optional<String> label) {
        targets.removeIf(t -> t.system().equals(system) && t.entityType().equals(entity) && t.id().equals(id));
        targets.add(new TargetLink(system, entity, id, action, label));
        details.put(key, verb(action) + " " + id + label.map(l -> " (" + l + ")").orElse(""));
    }

    public void skipped(Step step, String reason) {
        details.put(step.id(), "skipped: " + reason);
    }

    public void sent(String messageId) {
        targets.add(new TargetLink("EMAIL", "message", messageId, TargetLink.Action.CREATED, Optional.empty()));
        details.put(Step.EMAIL.id(), "sent " + messageId);
    }

    public void unconfirmed(String messageId) {
        targets.add(new TargetLink("EMAIL", "message", messageId, TargetLink.Action.UNCHANGED, Optional.empty()));
        details.put(Step.EMAIL.id(), "unconfirmed " + messageId + ": an earlier attempt began sending it and did not "
                + "record the end; not sent again (at most once)");
    }

    public Map<String, String> details() {
        return Map.copyOf(details);
    }

    public List<TargetLink> targets() {
        return List.copyOf(targets);
    }

    private void earlier(Step step, SagaState state) {
        switch (step) {
            case CRM_CONTACT -> linkEarlier(step.id(), "ZOHO_CRM", "Contacts", state.get(Roles.CRM_CONTACT_ID), Optional.empty());
            case CRM_DEAL -> linkEarlier(step.id(), "ZOHO_CRM", "Deals", state.get(Roles.CRM_DEAL_ID), Optional.empty());
            case BOOKS_INVOICE -> {
                linkEarlier(BOOKS_CUSTOMER, "ZOHO_BOOKS", "contacts", state.get(Roles.BOOKS_CUSTOMER_ID), Optional.empty());
                linkEarlier(step.id(), "ZOHO_BOOKS", "invoices", state.get(Roles.BOOKS_INVOICE_ID),
                        state.get(Roles.BOOKS_INVOICE_NUMBER));
            }
            case DESK_TICKET -> linkEarlier(step.id(), "ZOHO_DESK", "tickets", state.get(Roles.DESK_TICKET_ID),
                    state.get(Roles.DESK_TICKET_NUMBER).map(SagaReport::ticketLabel));
            case EMAIL -> {
                String id = state.get(Roles.EMAIL_SENT).orElse("");
                targets.add(new TargetLink("EMAIL", "message", id, TargetLink.Action.UNCHANGED, Optional.empty()));
                details.put(step.id(), "sent earlier " + id);
            }
            case CREATOR_UPDATE -> details.put(step.id(), "done earlier");
            case VALIDATE -> { }
        }
    }

    private void linkEarlier(String key, String system, String entity, Optional<String> id, Optional<String> label) {
        id.ifPresent(value -> link(key, system, entity, value, TargetLink.Action.UNCHANGED, label));
    }

    /** Desk ticket numbers read as {@code #101}, whichever attempt opened the ticket. */
    public static String ticketLabel(String ticketNumber) {
        return "#" + ticketNumber;
    }

    private static String verb(TargetLink.Action action) {
        return switch (action) {
            case CREATED -> "created";
            case MATCHED -> "matched";
            case UPDATED -> "updated";
            case UNCHANGED -> "done earlier";
        };
    }
}
