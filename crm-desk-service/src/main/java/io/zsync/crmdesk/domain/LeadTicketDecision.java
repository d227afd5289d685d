package io.zsync.crmdesk.domain;

import io.zsync.contract.Operation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A lead that meets the org's trigger and has no Desk ticket yet gets a Desk contact (found by e-mail or
 * created) and one inquiry ticket, and the three Desk ids are written back on the lead. A lead that already
 * has its ticket only gets missing ids written back; anything else is skipped with the reason.
 */
public final class LeadTicketDecision {

    /** What the flow knows of a lead's Desk records: the ledger's ids, merged with what this batch created. */
    public record Known(Optional<String> contactId, Optional<String> ticketId, Optional<String> ticketNumber) {
        public static final Known NOTHING = new Known(Optional.empty(), Optional.empty(), Optional.empty());

        public Known {
            contactId = nonBlank(contactId);
            ticketId = nonBlank(ticketId);
            ticketNumber = nonBlank(ticketNumber);
        }

        private static Optional<String> nonBlank(Optional<String> value) {
            return value == null ? Optional.empty() : value.filter(v -> !v.isBlank());
        }
    }

    /** The change that reached the flow. */
    public record LeadChange(String leadId, Operation operation, List<String> changedFields) {
        public LeadChange {
            Objects.requireNonNull(leadId, "leadId");
            Objects.requireNonNull(operation, "operation");
            changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
        }
    }

    /** The result. */
    public sealed interface Outcome permits Skip, Proceed {
    }

    /** Nothing to do, and why. */
    public record Skip(String reason) implements Outcome {
    }

    /**
     * Make sure the contact and the ticket exist, then write back what the lead lacks.
     *
     * @param contact the Desk contact to use or create
     * @param ticket  the Desk ticket to use or create
     */
    public record Proceed(String leadId, ContactPlan contact, TicketPlan ticket) implements Outcome {
    }

    /** A Desk contact: the known one, else the one with {@code email}, else a new one. */
    public record ContactPlan(Optional<String> knownId, String email, String lastName, String firstName, String phone) {
    }

    /**
     * A Desk ticket: the known one (with its number), else a new one with these values; {@code customFields}
     * carries the lead id so that a lost answer can be recovered by a search.
     */
    public record TicketPlan(Optional<String> knownId, Optional<String> knownNumber, String subject, String description,
                             String departmentId, String status, String priority, String email, String phone,
                             Map<String, Object> customFields) {
        public TicketPlan {
            customFields = Map.copyOf(customFields);
        }
    }

    private LeadTicketDecision() {
    }

    /**
     * Decides for one lead.
     *
     * @param change   the event
     * @param lead     the lead as CRM has it now (field API name to value), empty when CRM no longer has it
     * @param known    Desk ids already known for this lead
     * @param settings the org's rules
     */
    public static Outcome decide(LeadChange change, Optional<Map<String, Object>> lead, Known known,
                                 LeadTicketSettings settings) {
        return decide(change, lead, known, false, settings);
    }

    /**
     * Decides for one lead, knowing whether an earlier attempt may have written (the ledger holds its intent but no
     * outcome): a ticket the lead shows and the ledger does not know is then that attempt's work, which crashed after
     * the write-back and before recording it, and it becomes this attempt's outcome instead of a skip.
     *
     * @param mayHaveWritten an earlier attempt may have created the ticket and written it back
     */
    public static Outcome decide(LeadChange change, Optional<Map<String, Object>> lead, Known known,
                                 boolean mayHaveWritten, LeadTicketSettings settings) {
        if (change.operation() == Operation.DELETED) {
            return new Skip("lead " + change.leadId() + " was deleted");
        }
        if (lead.isEmpty()) {
            return new Skip("lead " + change.leadId() + " no longer exists in CRM");
        }
        Map<String, Object> fields = lead.get();
        Optional<String> ticketId = known.ticketId().or(() -> Optional.ofNullable(Text.field(fields, settings.ticketIdField())));
        if (ticketId.isPresent()) {
            Optional<String> contactId = known.contactId()
                    .or(() -> Optional.ofNullable(Text.field(fields, settings.contactIdField())));
            Optional<String> number = known.ticketNumber()
                    .or(() -> Optional.ofNullable(Text.field(fields, settings.ticketNumberField())));
            Map<String, Object> wanted = writeBack(settings, contactId.orElse(null), ticketId.get(), number.orElse(null));
            boolean earlierAttemptWroteIt = mayHaveWritten && known.ticketId().isEmpty();
            if (!writeBackNeeded(fields, wanted) && !earlierAttemptWroteIt) {
                return new Skip("lead already has Desk ticket " + number.orElse(ticketId.get()));
            }
            return new Proceed(change.leadId(), contactPlan(fields, contactId, settings),
                    ticketPlan(change.leadId(), fields, ticketId, number, settings));
        }
        Optional<String> notTriggered = notTriggered(change, fields, settings);
        if (notTriggered.isPresent()) {
            return new Skip(notTriggered.get());
        }
        Optional<String> contactId = known.contactId()
                .or(() -> Optional.ofNullable(Text.field(fields, settings.contactIdField())));
        return new Proceed(change.leadId(), contactPlan(fields, contactId, settings),
                ticketPlan(change.leadId(), fields, Optional.empty(), Optional.empty(), settings));
    }

