package io.zsync.crmdesk.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One org's rules for turning a lead into a Desk ticket.
 *
 * @param trigger                 when a lead opens a ticket
 * @param triggerField            the CRM field read by {@link LeadTrigger#ON_FIELD_VALUE} (e.g. {@code Lead_Status})
 * @param triggerValues           the values of that field that open a ticket (compared without case)
 * @param departmentId            Desk department of the ticket
 * @param status                  Desk status of the new ticket ({@code Open})
 * @param priority                Desk priority of the new ticket ({@code High}); blank leaves Desk's default
 * @param subjectPrefix           subject before the lead's name ({@code Inquiry from})
 * @param leadIdCustomField       Desk ticket custom field that keeps the lead id ({@code cf_crm_lead_id}), the
 *                                natural key used to find a ticket an interrupted attempt created
 * @param fallbackLastName        Desk contact last name when the lead has neither a last name nor an e-mail
 * @param contactIdField          CRM lead field written back with the Desk contact id
 * @param ticketIdField           CRM lead field written back with the Desk ticket id
 * @param ticketNumberField       CRM lead field written back with the Desk ticket number
 */
public record LeadTicketSettings(LeadTrigger trigger, String triggerField, Set<String> triggerValues,
                                 String departmentId, String status, String priority, String subjectPrefix,
                                 String leadIdCustomField, String fallbackLastName, String contactIdField,
                                 String ticketIdField, String ticketNumberField) {

    public LeadTicketSettings {
        Objects.requireNonNull(trigger, "trigger");
        triggerValues = triggerValues == null ? Set.of() : triggerValues.stream()
                .filter(v -> v != null && !v.isBlank()).map(v -> v.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        if (trigger == LeadTrigger.ON_FIELD_VALUE && (Text.blank(triggerField) || triggerValues.isEmpty())) {
            throw new IllegalArgumentException("trigger ON_FIELD_VALUE needs a trigger field and at least one value");
        }
        if (Text.blank(departmentId)) {
            throw new IllegalArgumentException("a Desk department id is required");
        }
        for (String field : new String[] {leadIdCustomField, contactIdField, ticketIdField, ticketNumberField}) {
            if (Text.blank(field)) {
                throw new IllegalArgumentException("custom and write-back field names must not be blank");
            }
        }
        fallbackLastName = Text.blank(fallbackLastName) ? "Unknown" : fallbackLastName.trim();
        subjectPrefix = subjectPrefix == null ? "" : subjectPrefix.trim();
    }

    /** Lead fields the ticket and the Desk contact are made from (with the write-back fields and the trigger). */
    public static final List<String> MAPPED_FIELDS = List.of("First_Name", "Last_Name", "Email", "Phone", "Company",
            "Lead_Source");

    /**
     * The lead fields whose change this org's decision reads: the mapped fields, the write-back fields, and the
     * trigger field when a field value opens tickets (with {@link LeadTrigger#ON_CREATE} it decides nothing).
     */
    public Set<String> fieldsActedOn() {
        Set<String> fields = new HashSet<>(MAPPED_FIELDS);
        fields.addAll(writeBackFields());
        if (trigger == LeadTrigger.ON_FIELD_VALUE) {
            fields.add(triggerField);
        }
        return Set.copyOf(fields);
    }

    /** The CRM fields this flow writes back on a lead. */
    public Set<String> writeBackFields() {
        return Set.of(contactIdField, ticketIdField, ticketNumberField);
    }
}
