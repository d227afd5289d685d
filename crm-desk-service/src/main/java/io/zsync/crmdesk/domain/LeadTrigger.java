package io.zsync.crmdesk.domain;

/** When a lead gets its Desk ticket: when it is created, or when a field takes one of the configured values. */
public enum LeadTrigger {
    /** Only a lead's creation event opens a ticket. */
    ON_CREATE,
    /** A lead whose trigger field holds one of the trigger values (on create or on any later change) opens a ticket. */
    ON_FIELD_VALUE
}
