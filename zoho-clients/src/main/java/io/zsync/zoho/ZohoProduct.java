package io.zsync.zoho;

/**
 * The remote APIs this module talks to; each has its own declarative client id, path prefix, error
 * envelope and budget, so every cross-cutting concern (routing, auth, errors, budgets, metrics) is keyed by it.
 */
public enum ZohoProduct {
    ACCOUNTS("zoho-accounts", ""),
    CRM("zoho-crm", "/crm/v8"),
    BOOKS("zoho-books", "/books/v3"),
    DESK("zoho-desk", "/api/v1"),
    // Projects v1 "restapi": the form-encoded API that zoho-api.md §7.1 confirms; v3 bodies are [U] there.
    PROJECTS("zoho-projects", "/restapi"),
    CREATOR("zoho-creator", "/creator/v2.1"),
    HUBSPOT("hubspot", "/crm/v3");

    private final String serviceId;
    private final String pathPrefix;

    ZohoProduct(String serviceId, String pathPrefix) {
        this.serviceId = serviceId;
        this.pathPrefix = pathPrefix;
    }

    /** The {@code @Client(id = ...)} of the declarative interface, also the key under {@code micronaut.http.services}. */
    public String serviceId() {
        return serviceId;
    }

    /** Path prefix that the declarative interface puts in front of every operation. */
    public String pathPrefix() {
        return pathPrefix;
    }

    /** Lower-case name used in metric tags and configuration keys. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Placeholder host of the declarative client; the routing filter replaces it per org, so it is never called. */
    public String placeholderUrl() {
        return "http://" + serviceId + ".zsync.invalid";
    }
}
