package io.zsync.zoho.budget;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zsync.zoho.ZohoProduct;
import io.zsync.zoho.config.DataCentre;
import io.zsync.zoho.config.HubSpotAccountProperties;
import io.zsync.zoho.config.ZohoClientProperties;
import io.zsync.zoho.config.ZohoOrgProperties;
import io.zsync.zoho.config.ZohoOrgRegistry;
import io.zsync.zoho.error.ZohoRateLimitException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BudgetRegistryTest {
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ZohoOrgRegistry orgs = new ZohoOrgRegistry(
            List.of(new ZohoOrgProperties("acme", DataCentre.US, "i", "s", "r", null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, 200_000, 3, 2_000, null, null)),
            List.of(new HubSpotAccountProperties("hs", "t", "https://api.hubapi.com", 190, 4, 0)));

    private BudgetRegistry registry(Duration maxWait, BudgetProperties... overrides) {
        return new BudgetRegistry(orgs, List.of(overrides),
                new ZohoClientProperties(Duration.ofMinutes(2), maxWait, Duration.ofSeconds(30), Duration.ofMinutes(10)),
                new ZohoMetrics(meters));
    }

    @Test
    void shouldUseTheDocumentedLimitsWithPerOrgEditionOverrides() {
        BudgetRegistry b = registry(Duration.ZERO);

        assertThat(b.limits("acme", ZohoProduct.BOOKS).limitForPeriod()).isEqualTo(100);
        assertThat(b.limits("acme", ZohoProduct.BOOKS).period()).isEqualTo(Duration.ofMinutes(1));
        assertThat(b.limits("acme", ZohoProduct.BOOKS).dailyCap()).isEqualTo(2_000);
        assertThat(b.limits("acme", ZohoProduct.CRM).dailyCap()).isEqualTo(200_000);
        assertThat(b.limits("acme", ZohoProduct.CRM).concurrency()).isEqualTo(3);
        assertThat(b.limits("acme", ZohoProduct.CRM).heavyConcurrency()).isEqualTo(10);
        assertThat(b.limits("hs", ZohoProduct.HUBSPOT).limitForPeriod()).isEqualTo(190);
        assertThat(b.limits("hs", ZohoProduct.HUBSPOT).period()).isEqualTo(Duration.ofSeconds(10));
        assertThat(b.limits("hs", ZohoProduct.HUBSPOT).searchPerSecond()).isEqualTo(4);
    }

    @Test
    void shouldPaceBooksAtItsPerMinuteLimitBeforeTheApiAnswers429() {
        BudgetRegistry b = registry(Duration.ofMillis(50));

        for (int i = 0; i < 100; i++) {
            b.acquire("acme", ZohoProduct.BOOKS, CallCost.ONE).close();
        }
        assertThatThrownBy(() -> b.acquire("acme", ZohoProduct.BOOKS, CallCost.ONE))
                .isInstanceOfSatisfying(ZohoRateLimitException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.code()).isEqualTo("LOCAL_BUDGET_EXHAUSTED");
                    assertThat(e.httpStatus()).isZero();
                    assertThat(e.retryAfter()).hasValueSatisfying(d ->
                            assertThat(d).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1)));
                });
        assertThat(b.remaining("acme", ZohoProduct.BOOKS)).containsEntry("period", 0L).containsEntry("day", 1_900L);
    }

    @Test
    void shouldWaitForTheNextWindowWhenItIsWithinTheBound() {
        BudgetRegistry b = registry(Duration.ofSeconds(2),
                new BudgetProperties("creator", 2, Duration.ofMillis(300), 0, 0, null, null));
        b.acquire("acme", ZohoProduct.CREATOR, CallCost.ONE).close();
        b.acquire("acme", ZohoProduct.CREATOR, CallCost.ONE).close();

        long start = System.nanoTime();
        b.acquire("acme", ZohoProduct.CREATOR, CallCost.ONE).close(); // paced, not refused

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(50));
    }

    @Test
    void shouldChargeCrmWritesOneCreditPerTenRecords() {
        assertThat(CallCost.crmWrite(1).weight()).isEqualTo(1);
        assertThat(CallCost.crmWrite(10).weight()).isEqualTo(1);
        assertThat(CallCost.crmWrite(11).weight()).isEqualTo(2);
        assertThat(CallCost.crmWrite(100).weight()).isEqualTo(10);
        assertThat(CallCost.crmWrite(100).heavy()).isTrue();

        BudgetRegistry b = registry(Duration.ZERO);
        b.acquire("acme", ZohoProduct.CRM, CallCost.crmWrite(100)).close();
        assertThat(b.remaining("acme", ZohoProduct.CRM)).containsEntry("day", 200_000L - 10);
    }

    @Test
    void shouldBoundConcurrencyAndReleaseOnClose() throws Exception {
        BudgetRegistry b = registry(Duration.ofMillis(100));
        List<BudgetRegistry.Permit> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            held.add(b.acquire("acme", ZohoProduct.CRM, CallCost.ONE));
        }

        assertThatThrownBy(() -> b.acquire("acme", ZohoProduct.CRM, CallCost.ONE))
                .isInstanceOf(ZohoRateLimitException.class);

        CompletableFuture<BudgetRegistry.Permit> waiting = CompletableFuture.supplyAsync(() ->
                registry(Duration.ofSeconds(5)).acquire("acme", ZohoProduct.CRM, CallCost.ONE));
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isNotNull(); // another registry: its own budget
        held.forEach(BudgetRegistry.Permit::close);
        b.acquire("acme", ZohoProduct.CRM, CallCost.ONE).close();
    }

    @Test
    void shouldLimitHubSpotSearchesSeparately() {
        BudgetRegistry b = registry(Duration.ZERO);
        for (int i = 0; i < 4; i++) {
            b.acquire("hs", ZohoProduct.HUBSPOT, CallCost.SEARCH).close();
        }

        assertThatThrownBy(() -> b.acquire("hs", ZohoProduct.HUBSPOT, CallCost.SEARCH))
                .isInstanceOf(ZohoRateLimitException.class);
        b.acquire("hs", ZohoProduct.HUBSPOT, CallCost.ONE).close(); // plain calls still pass
    }

    @Test
    void shouldExposeRemainingBudgetAsGauges() {
        BudgetRegistry b = registry(Duration.ZERO);
        b.acquire("acme", ZohoProduct.BOOKS, CallCost.ONE).close();

        assertThat(meters.get(ZohoMetrics.BUDGET_REMAINING).tags("org", "acme", "product", "books", "window", "period")
                .gauge().value()).isEqualTo(99.0);
    }

    @Test
    void shouldSwitchBudgetsOffPerProduct() {
        BudgetRegistry b = registry(Duration.ZERO, new BudgetProperties("books", null, null, null, null, false, null));

        for (int i = 0; i < 150; i++) {
            b.acquire("acme", ZohoProduct.BOOKS, CallCost.ONE).close();
        }
        assertThat(b.remaining("acme", ZohoProduct.BOOKS)).isEmpty();
    }

    @Test
    void shouldScaleEveryLimitToTheProcessShareAndPaceItEvenly() {
        BudgetRegistry b = registry(Duration.ZERO, new BudgetProperties("books", null, null, null, null, null, 0.3));

        BudgetRegistry.Limits books = b.limits("acme", ZohoProduct.BOOKS);

        // 100 a minute for the org: 30 a minute for this process, one every 2 s rather than 30 at once
        assertThat(books.limitForPeriod()).isEqualTo(1);
        assertThat(books.period()).isEqualTo(Duration.ofSeconds(2));
        assertThat(books.dailyCap()).isEqualTo(600); // the org's 2,000 a day
        assertThat(books.concurrency()).isEqualTo(1); // 5 * 0.3, rounded down, never below one
        assertThat(b.limits("acme", ZohoProduct.CRM).dailyCap()).as("other products keep the whole").isEqualTo(200_000);
        b.acquire("acme", ZohoProduct.BOOKS, CallCost.ONE).close();
        assertThatThrownBy(() -> b.acquire("acme", ZohoProduct.BOOKS, CallCost.ONE))
                .isInstanceOf(ZohoRateLimitException.class);
    }

    @Test
    void shouldKeepTheDefaultStacksTwoBooksCallersUnderTheOrgsLimitInAnyRollingMinute() {
        // crm-books-service (one call per 620 ms, share 0.65) and creator-hub-service (the documented 100 a minute,
        // share 0.3), as their application.yml set them; Books counts 100 per organization in any minute
        BudgetRegistry.Limits crmBooks = registry(Duration.ZERO,
                new BudgetProperties("books", 1, Duration.ofMillis(620), null, null, null, 0.65)).limits("acme", ZohoProduct.BOOKS);
        BudgetRegistry.Limits creatorHub = registry(Duration.ZERO,
                new BudgetProperties("books", null, null, null, null, null, 0.3)).limits("acme", ZohoProduct.BOOKS);
        BudgetRegistry.Limits unshared = registry(Duration.ZERO).limits("acme", ZohoProduct.BOOKS);

        Duration minute = Duration.ofMinutes(1);
        assertThat(crmBooks.maxCallsWithin(minute) + creatorHub.maxCallsWithin(minute)).isLessThanOrEqualTo(100);
        assertThat(crmBooks.maxCallsWithin(minute)).isEqualTo(64); // one per 954 ms
        // what each did before shares: together far above the org's limit, and a fixed window alone can double it
        assertThat(unshared.maxCallsWithin(minute)).isEqualTo(200);
    }

    @Test
    void shouldRefuseAShareOutsideZeroToOne() {
        assertThatThrownBy(() -> new BudgetProperties("books", null, null, null, null, null, 0.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zsync.zoho.budgets.books.share");
        assertThatThrownBy(() -> new BudgetProperties("books", null, null, null, null, null, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
