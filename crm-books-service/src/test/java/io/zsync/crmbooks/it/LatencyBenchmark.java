package io.zsync.crmbooks.it;

import io.micronaut.context.env.Environment;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.zsync.contract.SyncCompleted;
import io.zsync.contract.SyncStatus;
import io.zsync.crmbooks.flow.ContactToCustomerFlow;
import io.zsync.schemas.Topics;
import io.zsync.stack.Jit;
import io.zsync.stack.SandboxDefaults;
import io.zsync.sync.TopicProbe;
import io.zsync.sync.it.ZohoStack;
import io.zsync.testing.RealKafka;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

/**
 * Webhook → completion latency of {@code crm-contact-to-books-customer} at a steady rate (200 webhooks/s by
 * default): CRM's insert notifications, one contact each, are sent to the real gateway at a fixed rate; each
 * contact then takes the whole path (gateway, broker, service, CRM read, Books create, CRM write-back,
 * transaction). The sandbox has no injected latency and Books' limits are lifted for the run (in the sandbox
 * and in the service's budget), so the figure is the system's own latency, not Books' pacing. A report, not a
 * test: {@code -Pbenchmark -Dit.test=LatencyBenchmark} (docs/benchmarks.md).
 *
 * <p>Figures per contact: webhook sent → outcome decided ({@code finishedAt}), and gateway receipt
 * ({@code eventReceivedAt}) → outcome decided. The completion's transaction commit comes after
 * {@code finishedAt} and is not in the figure.
 *
 * <p>The figures are of a warm system: before the measured run, contacts flow at the same rate for
 * {@code bench.warmup.seconds} (180 by default) and all complete, so that the JIT has compiled the hot paths of
 * every process (on two cores the C2 compiler of the JVM holding the service and the broker is busy for minutes
 * after start). The sandbox and the gateway run with the JVM's full tiered compilation ({@code bench.jit=full},
 * as a production deployment does), not the local stack's C1-only default.
 */
