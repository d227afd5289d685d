package io.zsync.zoho.budget;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.micronaut.core.annotation.Nullable;
import io.zsync.zoho.ZohoProduct;
import io.zsync.zoho.config.HubSpotAccountProperties;
import io.zsync.zoho.config.ZohoClientProperties;
import io.zsync.zoho.config.ZohoOrgProperties;
import io.zsync.zoho.config.ZohoOrgRegistry;
import io.zsync.zoho.error.ZohoErrorMapper;
import io.zsync.zoho.error.ZohoRateLimitException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Budgets per org and product, set to the documented limits so the clients pace themselves before the API
 * answers 429: a call waits at most {@code zsync.zoho.budget-max-wait} for its permits and otherwise fails
 * with a retryable {@link ZohoRateLimitException} without reaching the API.
 *
 * <p>Defaults (zoho-api.md): CRM 50,000 credits per 24 h and 5 concurrent calls (§3.13 advises at most 5 per
 * app; heavy calls also share a sub-concurrency of 10); Books 100 requests per minute and 1,000 per day (the
 * lowest plan, §5.5) with 5 concurrent; Desk 5,000 credits per day and 5 concurrent (§6.5, Free edition);
 * Projects 100 per 2 minutes (§7.1); Creator 100 per minute ({@code [U]}); HubSpot 190 per 10 s and 4 searches
 * per second (§9.1). Editions raise them per org ({@code crm-daily-credits}, {@code books-daily-cap}, ...) or
 * per product ({@code zsync.zoho.budgets.<product>.*}). The 24-hour windows are fixed windows starting when
 * the budget is first used, a conservative stand-in for Zoho's rolling window. Budgets are per process, while
 * most limits are per org: where several services (or instances) call one product of one org, give each a
 * {@code zsync.zoho.budgets.<product>.share} so that the shares add up to at most 1.
 */
@Singleton
public class BudgetRegistry {
    private final ZohoOrgRegistry orgs;
    private final Map<String, BudgetProperties> overrides = new LinkedHashMap<>();
    private final ZohoClientProperties props;
    private final ZohoMetrics metrics;
    private final Map<String, ProductBudget> budgets = new ConcurrentHashMap<>();

    @Inject
    public BudgetRegistry(ZohoOrgRegistry orgs, List<BudgetProperties> overrides, ZohoClientProperties props,
                          ZohoMetrics metrics) {
        this.orgs = orgs;
        overrides.forEach(o -> this.overrides.put(o.name().toLowerCase(java.util.Locale.ROOT), o));
        this.props = props;
        this.metrics = metrics;
    }

    /**
     * Takes the permits for one call, waiting at most the configured bound.
     *
     * @throws ZohoRateLimitException (retryable, with the expected wait) when the budget is exhausted
     */
    public Permit acquire(String org, ZohoProduct product, CallCost cost) {
        ProductBudget b = budgets.computeIfAbsent(org + "/" + product.key(), k -> create(org, product));
        return b.acquire(cost, props.budgetMaxWait());
    }

    /** Permits left now in each window of an org's product budget (window name to permits). */
    public Map<String, Long> remaining(String org, ZohoProduct product) {
        ProductBudget b = budgets.computeIfAbsent(org + "/" + product.key(), k -> create(org, product));
        return b.remaining();
    }

    /** The limits in force for an org and product. */
    public Limits limits(String org, ZohoProduct product) {
        Limits l = defaults(product);
        if (product == ZohoProduct.HUBSPOT) {
            HubSpotAccountProperties h = orgs.hubspot(org);
            l = new Limits(h.requestsPerTenSeconds(), Duration.ofSeconds(10), h.dailyCap(), 0, 0, h.searchPerSecond());
        }
        BudgetProperties o = overrides.get(product.key());
        if (o != null) {
            if (Boolean.FALSE.equals(o.enabled())) {
                return Limits.NONE;
            }
            l = new Limits(o.limitForPeriod() != null ? o.limitForPeriod() : l.limitForPeriod(),
                    o.period() != null ? o.period() : l.period(),
                    o.dailyCap() != null ? o.dailyCap() : l.dailyCap(),
                    o.concurrency() != null ? o.concurrency() : l.concurrency(), l.heavyConcurrency(),
                    l.searchPerSecond());
        }
        if (product != ZohoProduct.HUBSPOT && orgs.isZohoOrg(org)) {
            ZohoOrgProperties p = orgs.org(org).properties();
            switch (product) {
                case CRM -> l = l.with(p.crmDailyCredits(), p.crmConcurrency());
                case BOOKS -> l = l.with(p.booksDailyCap(), null);
                case DESK -> l = l.with(p.deskDailyCredits(), p.deskConcurrency());
                default -> { }
            }
        }
        if (o != null && o.share() != null && o.share() < 1) {
            l = l.shared(o.share());
        }
        return l;
    }

