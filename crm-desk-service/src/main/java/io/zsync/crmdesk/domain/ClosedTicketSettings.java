package io.zsync.crmdesk.domain;

import java.time.ZoneId;
import java.util.Objects;

/**
 * One org's rules for reporting closed Desk tickets to CRM.
 *
 * @param leadLinkField    Desk ticket custom field holding the CRM lead id ({@code cf_crm_lead_id})
 * @param contactLinkField Desk ticket custom field holding the CRM contact id ({@code cf_crm_contact_id})
 * @param statusField      CRM field for the last ticket status ({@code Last_Support_Ticket_Status})
 * @param dateField        CRM field for the closed date ({@code Last_Support_Ticket_Date})
 * @param notesField       CRM field for the resolution ({@code Support_Notes})
 * @param dateType         whether {@code dateField} is a CRM date or date-time field
 * @param zone             time zone in which the closed time is written to CRM
 * @param leadStatusField  CRM lead status field ({@code Lead_Status})
 * @param qualifiedStatus  value a lead gets when its ticket closes ({@code Qualified}); blank: leave the status
 */
public record ClosedTicketSettings(String leadLinkField, String contactLinkField, String statusField, String dateField,
                                   String notesField, DateType dateType, ZoneId zone, String leadStatusField,
                                   String qualifiedStatus) {

    /** How CRM stores the closed date. */
    public enum DateType { DATE, DATE_TIME }

    public ClosedTicketSettings {
        Objects.requireNonNull(dateType, "dateType");
        Objects.requireNonNull(zone, "zone");
        for (String field : new String[] {leadLinkField, contactLinkField, statusField, dateField, notesField,
                leadStatusField}) {
            if (Text.blank(field)) {
                throw new IllegalArgumentException("link and CRM field names must not be blank");
            }
        }
    }
}