@RealKafka
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LatencyBenchmark implements TestPropertyProvider {

    private static final int RATE = Integer.getInteger("bench.rate", 200);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 30);
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup.seconds", 180);

    static {
        // the sandbox and the gateway processes the harness starts (io.zsync.stack.AppProcess)
        System.setProperty(Jit.PROPERTY, System.getProperty("bench.jit", "full"));
        // Books' limits lifted in the sandbox, which the harness starts on first use (run this benchmark alone)
        System.setProperty(ZohoStack.SANDBOX_PROPERTY + "sandbox.books.requests-per-minute", "10000000");
        System.setProperty(ZohoStack.SANDBOX_PROPERTY + "sandbox.books.requests-per-day", "100000000");
        System.setProperty(ZohoStack.SANDBOX_PROPERTY + "sandbox.crm.credits-per-day", "100000000");
    }

    @Inject
    Environment environment;

    private final Sandbox sandbox = new Sandbox();
    private final TopicProbe<SyncCompleted> completions = new TopicProbe<>(Topics.SYNC_COMPLETIONS);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Webhooks of the warm-up answered other than 200 (a 503 while the stack is still compiling; see run()). */
    private int warmupRefused;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(ServiceProperties.forTest("LatencyBenchmark"));
        // Books' own limits are lifted in the sandbox by the benchmark profile's environment; lift ours too
        p.put("zsync.zoho.budgets.books.limit-for-period", "100000");
        p.put("zsync.zoho.budgets.books.period", "1s");
        p.put("zsync.zoho.orgs.dev.books-daily-cap", "10000000");
        p.put("zsync.sync.listener-threads", System.getProperty("bench.threads", "1"));
        // the service's own defaults (application.yml) unless the run names others
        putIfSet(p, "kafka.consumers.default.fetch.min.bytes", "bench.fetch.min.bytes");
        putIfSet(p, "kafka.consumers.default.fetch.max.wait.ms", "bench.fetch.max.wait.ms");
        return p;
    }

    @AfterAll
    void close() {
        completions.close();
    }

    @Test
    void shouldReportWebhookToCompletionLatency() throws Exception {
        // warm-up at the same rate, not measured
        run(contacts(RATE * WARMUP_SECONDS), false);
        Map<String, Long> sent = run(contacts(RATE * SECONDS), true);

        List<Long> endToEnd = new ArrayList<>();
        List<Long> inPipeline = new ArrayList<>();
        for (SyncCompleted c : succeeded(sent.keySet())) {
            endToEnd.add(c.getFinishedAt().toEpochMilli() - sent.get(c.getSource().getRecordId()));
            inPipeline.add(c.getFinishedAt().toEpochMilli() - c.getEventReceivedAt().toEpochMilli());
        }
        long books429 = sandbox.stack().sandbox("GET", "/_sandbox/calls", null).path("products").path("books").path("rateLimited").asLong();
        if (books429 > 0) {
            throw new AssertionError("Books answered 429 " + books429 + " times: its limits were not lifted (run this benchmark alone)");
        }
        endToEnd.sort(null);
        inPipeline.sort(null);
        String table = String.format(Locale.ROOT, """
                | rate offered | contacts | warm-up (webhooks refused in it) | JIT of sandbox and gateway | listener threads | fetch.min.bytes / fetch.max.wait.ms | webhook sent → outcome p50 / p99 / max | gateway receipt → outcome p50 / p99 |
                |---:|---:|---:|---|---:|---|---|---|
                | %d /s | %d | %d s (%d) | %s | %s | %s / %s | %d / %d / %d ms | %d / %d ms |
                """, RATE, sent.size(), WARMUP_SECONDS, warmupRefused, Jit.current().name().toLowerCase(Locale.ROOT),
                System.getProperty("bench.threads", "1"), fetchSetting("min.bytes"), fetchSetting("max.wait.ms"),
                pct(endToEnd, 50), pct(endToEnd, 99),
                endToEnd.get(endToEnd.size() - 1), pct(inPipeline, 50), pct(inPipeline, 99));
        System.out.println(table);
        Path out = Files.createDirectories(Path.of("target", "benchmark")).resolve("crm-books-latency.md");
        Files.writeString(out, table);
    }

    private static void putIfSet(Map<String, String> properties, String key, String systemProperty) {
        String value = System.getProperty(systemProperty);
        if (value != null) {
            properties.put(key, value);
        }
    }

    /** The listener's fetch setting in force for the run, as the service resolved it. */
    private String fetchSetting(String name) {
        return environment.getProperty("kafka.consumers.default.fetch." + name, String.class).orElse("Kafka's default");
    }

    /** Creates contacts in CRM with their insert notifications dropped, so only the benchmark's webhooks count. */
    private List<String> contacts(int count) {
        String run = UUID.randomUUID().toString().substring(0, 6);
        int calls = (count + 99) / 100;
        sandbox.stack().sandbox("POST", "/_sandbox/webhooks/drop", "{\"product\":\"crm\",\"count\":" + calls + "}");
        List<String> ids = sandbox.crmInsertAll("Contacts", count, i -> new LinkedHashMap<>(Map.of("First_Name", "Latency",
                "Last_Name", run + "-" + i, "Email", "latency." + run + "." + i + "@example.com")));
        await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.stack()
                .sandbox("GET", "/_sandbox/webhooks/deliveries?limit=1", null).path("pendingDrops").path("crm").asInt(0) == 0);
        return ids;
    }

    /**
     * Sends one insert notification per contact at {@link #RATE}/s and waits for the SUCCEEDED completion of every
     * accepted one. In the warm-up a refusal (the gateway's 503 while the machine is still compiling) is reported
     * and its contact not waited for, as its sender would retry; in the measured run any refusal fails the run.
     */
    private Map<String, Long> run(List<String> ids, boolean measured) throws InterruptedException {
        Map<String, Long> sent = new ConcurrentHashMap<>();
        Set<String> refused = ConcurrentHashMap.newKeySet();
        AtomicInteger next = new AtomicInteger();
        CountDownLatch allSent = new CountDownLatch(1);
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = 1_000_000_000L / RATE;
        pacer.scheduleAtFixedRate(() -> {
            int i = next.getAndIncrement();
            if (i >= ids.size()) {
                allSent.countDown();
                return;
            }
            String id = ids.get(i);
            sent.put(id, System.currentTimeMillis());
            http.sendAsync(notification(id), HttpResponse.BodyHandlers.discarding())
                    .thenAccept(r -> {
                        if (r.statusCode() / 100 != 2) {
                            refused.add(id);
                        }
                    });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        allSent.await();
        pacer.shutdownNow();
        await().atMost(Duration.ofSeconds(120 + ids.size() / 10)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    Set<String> accepted = new HashSet<>(sent.keySet());
                    accepted.removeAll(refused);
                    return succeeded(accepted).size() == accepted.size();
                });
        if (measured && !refused.isEmpty()) {
            throw new AssertionError(refused.size() + " webhooks were not accepted; the figures would not be comparable");
        }
        if (!measured) {
            warmupRefused = refused.size();
        }
        return sent;
    }

    private List<SyncCompleted> succeeded(Set<String> ids) {
        Map<String, SyncCompleted> first = new LinkedHashMap<>();
        for (SyncCompleted c : completions.values(c -> c.getFlowId().equals(ContactToCustomerFlow.ID)
                && c.getStatus() == SyncStatus.SUCCEEDED && ids.contains(c.getSource().getRecordId()))) {
            first.putIfAbsent(c.getSource().getRecordId(), c);
        }
        return new ArrayList<>(first.values());
    }

    private HttpRequest notification(String contactId) {
        String body = """
                {"server_time":%d,"query_params":{},"module":"Contacts","resource_uri":"https://www.zohoapis.com/crm/v2/Contacts",
                 "ids":["%s"],"affected_fields":[],"operation":"insert","channel_id":"%s","token":"%s"}"""
                .formatted(System.currentTimeMillis(), contactId, SandboxDefaults.CRM_CHANNEL_ID, SandboxDefaults.CRM_CHANNEL_TOKEN);
        return HttpRequest.newBuilder(URI.create(sandbox.stack().gatewayUrl() + "/webhooks/zoho/crm/"
                        + SandboxDefaults.ORG + "/notifications"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static long pct(List<Long> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
