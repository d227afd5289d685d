package io.zsync.crmdesk.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.zsync.crmdesk.domain.ClosedTicketSettings;
import io.zsync.crmdesk.domain.LeadTicketSettings;
import io.zsync.crmdesk.domain.LeadTrigger;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * The flows' settings for one org ({@code zsync.crm-desk.orgs.<org>.*}, the org key of {@code zsync.zoho.orgs}).
 *
 * @param name                  the org key
 * @param leadTrigger           {@code ON_CREATE} or {@code ON_FIELD_VALUE}
 * @param leadTriggerField      field read by {@code ON_FIELD_VALUE}
 * @param leadTriggerValues     values of that field that open a ticket
 * @param ticketDepartmentId    Desk department of lead tickets (required)
 * @param ticketStatus          status of a new ticket
 * @param ticketPriority        priority of a new ticket
 * @param ticketSubjectPrefix   subject before the lead's name
 * @param ticketLeadIdField     Desk ticket custom field with the CRM lead id
 * @param ticketContactIdField  Desk ticket custom field with the CRM contact id
 * @param fallbackLastName      Desk contact last name for a lead with neither last name nor e-mail
 * @param leadContactIdField    CRM lead field written back with the Desk contact id
 * @param leadTicketIdField     CRM lead field written back with the Desk ticket id
 * @param leadTicketNumberField CRM lead field written back with the Desk ticket number
 * @param supportStatusField    CRM field for the last ticket status
 * @param supportDateField      CRM field for the closed date
 * @param supportNotesField     CRM field for the resolution
 * @param supportDateType       {@code DATE} or {@code DATE_TIME}: the type of the date field in CRM
 * @param timeZone              zone of the dates written to CRM
 * @param leadStatusField       CRM lead status field
 * @param qualifiedLeadStatus   lead status set when its ticket closes; empty keeps the status
 */
@EachProperty("zsync.crm-desk.orgs")
public record CrmDeskOrgProperties(
        @Parameter String name,
        @Bindable(defaultValue = "ON_CREATE") LeadTrigger leadTrigger,
        @Bindable(defaultValue = "Lead_Status") String leadTriggerField,
        @Bindable(defaultValue = "") List<String> leadTriggerValues,
        @Nullable String ticketDepartmentId,
        @Bindable(defaultValue = "Open") String ticketStatus,
        @Bindable(defaultValue = "High") String ticketPriority,
        @Bindable(defaultValue = "Inquiry from") String ticketSubjectPrefix,
        @Bindable(defaultValue = "cf_crm_lead_id") String ticketLeadIdField,
        @Bindable(defaultValue = "cf_crm_contact_id") String ticketContactIdField,
        @Bindable(defaultValue = "Unknown") String fallbackLastName,
        @Bindable(defaultValue = "Desk_Contact_ID") String leadContactIdField,
        @Bindable(defaultValue = "Desk_Ticket_ID") String leadTicketIdField,
        @Bindable(defaultValue = "Desk_Ticket_Number") String leadTicketNumberField,
        @Bindable(defaultValue = "Last_Support_Ticket_Status") String supportStatusField,
        @Bindable(defaultValue = "Last_Support_Ticket_Date") String supportDateField,
        @Bindable(defaultValue = "Support_Notes") String supportNotesField,
        @Bindable(defaultValue = "DATE") ClosedTicketSettings.DateType supportDateType,
        @Bindable(defaultValue = "UTC") String timeZone,
        @Bindable(defaultValue = "Lead_Status") String leadStatusField,
        @Bindable(defaultValue = "Qualified") String qualifiedLeadStatus) {

    public LeadTicketSettings leadTicket() {
        return new LeadTicketSettings(leadTrigger, leadTriggerField, Set.copyOf(leadTriggerValues), ticketDepartmentId,
                ticketStatus, ticketPriority, ticketSubjectPrefix, ticketLeadIdField, fallbackLastName,
                leadContactIdField, leadTicketIdField, leadTicketNumberField);
    }

    public ClosedTicketSettings closedTicket() {
        return new ClosedTicketSettings(ticketLeadIdField, ticketContactIdField, supportStatusField, supportDateField,
                supportNotesField, supportDateType, ZoneId.of(timeZone), leadStatusField, qualifiedLeadStatus);
    }
}
