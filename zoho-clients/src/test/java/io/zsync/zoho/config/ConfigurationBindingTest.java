package io.zsync.zoho.config;

import io.micronaut.context.ApplicationContext;
import io.zsync.zoho.ZohoProduct;
import io.zsync.zoho.budget.BudgetRegistry;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The documented configuration keys bind as docs/zoho-clients.md shows them. */
class ConfigurationBindingTest {

    @Test
    void shouldBindOrgsHubSpotAccountsAndBudgetsFromProperties() {
        Map<String, Object> p = Map.ofEntries(
                Map.entry("zsync.zoho.token-refresh-margin", "PT3M"),
                Map.entry("zsync.zoho.orgs.acme.data-centre", "CA"),
                Map.entry("zsync.zoho.orgs.acme.client-id", "1000.ID"),
                Map.entry("zsync.zoho.orgs.acme.client-secret", "secret-value"),
                Map.entry("zsync.zoho.orgs.acme.refresh-token", "1000.refresh"),
                Map.entry("zsync.zoho.orgs.acme.books-organization-id", "10234695"),
                Map.entry("zsync.zoho.orgs.acme.desk-url", "https://desk.example"),
                Map.entry("zsync.zoho.orgs.acme.books-daily-cap", "5000"),
                Map.entry("zsync.zoho.budgets.creator.limit-for-period", "20"),
                Map.entry("zsync.hubspot.accounts.main.access-token", "pat-secret"),
                Map.entry("zsync.hubspot.accounts.main.requests-per-ten-seconds", "100"));
        try (ApplicationContext ctx = ApplicationContext.run(p)) {
            ZohoOrgRegistry orgs = ctx.getBean(ZohoOrgRegistry.class);
            ZohoOrg acme = orgs.org("acme");
            BudgetRegistry budgets = ctx.getBean(BudgetRegistry.class);

            assertThat(acme.dataCentre()).isEqualTo(DataCentre.CA);
            assertThat(acme.accountsBase()).isEqualTo(URI.create("https://accounts.zohocloud.ca"));
            assertThat(acme.base(ZohoProduct.DESK, null)).isEqualTo(URI.create("https://desk.example"));
            assertThat(acme.properties().booksOrganizationId()).isEqualTo("10234695");
            assertThat(acme.toString()).doesNotContain("secret-value", "1000.refresh");
            assertThat(ctx.getBean(ZohoClientProperties.class).tokenRefreshMargin()).isEqualTo(Duration.ofMinutes(3));
            assertThat(budgets.limits("acme", ZohoProduct.BOOKS).dailyCap()).isEqualTo(5000);
            assertThat(budgets.limits("acme", ZohoProduct.CREATOR).limitForPeriod()).isEqualTo(20);
            assertThat(budgets.limits("main", ZohoProduct.HUBSPOT).limitForPeriod()).isEqualTo(100);
            assertThat(orgs.hubspot("main").toString()).doesNotContain("pat-secret");
        }
    }
}
