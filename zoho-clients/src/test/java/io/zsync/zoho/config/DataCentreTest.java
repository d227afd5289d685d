package io.zsync.zoho.config;

import io.zsync.zoho.ZohoProduct;
import io.zsync.zoho.http.ClientIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataCentreTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // DC, accounts, API domain, Desk host: zoho-api.md §1.1
            "US, https://accounts.zoho.com,    https://www.zohoapis.com,    https://desk.zoho.com",
            "EU, https://accounts.zoho.eu,     https://www.zohoapis.eu,     https://desk.zoho.eu",
            "IN, https://accounts.zoho.in,     https://www.zohoapis.in,     https://desk.zoho.in",
            "AU, https://accounts.zoho.com.au, https://www.zohoapis.com.au, https://desk.zoho.com.au",
            "JP, https://accounts.zoho.jp,     https://www.zohoapis.jp,     https://desk.zoho.jp",
            "CA, https://accounts.zohocloud.ca, https://www.zohoapis.ca,    https://desk.zohocloud.ca", // zohocloud.ca, not zoho.ca
            "SA, https://accounts.zoho.sa,     https://www.zohoapis.sa,     https://desk.zoho.sa",
            "CN, https://accounts.zoho.com.cn, https://www.zohoapis.com.cn, https://desk.zoho.com.cn",
            "UK, https://accounts.zoho.uk,     https://www.zohoapis.uk,     https://desk.zoho.uk" // [U]: overridable
    })
    void shouldBuildEveryHostOfTheDataCentreTable(DataCentre dc, String accounts, String api, String desk) {
        ZohoOrg org = new ZohoOrg(ZohoOrgProperties.of("o", dc, "id", "secret", "refresh"));

        assertThat(org.accountsBase()).isEqualTo(URI.create(accounts));
        assertThat(org.base(ZohoProduct.CRM, null)).isEqualTo(URI.create(api));
        assertThat(org.base(ZohoProduct.BOOKS, null)).isEqualTo(URI.create(api));
        assertThat(org.base(ZohoProduct.CREATOR, null)).isEqualTo(URI.create(api));
        assertThat(org.base(ZohoProduct.DESK, null)).isEqualTo(URI.create(desk));
    }

    @Test
    void shouldMoveEveryHostWhenTheOrgSwitchesDataCentre() {
        ZohoOrg us = new ZohoOrg(ZohoOrgProperties.of("o", DataCentre.US, "id", "secret", "refresh"));
        ZohoOrg ca = new ZohoOrg(ZohoOrgProperties.of("o", DataCentre.CA, "id", "secret", "refresh"));

        assertThat(us.accountsBase().getHost()).isEqualTo("accounts.zoho.com");
        assertThat(ca.accountsBase().getHost()).isEqualTo("accounts.zohocloud.ca");
        assertThat(ca.base(ZohoProduct.CRM, null).getHost()).isEqualTo("www.zohoapis.ca");
        assertThat(ca.base(ZohoProduct.DESK, null).getHost()).isEqualTo("desk.zohocloud.ca");
        assertThat(ca.base(ZohoProduct.PROJECTS, null).getHost()).isEqualTo("projectsapi.zohocloud.ca");
    }

    @Test
    void shouldHonourApiDomainForApiProductsButNotForDesk() {
        ZohoOrg org = new ZohoOrg(ZohoOrgProperties.of("o", DataCentre.US, "id", "secret", "refresh"));

        assertThat(org.base(ZohoProduct.CRM, "https://www.zohoapis.eu")).isEqualTo(URI.create("https://www.zohoapis.eu"));
        assertThat(org.base(ZohoProduct.BOOKS, "https://www.zohoapis.eu")).isEqualTo(URI.create("https://www.zohoapis.eu"));
        // Desk is served from desk.zoho.<tld> of the DC, whatever api_domain says (§1.1).
        assertThat(org.base(ZohoProduct.DESK, "https://www.zohoapis.eu")).isEqualTo(URI.create("https://desk.zoho.com"));
    }

    @Test
    void shouldSendEveryProductToTheBaseUrlOverride() {
        ZohoOrg org = new ZohoOrg(ZohoOrgProperties.of("o", DataCentre.EU, "id", "secret", "refresh")
                .withBaseUrl("http://127.0.0.1:8090/"));

        for (ZohoProduct p : ZohoProduct.values()) {
            if (p != ZohoProduct.HUBSPOT) {
                assertThat(org.base(p, "https://www.zohoapis.com")).as(p.name())
                        .isEqualTo(URI.create("http://127.0.0.1:8090"));
            }
        }
    }

    @Test
    void shouldLetAProductOverrideWinOverTheBaseUrl() {
        ZohoOrgProperties p = new ZohoOrgProperties("o", DataCentre.UK, "id", "s", "r", null, null, null, null, null,
                null, null, "http://sandbox:8090", "https://accounts.zoho.uk.example", null, null,
                "https://desk.example.uk", null, null, null, null, null, null, null);
        ZohoOrg org = new ZohoOrg(p);

        assertThat(org.accountsBase()).isEqualTo(URI.create("https://accounts.zoho.uk.example"));
        assertThat(org.base(ZohoProduct.DESK, null)).isEqualTo(URI.create("https://desk.example.uk"));
        assertThat(org.base(ZohoProduct.CRM, null)).isEqualTo(URI.create("http://sandbox:8090"));
    }

    @Test
    void shouldMapOAuthRedirectLocations() {
        assertThat(DataCentre.fromLocation("eu")).contains(DataCentre.EU);
        assertThat(DataCentre.fromLocation("ca")).contains(DataCentre.CA);
        assertThat(DataCentre.fromLocation("xx")).isEmpty();
        assertThat(DataCentre.UK.confirmed()).isFalse();
        assertThat(DataCentre.CA.confirmed()).isTrue();
    }

    @Test
    void shouldRedactSecretsInConfigToString() {
        ZohoOrgProperties p = ZohoOrgProperties.of("o", DataCentre.US, "1000.CLIENT", "s3cr3t", "1000.refresh.tok");

        assertThat(p.toString()).doesNotContain("s3cr3t", "1000.refresh.tok", "1000.CLIENT").contains("<redacted>");
        assertThat(new HubSpotAccountProperties("hs", "pat-na1-xyz", "https://api.hubapi.com", 190, 4, 0).toString())
                .doesNotContain("pat-na1-xyz");
    }

    @Test
    void shouldRefuseAnOrgWithoutCredentials() {
        assertThatThrownBy(() -> new ZohoOrg(ZohoOrgProperties.of("acme", DataCentre.US, "id", null, "r")))
                .hasMessageContaining("zsync.zoho.orgs.acme.client-secret");
    }

    @Test
    void shouldKeepClientIdsInStepWithProducts() {
        assertThat(ClientIds.CRM).isEqualTo(ZohoProduct.CRM.serviceId());
        assertThat(ClientIds.CRM_URL).isEqualTo(ZohoProduct.CRM.placeholderUrl());
        assertThat(ClientIds.BOOKS_URL).isEqualTo(ZohoProduct.BOOKS.placeholderUrl());
        assertThat(ClientIds.DESK_URL).isEqualTo(ZohoProduct.DESK.placeholderUrl());
        assertThat(ClientIds.PROJECTS_URL).isEqualTo(ZohoProduct.PROJECTS.placeholderUrl());
        assertThat(ClientIds.CREATOR_URL).isEqualTo(ZohoProduct.CREATOR.placeholderUrl());
        assertThat(ClientIds.HUBSPOT_URL).isEqualTo(ZohoProduct.HUBSPOT.placeholderUrl());
        assertThat(ClientIds.ACCOUNTS_URL).isEqualTo(ZohoProduct.ACCOUNTS.placeholderUrl());
    }
}
