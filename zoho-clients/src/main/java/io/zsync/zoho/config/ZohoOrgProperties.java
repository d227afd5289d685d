package io.zsync.zoho.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * One Zoho org ({@code zsync.zoho.orgs.<name>.*}): its data centre, OAuth client and refresh token (from the
 * environment), the per-product ids every call needs, optional host overrides and edition-specific budgets.
 *
 * <p>{@code base-url} sends every product (accounts included) to one origin: that is how the sandbox is
 * targeted. The product-specific {@code *-url} keys win over it. Values are origins with an optional path
 * prefix; the product path ({@code /crm/v8}, {@code /books/v3}, ...) is appended by the client.
 *
 * @param name                  the org key under {@code zsync.zoho.orgs}
 * @param dataCentre            Zoho DC of the org (default US)
 * @param clientId              OAuth client id
 * @param clientSecret          OAuth client secret (secret)
 * @param refreshToken          OAuth refresh token (secret)
 * @param crmOrgId              CRM org id (informational; CRM needs no org parameter)
 * @param booksOrganizationId   Books {@code organization_id}, sent on every Books call
 * @param deskOrgId             Desk {@code orgId} header value
 * @param projectsPortalId      Projects portal id
 * @param projectsProjectId     default Projects project id
 * @param creatorOwner          Creator account owner name
 * @param creatorApp            Creator app link name
 * @param baseUrl               override of every host (sandbox)
 * @param accountsUrl           override of the accounts server
 * @param crmUrl                override of the CRM host (else token {@code api_domain}, else DC)
 * @param booksUrl              override of the Books host (else token {@code api_domain}, else DC)
 * @param deskUrl               override of the Desk host (else DC)
 * @param projectsUrl           override of the Projects host (else DC)
 * @param creatorUrl            override of the Creator host (else token {@code api_domain}, else DC)
 * @param crmDailyCredits       CRM credits per rolling 24 h for this org's edition
 * @param crmConcurrency        CRM concurrent calls for this org's edition
 * @param booksDailyCap         Books calls per day for this org's plan
 * @param deskDailyCredits      Desk credits per day for this org's edition
 * @param deskConcurrency       Desk concurrent calls for this org's edition
 */
@EachProperty("zsync.zoho.orgs")
public record ZohoOrgProperties(
        @Parameter String name,
        @Bindable(defaultValue = "US") DataCentre dataCentre,
        @Nullable String clientId,
        @Nullable String clientSecret,
        @Nullable String refreshToken,
        @Nullable String crmOrgId,
        @Nullable String booksOrganizationId,
        @Nullable String deskOrgId,
        @Nullable String projectsPortalId,
        @Nullable String projectsProjectId,
        @Nullable String creatorOwner,
        @Nullable String creatorApp,
        @Nullable String baseUrl,
        @Nullable String accountsUrl,
        @Nullable String crmUrl,
        @Nullable String booksUrl,
        @Nullable String deskUrl,
        @Nullable String projectsUrl,
        @Nullable String creatorUrl,
        @Nullable Integer crmDailyCredits,
        @Nullable Integer crmConcurrency,
        @Nullable Integer booksDailyCap,
        @Nullable Integer deskDailyCredits,
        @Nullable Integer deskConcurrency) {

    /** Builder-free factory for code and tests: an org in a DC with credentials and nothing else. */
    public static ZohoOrgProperties of(String name, DataCentre dc, String clientId, String clientSecret,
                                       String refreshToken) {
        return new ZohoOrgProperties(name, dc, clientId, clientSecret, refreshToken, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Copy with every host pointed at one origin (the sandbox). */
    public ZohoOrgProperties withBaseUrl(String url) {
        return new ZohoOrgProperties(name, dataCentre, clientId, clientSecret, refreshToken, crmOrgId,
                booksOrganizationId, deskOrgId, projectsPortalId, projectsProjectId, creatorOwner, creatorApp, url,
                accountsUrl, crmUrl, booksUrl, deskUrl, projectsUrl, creatorUrl, crmDailyCredits, crmConcurrency,
                booksDailyCap, deskDailyCredits, deskConcurrency);
    }

    /** Copy with product ids set. */
    public ZohoOrgProperties withIds(String booksOrganizationId, String deskOrgId, String projectsPortalId,
                                     String projectsProjectId, String creatorOwner, String creatorApp) {
        return new ZohoOrgProperties(name, dataCentre, clientId, clientSecret, refreshToken, crmOrgId,
                booksOrganizationId, deskOrgId, projectsPortalId, projectsProjectId, creatorOwner, creatorApp, baseUrl,
                accountsUrl, crmUrl, booksUrl, deskUrl, projectsUrl, creatorUrl, crmDailyCredits, crmConcurrency,
                booksDailyCap, deskDailyCredits, deskConcurrency);
    }

    /** Secrets are never printed: configuration dumps and exceptions must not leak them. */
    @Override
    public String toString() {
        return "ZohoOrgProperties[name=" + name + ", dataCentre=" + dataCentre
                + ", clientId=" + redact(clientId) + ", clientSecret=" + redact(clientSecret)
                + ", refreshToken=" + redact(refreshToken) + ", booksOrganizationId=" + booksOrganizationId
                + ", deskOrgId=" + deskOrgId + ", projectsPortalId=" + projectsPortalId
                + ", creatorOwner=" + creatorOwner + ", creatorApp=" + creatorApp + ", baseUrl=" + baseUrl + "]";
    }

    static String redact(String secret) {
        return secret == null || secret.isEmpty() ? "<unset>" : "<redacted>";
    }
}
