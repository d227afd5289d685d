package io.zsync.zoho.config;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Zoho data centres of zoho-api.md §1.1: an org's accounts server, API domain and Desk host all live in its
 * DC, and a token minted in one DC is useless in another, so every host an org calls is derived from this.
 *
 * <p>Projects v1 hosts are not in the DC table; they follow the documented {@code projectsapi.zoho.com}
 * pattern per top-level domain, which is an inference ({@code [U]}) and overridable per org. UK is
 * unconfirmed ({@code [U]}) in the doc: its hosts are the best guess and every one can be overridden per org.
 * SG and AE are listed for Desk only, without accounts or API hosts, so they are not offered here.
 */
public enum DataCentre {
    US("us", "accounts.zoho.com", "www.zohoapis.com", "desk.zoho.com", "projectsapi.zoho.com", true),
    EU("eu", "accounts.zoho.eu", "www.zohoapis.eu", "desk.zoho.eu", "projectsapi.zoho.eu", true),
    IN("in", "accounts.zoho.in", "www.zohoapis.in", "desk.zoho.in", "projectsapi.zoho.in", true),
    AU("au", "accounts.zoho.com.au", "www.zohoapis.com.au", "desk.zoho.com.au", "projectsapi.zoho.com.au", true),
    JP("jp", "accounts.zoho.jp", "www.zohoapis.jp", "desk.zoho.jp", "projectsapi.zoho.jp", true),
    // Canada runs on zohocloud.ca: accounts.zoho.ca does not exist (zoho-api.md §1.1).
    CA("ca", "accounts.zohocloud.ca", "www.zohoapis.ca", "desk.zohocloud.ca", "projectsapi.zohocloud.ca", true),
    SA("sa", "accounts.zoho.sa", "www.zohoapis.sa", "desk.zoho.sa", "projectsapi.zoho.sa", true),
    CN("cn", "accounts.zoho.com.cn", "www.zohoapis.com.cn", "desk.zoho.com.cn", "projectsapi.zoho.com.cn", true),
    UK("uk", "accounts.zoho.uk", "www.zohoapis.uk", "desk.zoho.uk", "projectsapi.zoho.uk", false);

    private final String location;
    private final String accountsHost;
    private final String apiHost;
    private final String deskHost;
    private final String projectsHost;
    private final boolean confirmed;

    DataCentre(String location, String accountsHost, String apiHost, String deskHost, String projectsHost,
               boolean confirmed) {
        this.location = location;
        this.accountsHost = accountsHost;
        this.apiHost = apiHost;
        this.deskHost = deskHost;
        this.projectsHost = projectsHost;
        this.confirmed = confirmed;
    }

    /** OAuth server: {@code POST {accounts}/oauth/v2/token}. */
    public URI accountsUrl() {
        return https(accountsHost);
    }

    /** API domain for CRM, Books and Creator v2.1 when the token response carries no {@code api_domain}. */
    public URI apiDomain() {
        return https(apiHost);
    }

    /** Desk host: Desk is not served from the API domain, so it is derived from the DC (zoho-api.md §1.1). */
    public URI deskUrl() {
        return https(deskHost);
    }

    /** Projects v1 host ({@code [U]} outside US: inferred from the TLD). */
    public URI projectsUrl() {
        return https(projectsHost);
    }

    /** The {@code location} value Zoho puts on the OAuth redirect ({@code ?location=eu}). */
    public String location() {
        return location;
    }

    /** False where zoho-api.md has not confirmed the hosts; callers should configure overrides. */
    public boolean confirmed() {
        return confirmed;
    }

    /** Maps the OAuth redirect's {@code location} parameter (or an enum name) to a DC. */
    public static Optional<DataCentre> fromLocation(String location) {
        if (location == null) {
            return Optional.empty();
        }
        String l = location.trim().toLowerCase(Locale.ROOT);
        for (DataCentre dc : values()) {
            if (dc.location.equals(l)) {
                return Optional.of(dc);
            }
        }
        return Optional.empty();
    }

    private static URI https(String host) {
        return URI.create("https://" + host);
    }
}
