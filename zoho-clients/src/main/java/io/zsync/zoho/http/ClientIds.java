package io.zsync.zoho.http;

/**
 * Compile-time constants for the declarative clients: each {@code @Client} gets a placeholder URL (also its
 * client id) that the
 * {@link ZohoRoutingFilter} replaces per call with the org's real host, selected by {@link #ORG_HEADER} and
 * {@link #PRODUCT_HEADER}.
 * They must equal {@link io.zsync.zoho.ZohoProduct#serviceId()} and {@code placeholderUrl()} (a test checks).
 */
public final class ClientIds {
    /** Internal header naming the org (or HubSpot account) of a call; the filter removes it before sending. */
    public static final String ORG_HEADER = "X-Zsync-Org";

    /** Internal header naming the product of a call (set on each interface); the filter removes it too. */
    public static final String PRODUCT_HEADER = "X-Zsync-Product";

    public static final String ACCOUNTS = "zoho-accounts";
    public static final String ACCOUNTS_URL = "http://zoho-accounts.zsync.invalid";
    public static final String CRM = "zoho-crm";
    public static final String CRM_URL = "http://zoho-crm.zsync.invalid";
    public static final String BOOKS = "zoho-books";
    public static final String BOOKS_URL = "http://zoho-books.zsync.invalid";
    public static final String DESK = "zoho-desk";
    public static final String DESK_URL = "http://zoho-desk.zsync.invalid";
    public static final String PROJECTS = "zoho-projects";
    public static final String PROJECTS_URL = "http://zoho-projects.zsync.invalid";
    public static final String CREATOR = "zoho-creator";
    public static final String CREATOR_URL = "http://zoho-creator.zsync.invalid";
    public static final String HUBSPOT = "hubspot";
    public static final String HUBSPOT_URL = "http://hubspot.zsync.invalid";

    private ClientIds() {
    }
}
