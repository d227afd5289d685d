package io.zsync.zoho.budget;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.zsync.zoho.ZohoProduct;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.function.Supplier;

/**
 * The one place that names this module's Micrometer meters, so dashboards can rely on them:
 * {@code zsync.zoho.api.calls}, {@code zsync.zoho.budget.remaining}, {@code zsync.zoho.token.refreshes}.
 */
@Singleton
public class ZohoMetrics {
    public static final String API_CALLS = "zsync.zoho.api.calls";
    public static final String BUDGET_REMAINING = "zsync.zoho.budget.remaining";
    public static final String TOKEN_REFRESHES = "zsync.zoho.token.refreshes";

    private final MeterRegistry registry;

    @Inject
    public ZohoMetrics(@Nullable MeterRegistry registry) {
        // Without a registry bean (plain library use) meters still work, just unexported.
        this.registry = registry == null ? new SimpleMeterRegistry() : registry;
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Counts one API call attempt by org, product and outcome ({@code ok}, an error code, ...). */
    public void apiCall(String org, ZohoProduct product, String outcome) {
        Counter.builder(API_CALLS)
                .description("Zoho/HubSpot API calls sent, by org, product and outcome")
                .tag("org", org).tag("product", product.key()).tag("outcome", outcome)
                .register(registry).increment();
    }

    /** Counts one token refresh attempt. */
    public void tokenRefresh(String org, String outcome) {
        Counter.builder(TOKEN_REFRESHES)
                .description("Zoho OAuth refresh-token grants sent, by org and outcome")
                .tag("org", org).tag("outcome", outcome)
                .register(registry).increment();
    }

    /** Registers a gauge of the permits a budget has left in its current window. */
    public void budgetGauge(String org, ZohoProduct product, String window, Supplier<Number> remaining) {
        io.micrometer.core.instrument.Gauge.builder(BUDGET_REMAINING, remaining)
                .description("Permits left in the current budget window, by org, product and window")
                .tag("org", org).tag("product", product.key()).tag("window", window)
                .strongReference(true)
                .register(registry);
    }
}