    static Limits defaults(ZohoProduct product) {
        return switch (product) {
            case CRM -> new Limits(0, Duration.ofMinutes(1), 50_000, 5, 10, 0);
            case BOOKS -> new Limits(100, Duration.ofMinutes(1), 1_000, 5, 0, 0);
            case DESK -> new Limits(0, Duration.ofMinutes(1), 5_000, 5, 0, 0);
            case PROJECTS -> new Limits(100, Duration.ofMinutes(2), 0, 0, 0, 0);
            case CREATOR -> new Limits(100, Duration.ofMinutes(1), 0, 0, 0, 0);
            case HUBSPOT -> new Limits(190, Duration.ofSeconds(10), 0, 0, 0, 4);
            case ACCOUNTS -> Limits.NONE;
        };
    }

    private ProductBudget create(String org, ZohoProduct product) {
        Limits l = limits(org, product);
        Map<String, RateLimiter> windows = new LinkedHashMap<>();
        if (l.limitForPeriod() > 0) {
            windows.put("period", limiter(org, product, "period", l.limitForPeriod(), l.period()));
        }
        if (l.dailyCap() > 0) {
            windows.put("day", limiter(org, product, "day", l.dailyCap(), Duration.ofDays(1)));
        }
        RateLimiter search = l.searchPerSecond() > 0
                ? limiter(org, product, "search", l.searchPerSecond(), Duration.ofSeconds(1)) : null;
        Semaphore concurrency = l.concurrency() > 0 ? new Semaphore(l.concurrency(), true) : null;
        Semaphore heavy = l.heavyConcurrency() > 0 ? new Semaphore(l.heavyConcurrency(), true) : null;
        ProductBudget b = new ProductBudget(org, product, windows, search, concurrency, heavy);
        windows.forEach((name, rl) -> metrics.budgetGauge(org, product, name,
                () -> Math.max(0, rl.getMetrics().getAvailablePermissions())));
        if (search != null) {
            metrics.budgetGauge(org, product, "search", () -> Math.max(0, search.getMetrics().getAvailablePermissions()));
        }
        if (concurrency != null) {
            metrics.budgetGauge(org, product, "concurrency", concurrency::availablePermits);
        }
        return b;
    }

    private RateLimiter limiter(String org, ZohoProduct product, String window, int limit, Duration period) {
        Duration maxWait = props.budgetMaxWait();
        RateLimiterConfig cfg = RateLimiterConfig.custom()
                .limitForPeriod(limit)
                .limitRefreshPeriod(period)
                .timeoutDuration(maxWait)
                .build();
        return RateLimiter.of(org + "-" + product.key() + "-" + window, cfg);
    }

    /**
     * A product's limits.
     *
     * @param limitForPeriod   requests per {@code period}, 0 for none
     * @param period           rate window
     * @param dailyCap         credits/calls per day, 0 for none
     * @param concurrency      concurrent calls, 0 for unbounded
     * @param heavyConcurrency concurrent heavy calls (CRM), 0 for unbounded
     * @param searchPerSecond  searches per second (HubSpot), 0 for none
     */
    public record Limits(int limitForPeriod, Duration period, int dailyCap, int concurrency, int heavyConcurrency,
                         int searchPerSecond) {
        static final Limits NONE = new Limits(0, Duration.ofMinutes(1), 0, 0, 0, 0);

        Limits with(@Nullable Integer daily, @Nullable Integer conc) {
            return new Limits(limitForPeriod, period, daily != null ? daily : dailyCap,
                    conc != null ? conc : concurrency, heavyConcurrency, searchPerSecond);
        }

        /**
         * The part {@code share} (above 0, below 1) of these limits, for one of several processes that call one org's
         * product: every cap is scaled down (at least 1 is kept), and the rate window becomes even pacing, one call
         * per {@code period / (limitForPeriod * share)}. A fixed window of the scaled size could spend twice its
         * share within one of the API's rolling windows (the end of one window and the start of the next), and
         * the shares of the processes would then add up to more than the org's limit.
         */
        Limits shared(double share) {
            int limit = limitForPeriod;
            Duration every = period;
            if (limitForPeriod > 0) {
                limit = 1;
                every = Duration.ofNanos((long) Math.ceil(period.toNanos() / (limitForPeriod * share)));
            }
            return new Limits(limit, every, scaled(dailyCap, share), scaled(concurrency, share),
                    scaled(heavyConcurrency, share), scaled(searchPerSecond, share));
        }

        /**
         * The most calls the rate window lets through within any stretch of time {@code span} long: its windows
         * are fixed cycles, so a stretch that starts just before a cycle ends sees that cycle's permits and those
         * of every cycle it reaches. 0 when there is no rate window.
         */
        public long maxCallsWithin(Duration span) {
            if (limitForPeriod <= 0) {
                return 0;
            }
            long cycles = span.toNanos() / period.toNanos() + (span.toNanos() % period.toNanos() == 0 ? 0 : 1);
            return (cycles + 1) * limitForPeriod;
        }

        private static int scaled(int cap, double share) {
            return cap == 0 ? 0 : Math.max(1, (int) Math.floor(cap * share));
        }
    }

