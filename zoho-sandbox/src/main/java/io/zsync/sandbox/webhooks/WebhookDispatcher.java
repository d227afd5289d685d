package io.zsync.sandbox.webhooks;

import io.zsync.sandbox.core.Json;
import io.zsync.sandbox.core.Product;
import io.zsync.sandbox.core.SandboxClock;
import io.zsync.sandbox.core.Times;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * Posts webhooks asynchronously, after the API call that caused them has answered, as the real products
 * do. Deliveries to one URL stay in order; different URLs proceed in parallel. Each delivery is recorded
 * (status, error, duration) and the next N of a product can be dropped to test lost-webhook repair.
 */
@Singleton
public class WebhookDispatcher implements io.zsync.sandbox.core.Resettable {

    /** One HTTP POST: the body is sent byte for byte, so signatures computed over it stay valid. */
    public record Outbound(String url, Map<String, String> headers, byte[] body) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhooksConfig config;
    private final SandboxClock clock;
    // HTTP/1.1: the JDK's default h2c upgrade headers on plain http would surprise some receivers.
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final AtomicInteger threadCount = new AtomicInteger();
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "sandbox-webhooks-" + threadCount.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();
    private final Map<Product, AtomicInteger> drops = new EnumMap<>(Product.class);
    /** Drops of the next deliveries of a product whose body contains a text (one record's notification). */
    private final List<TargetedDrop> targetedDrops = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Deque<Map<String, Object>> history = new ArrayDeque<>();
    private final AtomicLong deliveryIds = new AtomicLong();

    public WebhookDispatcher(WebhooksConfig config, SandboxClock clock) {
        this.config = config;
        this.clock = clock;
        for (Product product : Product.values()) {
            drops.put(product, new AtomicInteger());
        }
    }

    /**
     * Queues a delivery. {@code build} makes the request for an attempt number (0 first), so bodies that
     * carry the attempt (HubSpot) are re-signed; {@code onStatus} hears each answer's status (Desk
     * unsubscribes on 410).
     */
    public void send(Product product, String event, IntFunction<Outbound> build, Duration timeout, IntConsumer onStatus) {
        long id = deliveryIds.incrementAndGet();
        Outbound first = build.apply(0);
        String url = first.url();
        if (takeDrop(product, first.body())) {
            record(id, product, event, url, 0, "DROPPED", null, null, 0);
            return;
        }
        enqueue(url, () -> attempt(id, product, event, build, timeout, onStatus, 0));
    }

    public int drop(Product product, int count) {
        return drops.get(product).addAndGet(Math.max(0, count));
    }

    /**
     * Drops the next {@code count} deliveries of {@code product} whose body contains {@code containing} (a record
     * id, say), whatever else is delivered meanwhile; returns the product's pending drops.
     */
    public int drop(Product product, int count, String containing) {
        targetedDrops.add(new TargetedDrop(product, containing, new AtomicInteger(Math.max(0, count))));
        return pendingDrops().getOrDefault(product.key(), 0);
    }

    private boolean takeDrop(Product product, byte[] body) {
        if (!targetedDrops.isEmpty()) {
            String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
            for (TargetedDrop drop : targetedDrops) {
                if (drop.product() == product && text.contains(drop.containing())
                        && drop.remaining().getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                    targetedDrops.removeIf(d -> d.remaining().get() == 0);
                    return true;
                }
            }
        }
        return drops.get(product).getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    private record TargetedDrop(Product product, String containing, AtomicInteger remaining) {
    }

    public Map<String, Integer> pendingDrops() {
        Map<String, Integer> pending = new java.util.TreeMap<>();
        drops.forEach((product, count) -> {
            if (count.get() > 0) {
                pending.put(product.key(), count.get());
            }
        });
        targetedDrops.forEach(drop -> {
            if (drop.remaining().get() > 0) {
                pending.merge(drop.product().key(), drop.remaining().get(), Integer::sum);
            }
        });
        return pending;
    }

    /** Newest first, optionally for one product. */
    public List<Map<String, Object>> deliveries(Product product, int limit) {
        List<Map<String, Object>> out = new ArrayList<>();
        synchronized (history) {
            for (var it = history.descendingIterator(); it.hasNext() && out.size() < limit; ) {
                Map<String, Object> entry = it.next();
                if (product == null || product.key().equals(entry.get("product"))) {
                    out.add(entry);
                }
            }
        }
        return out;
    }

    @Override
    public void reset(boolean all) {
        drops.values().forEach(count -> count.set(0));
        targetedDrops.clear();
        synchronized (history) {
            history.clear();
        }
    }

    public int maxAttempts(Product product) {
        return switch (product) {
            case CRM -> config.crmMaxAttempts();
            case DESK -> config.deskMaxAttempts();
            case HUBSPOT -> config.hubspotMaxAttempts();
            case CREATOR -> config.creatorMaxAttempts();
            default -> 1;
        };
    }

    public Duration defaultTimeout() {
        return Duration.ofMillis(config.timeoutMs());
    }

    private void enqueue(String url, Runnable task) {
        tails.compute(url, (key, tail) -> (tail == null ? CompletableFuture.<Void>completedFuture(null) : tail)
                .thenRunAsync(task, executor)
                .exceptionally(failure -> {
                    LOG.warn("webhook task for {} failed", key, failure);
                    return null;
                }));
    }

    private void attempt(long id, Product product, String event, IntFunction<Outbound> build, Duration timeout,
                         IntConsumer onStatus, int attempt) {
        Outbound outbound = build.apply(attempt);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(outbound.url()))
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(outbound.body()));
        outbound.headers().forEach(request::header);
        long started = System.nanoTime();
        Integer status = null;
        String error = null;
        try {
            status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (HttpTimeoutException e) {
            error = "timeout after " + timeout.toMillis() + " ms";
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        boolean delivered = status != null && status >= 200 && status < 300;
        record(id, product, event, outbound.url(), attempt, delivered ? "DELIVERED" : "FAILED", status, error, tookMs);
        if (status != null) {
            onStatus.accept(status);
        }
        if (!delivered && status != null && status == 410) {
            return;
        }
        if (!delivered && attempt + 1 < maxAttempts(product)) {
            long delay = config.retryDelayMs() << Math.min(attempt, 16);
            executor.schedule(() -> enqueue(outbound.url(),
                    () -> attempt(id, product, event, build, timeout, onStatus, attempt + 1)), delay, TimeUnit.MILLISECONDS);
        }
    }

    private void record(long id, Product product, String event, String url, int attempt, String outcome, Integer status,
                        String error, long tookMs) {
        Map<String, Object> entry = Json.obj("id", id, "product", product.key(), "event", event, "url", url,
                "attempt", attempt, "outcome", outcome, "status", status, "error", error,
                "at", Times.utcMillis(clock.now()), "durationMs", tookMs);
        synchronized (history) {
            history.addLast(entry);
            while (history.size() > config.historySize()) {
                history.removeFirst();
            }
        }
    }

    @PreDestroy
    void shutdown() {
        executor.shutdownNow();
    }
}
