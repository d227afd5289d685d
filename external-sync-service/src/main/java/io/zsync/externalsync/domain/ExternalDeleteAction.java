package io.zsync.externalsync.domain;

/** What an external contact's deletion does to its CRM contact. */
public enum ExternalDeleteAction {
    /** Delete the CRM contact (to the CRM recycle bin). */
    DELETE,
    /** Keep the CRM contact and clear its external id. */
    UNLINK
}