    private static Optional<String> notTriggered(LeadChange change, Map<String, Object> lead, LeadTicketSettings settings) {
        if (settings.trigger() == LeadTrigger.ON_CREATE) {
            return change.operation() == Operation.CREATED ? Optional.empty()
                    : Optional.of("lead updated; tickets are opened for new leads only (trigger ON_CREATE)");
        }
        String value = Text.field(lead, settings.triggerField());
        if (value != null && settings.triggerValues().contains(value.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return Optional.of(settings.triggerField() + " is " + (value == null ? "empty" : "'" + value + "'")
                + ", not one of the values that open a ticket " + settings.triggerValues());
    }

    private static ContactPlan contactPlan(Map<String, Object> lead, Optional<String> knownId, LeadTicketSettings settings) {
        String email = Text.field(lead, "Email");
        return new ContactPlan(knownId, email, lastName(lead, settings), Text.field(lead, "First_Name"),
                Text.field(lead, "Phone"));
    }

    private static TicketPlan ticketPlan(String leadId, Map<String, Object> lead, Optional<String> knownId,
                                         Optional<String> knownNumber, LeadTicketSettings settings) {
        return new TicketPlan(knownId, knownNumber, subject(leadId, lead, settings), description(lead),
                settings.departmentId(), blankToNull(settings.status()), blankToNull(settings.priority()),
                Text.field(lead, "Email"), Text.field(lead, "Phone"), Map.of(settings.leadIdCustomField(), leadId));
    }

    /**
     * Desk requires a contact's last name. A lead without one (CRM can hold such leads when layouts differ)
     * uses the local part of its e-mail ({@code ada} for {@code ada@example.com}), else the configured fallback.
     */
    static String lastName(Map<String, Object> lead, LeadTicketSettings settings) {
        String last = Text.field(lead, "Last_Name");
        if (last != null) {
            return last;
        }
        String email = Text.field(lead, "Email");
        if (email != null && email.indexOf('@') > 0) {
            return email.substring(0, email.indexOf('@'));
        }
        return settings.fallbackLastName();
    }

    /** {@code Inquiry from First Last}; without a name, the e-mail; without that, the lead id. */
    static String subject(String leadId, Map<String, Object> lead, LeadTicketSettings settings) {
        String first = Text.field(lead, "First_Name");
        String last = Text.field(lead, "Last_Name");
        String name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
        if (name.isEmpty()) {
            name = Text.field(lead, "Email");
        }
        if (name == null) {
            name = "lead " + leadId;
        }
        return settings.subjectPrefix().isEmpty() ? name : settings.subjectPrefix() + " " + name;
    }

    /** Company and lead source, as Desk's HTML description. */
    static String description(Map<String, Object> lead) {
        String company = Text.field(lead, "Company");
        String source = Text.field(lead, "Lead_Source");
        return "Lead inquiry for: " + Text.html(company == null ? "(no company)" : company)
                + "<br>Lead Source: " + Text.html(source == null ? "(unknown)" : source);
    }

    /** The CRM fields to write on the lead (ids not known are left out rather than cleared). */
    public static Map<String, Object> writeBack(LeadTicketSettings settings, String contactId, String ticketId,
                                                String ticketNumber) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (contactId != null) {
            fields.put(settings.contactIdField(), contactId);
        }
        if (ticketId != null) {
            fields.put(settings.ticketIdField(), ticketId);
        }
        if (ticketNumber != null) {
            fields.put(settings.ticketNumberField(), ticketNumber);
        }
        return fields;
    }

    /** True when the lead does not already hold every value of {@code wanted}. */
    public static boolean writeBackNeeded(Map<String, Object> lead, Map<String, Object> wanted) {
        return wanted.entrySet().stream()
                .anyMatch(e -> !Objects.equals(Text.field(lead, e.getKey()), String.valueOf(e.getValue())));
    }

    private static String blankToNull(String value) {
        return Text.blank(value) ? null : value.trim();
    }
}
