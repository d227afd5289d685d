package io.zsync.deskprojects.domain;

import io.zsync.contract.Operation;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A Desk ticket whose category is one of the org's task categories gets exactly one Projects task, named
 * {@code [category] subject}, starting today and due after the configured days, with the ticket id and number in
 * custom fields; the task id and link go back on the ticket. Other tickets are skipped with the reason.
 */
public final class TicketTaskDecision {

    /** The ticket as Desk has it now; {@code customFields} is Desk's {@code cf} map. */
    public record Ticket(String id, String ticketNumber, String subject, String description, String category,
                         String priority, Map<String, Object> customFields) {
        public Ticket {
            customFields = customFields == null ? Map.of() : new LinkedHashMap<>(customFields);
        }
    }

    /** The task to create. Dates are plain days: the Projects client writes them in its format. */
    public record TaskPlan(String name, String description, String priority, LocalDate startDate, LocalDate endDate,
                           Map<String, String> customFields) {
        public TaskPlan {
            customFields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(customFields));
        }
    }

    /** The result. */
    public sealed interface Outcome permits Skip, Create, WriteBackOnly, Linked {
    }

    /** Nothing to do, and why. */
    public record Skip(String reason) implements Outcome {
    }

    /** Create the task (after looking for it if an earlier attempt may have), then write it back. */
    public record Create(TaskPlan task) implements Outcome {
    }

    /** The task exists (the ledger knows it) but the ticket does not show it yet: write it back only. */
    public record WriteBackOnly(String taskId, String taskLink) implements Outcome {
    }

    /**
     * The ticket shows a task the ledger does not know while an earlier attempt's intent is open: that attempt created
     * and wrote back the task, then crashed before recording it. Nothing to write: the task is this attempt's outcome
     * and goes into the ledger.
     */
    public record Linked(String taskId, String taskLink) implements Outcome {
    }

    private TicketTaskDecision() {
    }

    /**
     * Settles what the webhook alone can settle, before any API call: deletions, and tickets whose category
     * (Desk sends the whole ticket) is not a task category.
     */
    public static Optional<String> skipBeforeReading(Operation operation, Map<String, String> values, TaskSettings settings) {
        if (operation == Operation.DELETED) {
            return Optional.of("ticket deleted");
        }
        if (values != null && values.containsKey("category") && !settings.isTaskCategory(values.get("category"))) {
            return Optional.of(categoryReason(values.get("category"), settings));
        }
        return Optional.empty();
    }

    /**
     * Decides with the ticket as Desk has it now.
     *
     * @param ticket     the ticket, empty when Desk no longer has it
     * @param knownTask  the task id the ledger holds for this ticket
     * @param knownLink  the task link the ledger holds
     * @param today      the start date, in the org's zone
     */
    public static Outcome decide(Optional<Ticket> ticket, Optional<String> knownTask, Optional<String> knownLink,
                                 LocalDate today, TaskSettings settings) {
        return decide(ticket, knownTask, knownLink, false, today, settings);
    }

    /**
     * Decides with the ticket as Desk has it now, knowing whether an earlier attempt may have written (the ledger
     * holds its intent but no outcome).
     *
     * @param mayHaveWritten an earlier attempt may have created the task and written it back
     */
    public static Outcome decide(Optional<Ticket> ticket, Optional<String> knownTask, Optional<String> knownLink,
                                 boolean mayHaveWritten, LocalDate today, TaskSettings settings) {
        if (ticket.isEmpty()) {
            return new Skip("ticket no longer exists in Desk");
        }
        Ticket t = ticket.get();
        if (!settings.isTaskCategory(t.category())) {
            return new Skip(categoryReason(t.category(), settings));
        }
        String onTicket = text(t.customFields().get(settings.taskIdField()));
        Optional<String> known = knownTask.filter(id -> !id.isBlank());
        if (onTicket != null && mayHaveWritten && known.isEmpty()) {
            return new Linked(onTicket, text(t.customFields().get(settings.taskLinkField())));
        }
        if (onTicket != null) {
            return new Skip("ticket " + label(t) + " already has Projects task " + onTicket);
        }
        if (known.isPresent()) {
            return new WriteBackOnly(known.get(), knownLink.filter(l -> !l.isBlank()).orElse(null));
        }
        Map<String, String> customFields = new LinkedHashMap<>();
        customFields.put(settings.ticketIdColumn(), t.id());
        if (t.ticketNumber() != null) {
            customFields.put(settings.ticketNumberColumn(), t.ticketNumber());
        }
        return new Create(new TaskPlan(name(t), t.description() == null ? "" : t.description(),
                settings.projectsPriority(t.priority()), today, today.plusDays(settings.dueInDays()), customFields));
    }

    /** {@code [Bug] Login fails}: the category as the ticket spells it, then the subject. */
    static String name(Ticket t) {
        String subject = t.subject() == null || t.subject().isBlank() ? "(no subject)" : t.subject().trim();
        return "[" + t.category().trim() + "] " + subject;
    }

    /** The ticket custom fields that link it to its task. */
    public static Map<String, Object> writeBack(TaskSettings settings, String taskId, String taskLink) {
        Map<String, Object> cf = new LinkedHashMap<>();
        cf.put(settings.taskIdField(), taskId);
        if (taskLink != null) {
            cf.put(settings.taskLinkField(), taskLink);
        }
        return cf;
    }

    private static String categoryReason(String category, TaskSettings settings) {
        String shown = category == null || category.isBlank() ? "no category" : "category '" + category + "'";
        return "ticket has " + shown + "; tasks are created for " + settings.categories();
    }

    private static String label(Ticket t) {
        return t.ticketNumber() == null ? t.id() : "#" + t.ticketNumber();
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String s = String.valueOf(value).trim();
        return s.isEmpty() || "null".equals(s) ? null : s;
    }
}
