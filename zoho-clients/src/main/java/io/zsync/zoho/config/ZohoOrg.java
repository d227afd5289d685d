package io.zsync.zoho.config;

import io.micronaut.core.annotation.Nullable;
import io.zsync.zoho.ZohoProduct;

import java.net.URI;
import java.util.Objects;

/**
 * An org's resolved endpoints: per product, an explicit override wins, then (for the API-domain products)
 * the {@code api_domain} Zoho returned with the token, then the data centre's documented host.
 */
public final class ZohoOrg {
    private final ZohoOrgProperties props;

    public ZohoOrg(ZohoOrgProperties props) {
        this.props = Objects.requireNonNull(props, "props");
        require(props.clientId(), "client-id");
        require(props.clientSecret(), "client-secret");
        require(props.refreshToken(), "refresh-token");
    }

    public String name() {
        return props.name();
    }

    public ZohoOrgProperties properties() {
        return props;
    }

    public DataCentre dataCentre() {
        return props.dataCentre() == null ? DataCentre.US : props.dataCentre();
    }

    /** Accounts server that mints this org's tokens. */
    public URI accountsBase() {
        return first(props.accountsUrl(), props.baseUrl(), dataCentre().accountsUrl());
    }

    /**
     * Origin (plus optional path prefix) for a product's calls.
     *
     * @param apiDomain the {@code api_domain} of the current token, honoured for CRM, Books and Creator
     */
    public URI base(ZohoProduct product, @Nullable String apiDomain) {
        DataCentre dc = dataCentre();
        URI fromToken = apiDomain == null || apiDomain.isBlank() ? null : URI.create(apiDomain.trim());
        return switch (product) {
            case ACCOUNTS -> accountsBase();
            case CRM -> first(props.crmUrl(), props.baseUrl(), fromToken, dc.apiDomain());
            case BOOKS -> first(props.booksUrl(), props.baseUrl(), fromToken, dc.apiDomain());
            case CREATOR -> first(props.creatorUrl(), props.baseUrl(), fromToken, dc.apiDomain());
            // Desk ignores api_domain: the Desk host is desk.zoho.<tld>, derived from the DC (zoho-api.md §1.1).
            case DESK -> first(props.deskUrl(), props.baseUrl(), null, dc.deskUrl());
            case PROJECTS -> first(props.projectsUrl(), props.baseUrl(), null, dc.projectsUrl());
            case HUBSPOT -> throw new IllegalArgumentException("HubSpot is not a Zoho product of org " + name());
        };
    }

    private static URI first(@Nullable String override, @Nullable String baseUrl, URI fallback) {
        return first(override, baseUrl, null, fallback);
    }

    private static URI first(@Nullable String override, @Nullable String baseUrl, @Nullable URI fromToken,
                             URI fallback) {
        if (override != null && !override.isBlank()) {
            return URI.create(stripSlash(override.trim()));
        }
        if (baseUrl != null && !baseUrl.isBlank()) {
            return URI.create(stripSlash(baseUrl.trim()));
        }
        return fromToken != null ? fromToken : fallback;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private void require(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("zsync.zoho.orgs." + props.name() + "." + key + " is not set");
        }
    }

    @Override
    public String toString() {
        return "ZohoOrg[" + props + "]";
    }
}