    /** Permits held for one call; closing releases the concurrency slots (rate permits are spent). */
    public static final class Permit implements AutoCloseable {
        private final List<Semaphore> held;

        private Permit(List<Semaphore> held) {
            this.held = held;
        }

        @Override
        public void close() {
            held.forEach(Semaphore::release);
        }
    }

    private static final class ProductBudget {
        private final String org;
        private final ZohoProduct product;
        private final Map<String, RateLimiter> windows;
        private final RateLimiter search;
        private final Semaphore concurrency;
        private final Semaphore heavy;

        ProductBudget(String org, ZohoProduct product, Map<String, RateLimiter> windows, RateLimiter search,
                      Semaphore concurrency, Semaphore heavy) {
            this.org = org;
            this.product = product;
            this.windows = windows;
            this.search = search;
            this.concurrency = concurrency;
            this.heavy = heavy;
        }

        Permit acquire(CallCost cost, Duration maxWait) {
            long deadline = System.nanoTime() + maxWait.toNanos();
            for (Map.Entry<String, RateLimiter> w : windows.entrySet()) {
                take(w.getKey(), w.getValue(), cost.weight());
            }
            if (cost.search() && search != null) {
                take("search", search, 1);
            }
            List<Semaphore> held = new ArrayList<>(2);
            try {
                if (concurrency != null) {
                    hold("concurrency", concurrency, deadline, held);
                }
                if (cost.heavy() && heavy != null) {
                    hold("heavy-concurrency", heavy, deadline, held);
                }
            } catch (RuntimeException e) {
                held.forEach(Semaphore::release);
                throw e;
            }
            return new Permit(held);
        }

        private void take(String window, RateLimiter limiter, int permits) {
            // The limiter's own timeout is the configured bound: acquirePermission parks at most that long and
            // refuses, without consuming, when the permits would come later.
            if (!limiter.acquirePermission(permits)) {
                throw ZohoErrorMapper.budgetExhausted(product, org, window, waitHint(limiter));
            }
        }

        private void hold(String name, Semaphore s, long deadline, List<Semaphore> held) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                if (!s.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                    throw ZohoErrorMapper.budgetExhausted(product, org, name, Duration.ofSeconds(1));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ZohoErrorMapper.budgetExhausted(product, org, name, Duration.ofSeconds(1));
            }
            held.add(s);
        }

        private static Duration waitHint(RateLimiter limiter) {
            if (limiter instanceof AtomicRateLimiter atomic) {
                long n = atomic.getDetailedMetrics().getNanosToWait();
                if (n > 0) {
                    return Duration.ofNanos(n);
                }
            }
            return limiter.getRateLimiterConfig().getLimitRefreshPeriod();
        }

        Map<String, Long> remaining() {
            Map<String, Long> m = new LinkedHashMap<>();
            windows.forEach((k, v) -> m.put(k, (long) Math.max(0, v.getMetrics().getAvailablePermissions())));
            if (search != null) {
                m.put("search", (long) Math.max(0, search.getMetrics().getAvailablePermissions()));
            }
            if (concurrency != null) {
                m.put("concurrency", (long) concurrency.availablePermits());
            }
            return m;
        }
    }
}
