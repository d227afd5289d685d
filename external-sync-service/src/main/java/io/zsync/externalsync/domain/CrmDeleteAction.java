package io.zsync.externalsync.domain;

/** What a CRM contact's deletion does to its external contact. */
public enum CrmDeleteAction {
    /** Delete it through the external API (HubSpot archives it: restorable for 90 days). */
    DELETE,
    /** Keep it, unlinked, with the org's "deleted in Zoho" property set. */
    MARK
}
