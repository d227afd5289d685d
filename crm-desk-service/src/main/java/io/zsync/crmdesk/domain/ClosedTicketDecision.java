package io.zsync.crmdesk.domain;

import io.zsync.contract.Operation;
import io.zsync.sync.domain.MappedHash;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * When a Desk ticket changes to closed, the CRM lead or contact named by the ticket's link custom fields gets
 * the last ticket status, the closed date and the resolution; a lead is also qualified. A ticket with no CRM
 * link, or a change that is not a closure, is skipped with the reason.
 */
public final class ClosedTicketDecision {

    /** Desk's {@code statusType} of a closed ticket; the display {@code status} is per department. */
    static final String CLOSED = "Closed";
    private static final DateTimeFormatter CRM_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    /** What the event alone says about closure. */
    public enum Transition {
        /** The ticket changed to closed. */
        CLOSED,
        /** The event says enough to know it is not a closure. */
        NOT_CLOSED,
        /** The event does not say (no previous state): fetch the ticket and compare with what was synced. */
        UNKNOWN
    }

    /** The CRM module a ticket links to. */
    public enum Module {
        Leads, Contacts
    }

    /** The ticket as Desk has it now; {@code customFields} is Desk's {@code cf} map. */
    public record Ticket(String id, String ticketNumber, String status, String statusType, String closedTime,
                         String resolution, Map<String, Object> customFields) {
        public Ticket {
            customFields = customFields == null ? Map.of() : new LinkedHashMap<>(customFields);
        }
    }

    /** The result. */
    public sealed interface Outcome permits Skip, Update {
    }

    /** Nothing to do, and why. */
    public record Skip(String reason) implements Outcome {
    }

    /**
     * Update one CRM record.
     *
     * @param mappedHash fingerprint of the closure written (ticket and values), to recognise it again
     */
    public record Update(Module module, String recordId, Map<String, Object> fields, String mappedHash)
            implements Outcome {
        public Update {
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }

    private ClosedTicketDecision() {
    }

    /**
     * Reads a closure from the event: Desk's {@code prevState} (the gateway's {@code previousValues} and its
     * {@code transition} attribute) shows the {@code statusType} before and after.
     */
    public static Transition transition(Operation operation, Map<String, String> attributes, Map<String, String> current,
                                        Map<String, String> previous) {
        if (operation == Operation.DELETED) {
            return Transition.NOT_CLOSED;
        }
        if (attributes != null && attributes.get("transition") != null) {
            return "CLOSED".equals(attributes.get("transition")) ? Transition.CLOSED : Transition.NOT_CLOSED;
        }
        String after = current == null ? null : current.get("statusType");
        if (previous != null) {
            return CLOSED.equalsIgnoreCase(after) && !CLOSED.equalsIgnoreCase(previous.get("statusType"))
                    ? Transition.CLOSED : Transition.NOT_CLOSED;
        }
        if (operation == Operation.CREATED && after != null) {
            // a ticket created closed (an imported one) is a closure too
            return CLOSED.equalsIgnoreCase(after) ? Transition.CLOSED : Transition.NOT_CLOSED;
        }
        return Transition.UNKNOWN;
    }

    /** Why an event that is not a closure is skipped. */
    public static String notClosedReason(Operation operation, Map<String, String> current, Map<String, String> previous) {
        if (operation == Operation.DELETED) {
            return "ticket deleted: not a transition to closed";
        }
        String before = previous == null ? (operation == Operation.CREATED ? "(new)" : "?") : previous.get("statusType");
        String after = current == null ? "?" : current.get("statusType");
        return "not a transition to closed (statusType " + before + " -> " + after + ")";
    }

    /**
     * Decides with the ticket as Desk has it now.
     *
     * @param transition      what the event said ({@link Transition#CLOSED} or {@link Transition#UNKNOWN})
     * @param ticket          the ticket, empty when Desk no longer has it
     * @param lastMappedHash  the fingerprint of the closure last written for this ticket, if any
     * @param eventTime       when the change happened, used when Desk gives no closed time
     */
    public static Outcome decide(Transition transition, Optional<Ticket> ticket, Optional<String> lastMappedHash,
                                 Instant eventTime, ClosedTicketSettings settings) {
        if (ticket.isEmpty()) {
            return new Skip("ticket no longer exists in Desk");
        }
        Ticket t = ticket.get();
        if (!CLOSED.equalsIgnoreCase(t.statusType())) {
            return new Skip(transition == Transition.CLOSED
                    ? "ticket " + label(t) + " was reopened since (statusType " + t.statusType() + ")"
                    : "ticket " + label(t) + " is not closed (statusType " + t.statusType() + ")");
        }
        String leadId = Text.field(t.customFields(), settings.leadLinkField());
        String contactId = Text.field(t.customFields(), settings.contactLinkField());
        if (leadId == null && contactId == null) {
            return new Skip("ticket " + label(t) + " has no CRM link: " + settings.leadLinkField() + " and "
                    + settings.contactLinkField() + " are empty");
        }
        Module module = leadId != null ? Module.Leads : Module.Contacts;
        String recordId = leadId != null ? leadId : contactId;
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(settings.statusField(), Text.blank(t.status()) ? CLOSED : t.status());
        fields.put(settings.dateField(), closedDate(t.closedTime(), eventTime, settings));
        if (!Text.blank(t.resolution())) {
            fields.put(settings.notesField(), t.resolution());
        }
        if (module == Module.Leads && !Text.blank(settings.qualifiedStatus())) {
            fields.put(settings.leadStatusField(), settings.qualifiedStatus().trim());
        }
        Map<String, Object> fingerprint = new LinkedHashMap<>(fields);
        fingerprint.put("$ticket", t.id());
        fingerprint.put("$target", module + "/" + recordId);
        String hash = MappedHash.of(fingerprint);
        if (transition != Transition.CLOSED && lastMappedHash.filter(hash::equals).isPresent()) {
            return new Skip("closure of ticket " + label(t) + " is already in CRM");
        }
        return new Update(module, recordId, fields, hash);
    }

    /**
     * True when the CRM record already holds every value of {@code update}. Asked where an earlier attempt may have
     * written the closure and then crashed before recording it: writing it again would change no value, yet be a
     * second edit of the record, which runs the org's workflow rules on it again. A value CRM renders otherwise
     * than it was written (a date-time with another offset) reads as not there, and the closure is written again.
     *
     * @param record the record's fields as CRM returns them, or null when CRM no longer has it
     */
    public static boolean alreadyInCrm(Map<String, ?> record, Update update) {
        if (record == null) {
            return false;
        }
        return update.fields().entrySet().stream().allMatch(wanted ->
                Objects.equals(Text.field(record, wanted.getKey()), Text.field(update.fields(), wanted.getKey())));
    }

    /** Desk's closed time (ISO UTC with millis) as a CRM date or date-time in the org's zone. */
    static String closedDate(String closedTime, Instant eventTime, ClosedTicketSettings settings) {
        Instant at = eventTime;
        if (!Text.blank(closedTime)) {
            try {
                at = Instant.parse(closedTime.trim());
            } catch (DateTimeParseException e) {
                at = eventTime; // an unreadable closed time still closes the ticket: the event's time is close
            }
        }
        return settings.dateType() == ClosedTicketSettings.DateType.DATE
                ? at.atZone(settings.zone()).toLocalDate().toString()
                : at.atZone(settings.zone()).toOffsetDateTime().format(CRM_DATE_TIME);
    }

    private static String label(Ticket t) {
        return t.ticketNumber() == null ? t.id() : "#" + t.ticketNumber();
    }
}
