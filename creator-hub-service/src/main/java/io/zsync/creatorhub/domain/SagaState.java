package io.zsync.creatorhub.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the ledger knows of one order's saga: the ids each finished step left, by {@link Roles role}.
 * Immutable; each finished step makes a new state, which is what the saga records.
 *
 * @param targets ledger targets by role (blank values count as unset)
 */
public record SagaState(Map<String, String> targets) {

    public static final SagaState EMPTY = new SagaState(Map.of());

    /** Where the e-mail step stands. */
    public enum EmailState {
        /** Nothing suggests it was sent: send it. */
        NOT_SENT,
        /** The SMTP server accepted it. */
        SENT,
        /** An attempt began and its end was not recorded: it may have gone; never send it again. */
        UNCONFIRMED
    }

    public SagaState {
        targets = Map.copyOf(targets);
    }

    public static SagaState of(Map<String, String> targets) {
        return new SagaState(targets);
    }

    public Optional<String> get(String role) {
        String value = targets.get(role);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    public boolean has(String role) {
        return get(role).isPresent();
    }

    /** A state with one more role set (or cleared with an empty value). */
    public SagaState with(String role, String value) {
        Map<String, String> next = new LinkedHashMap<>(targets);
        next.put(role, value == null ? "" : value);
        return new SagaState(next);
    }

    public EmailState email() {
        if (has(Roles.EMAIL_SENT)) {
            return EmailState.SENT;
        }
        return has(Roles.EMAIL_SENDING) ? EmailState.UNCONFIRMED : EmailState.NOT_SENT;
    }

    /** True when the ledger shows {@code step} finished (or, for the e-mail, possibly sent). */
    public boolean finished(Step step) {
        return switch (step) {
            case VALIDATE -> true;
            case CRM_CONTACT -> has(Roles.CRM_CONTACT_ID);
            case CRM_DEAL -> has(Roles.CRM_DEAL_ID);
            case BOOKS_INVOICE -> has(Roles.BOOKS_INVOICE_ID);
            case DESK_TICKET -> has(Roles.DESK_TICKET_ID);
            case EMAIL -> email() != EmailState.NOT_SENT;
            case CREATOR_UPDATE -> "true".equals(targets.get(Roles.CREATOR_UPDATED));
        };
    }

    /** True when nothing of this saga was recorded yet. */
    public boolean isEmpty() {
        return targets.values().stream().allMatch(String::isBlank);
    }
}
