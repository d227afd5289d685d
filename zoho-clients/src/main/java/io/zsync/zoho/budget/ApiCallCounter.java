package io.zsync.zoho.budget;

import io.zsync.zoho.ZohoProduct;
import jakarta.inject.Singleton;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts API calls, in total per org and product and per unit of work: a caller opens a {@link Scope} around
 * the processing of one synced record, and every call made on that thread while it is open (retries and
 * token-driven repeats included) is counted in it, so the runtime can report API calls per synced record.
 *
 * <pre>{@code
 * try (ApiCallCounter.Scope scope = counter.open()) {
 *     flow.process(event);
 *     completion.setApiCalls(scope.count());
 * }
 * }</pre>
 *
 * <p>Scopes nest (an inner scope's calls also count in the outer one) and are per thread, because the
 * facades are blocking and run the call on the caller's thread.
 */
@Singleton
public class ApiCallCounter {
    private final ThreadLocal<Deque<Scope>> scopes = ThreadLocal.withInitial(ArrayDeque::new);
    private final Map<String, AtomicLong> totals = new ConcurrentHashMap<>();

    /** Opens a scope on the current thread; close it on the same thread. */
    public Scope open() {
        Scope s = new Scope(this);
        scopes.get().push(s);
        return s;
    }

    /** Records one call sent to the API; called by the clients, not by services. */
    public void record(String org, ZohoProduct product) {
        totals.computeIfAbsent(org + "/" + product.key(), k -> new AtomicLong()).incrementAndGet();
        for (Scope s : scopes.get()) {
            s.add(product);
        }
    }

    /** Calls sent for an org and product since start. */
    public long total(String org, ZohoProduct product) {
        AtomicLong n = totals.get(org + "/" + product.key());
        return n == null ? 0 : n.get();
    }

    private void close(Scope s) {
        Deque<Scope> d = scopes.get();
        d.remove(s);
        if (d.isEmpty()) {
            scopes.remove();
        }
    }

    /** Calls counted between {@link #open()} and {@link #close()}. */
    public static final class Scope implements AutoCloseable {
        private final ApiCallCounter owner;
        private final Map<ZohoProduct, Long> byProduct = new EnumMap<>(ZohoProduct.class);
        private long count;

        private Scope(ApiCallCounter owner) {
            this.owner = owner;
        }

        private void add(ZohoProduct product) {
            count++;
            byProduct.merge(product, 1L, Long::sum);
        }

        /** All calls counted so far. */
        public long count() {
            return count;
        }

        /** Calls to one product counted so far. */
        public long count(ZohoProduct product) {
            return byProduct.getOrDefault(product, 0L);
        }

        /** Counts per product. */
        public Map<ZohoProduct, Long> byProduct() {
            return Map.copyOf(byProduct);
        }

        @Override
        public void close() {
            owner.close(this);
        }
    }
}
