package io.zsync.sandbox.core;

import jakarta.inject.Singleton;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts API calls per product and per "METHOD path-template", plus 429 answers and injected faults, so
 * benchmarks can report API calls per synced record. Admin paths are never counted. {@code rateLimited} counts
 * every 429 answered, {@code throttled} only those of the product's own limits (not injected), so a storm of
 * injected 429s still shows whether a client went over the real limits.
 */
@Singleton
public class CallCounters {

    private static final class Counters {
        final AtomicLong calls = new AtomicLong();
        final AtomicLong rateLimited = new AtomicLong();
        final AtomicLong throttled = new AtomicLong();
        final AtomicLong faults = new AtomicLong();
        final Map<FaultRule.Kind, AtomicLong> faultsByKind = new ConcurrentHashMap<>();
        final Map<String, AtomicLong> endpoints = new ConcurrentHashMap<>();
        final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    }

    private final Map<Product, Counters> byProduct = new ConcurrentHashMap<>();

    public void recordCall(Product product, String endpoint) {
        Counters counters = counters(product);
        counters.calls.incrementAndGet();
        counters.endpoints.computeIfAbsent(endpoint, k -> new AtomicLong()).incrementAndGet();
    }

    public void recordFault(Product product, FaultRule.Kind kind) {
        Counters counters = counters(product);
        counters.faults.incrementAndGet();
        counters.faultsByKind.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }

    /** An answer's status; {@code injected} when a fault rule made it (a 429 then is not the product's own limit). */
    public void recordStatus(Product product, int status, boolean injected) {
        Counters counters = counters(product);
        counters.statuses.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
        if (status == 429) {
            counters.rateLimited.incrementAndGet();
            if (!injected) {
                counters.throttled.incrementAndGet();
            }
        }
    }

    public long calls(Product product) {
        return counters(product).calls.get();
    }

    /**
     * {"total":{calls,rateLimited,throttled,faultsInjected},"products":{"crm":{calls,rateLimited,throttled,
     * faultsInjected,faultsByKind,statuses,endpoints}}}.
     */
    public Map<String, Object> snapshot() {
        long calls = 0;
        long limited = 0;
        long throttled = 0;
        long faults = 0;
        Map<String, Object> products = new TreeMap<>();
        for (Product product : Product.values()) {
            Counters c = byProduct.get(product);
            if (c == null) {
                continue;
            }
            calls += c.calls.get();
            limited += c.rateLimited.get();
            throttled += c.throttled.get();
            faults += c.faults.get();
            Map<String, Long> endpoints = new TreeMap<>();
            c.endpoints.forEach((k, v) -> endpoints.put(k, v.get()));
            Map<String, Long> statuses = new TreeMap<>();
            c.statuses.forEach((k, v) -> statuses.put(String.valueOf(k), v.get()));
            Map<String, Long> byKind = new TreeMap<>();
            c.faultsByKind.forEach((k, v) -> byKind.put(k.name(), v.get()));
            products.put(product.key(), Json.obj("calls", c.calls.get(), "rateLimited", c.rateLimited.get(),
                    "throttled", c.throttled.get(), "faultsInjected", c.faults.get(), "faultsByKind", byKind,
                    "statuses", statuses, "endpoints", endpoints));
        }
        return Json.obj("total", Json.obj("calls", calls, "rateLimited", limited, "throttled", throttled,
                "faultsInjected", faults), "products", products);
    }

    public void reset() {
        byProduct.clear();
    }

    private Counters counters(Product product) {
        return byProduct.computeIfAbsent(product, k -> new Counters());
    }
}
