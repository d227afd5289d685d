package io.zsync.stack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The whole system on one machine: a real Kafka broker (KRaft), Apicurio Registry, an SMTP sink, the Zoho
 * sandbox, the webhook gateway, every sync service and the dashboard, each a separate process on a loopback
 * port, started in dependency order, each awaited until it answers, and the sandbox's webhooks wired to the
 * gateway. Used by {@code ./zsync up} and by the end-to-end tests. Closing it stops everything in reverse order.
 */
public final class Stack implements AutoCloseable {

    /** Every application, in start order (the sandbox before the gateway, the gateway before the services). */
    public static final List<StackApp> APPS = List.of(
            new StackApp("zoho-sandbox", "zoho-sandbox", "io.zsync.sandbox.SandboxApplication", 8090, StackApp.Kind.SANDBOX),
            new StackApp("webhook-gateway", "webhook-gateway", "io.zsync.gateway.GatewayApplication", 8080, StackApp.Kind.KAFKA_AND_ZOHO),
            new StackApp("crm-books-service", "crm-books-service", "io.zsync.crmbooks.CrmBooksApplication", 8101, StackApp.Kind.KAFKA_AND_ZOHO),
            new StackApp("crm-desk-service", "crm-desk-service", "io.zsync.crmdesk.CrmDeskApplication", 8102, StackApp.Kind.KAFKA_AND_ZOHO),
            new StackApp("desk-projects-service", "desk-projects-service", "io.zsync.deskprojects.DeskProjectsApplication", 8103, StackApp.Kind.KAFKA_AND_ZOHO),
            new StackApp("creator-hub-service", "creator-hub-service", "io.zsync.creatorhub.CreatorHubApplication", 8104, StackApp.Kind.KAFKA_ZOHO_AND_MAIL),
            new StackApp("external-sync-service", "external-sync-service", "io.zsync.externalsync.ExternalSyncApplication", 8105, StackApp.Kind.KAFKA_AND_ZOHO),
            new StackApp("ops-dashboard", "ops-dashboard", "io.zsync.dashboard.DashboardApplication", 8070, StackApp.Kind.KAFKA));

    /**
     * Ports of the stack.
     *
     * @param kafka      broker
     * @param controller KRaft controller
     * @param registry   schema registry
     * @param smtp       SMTP sink
     * @param apps       per application name
     */
    public record Ports(int kafka, int controller, int registry, int smtp, Map<String, Integer> apps) {

        public static Ports defaults() {
            Map<String, Integer> apps = new LinkedHashMap<>();
            APPS.forEach(app -> apps.put(app.name(), app.port()));
            return new Ports(9092, 9093, 8081, 3025, apps);
        }

        /** Free ports everywhere, for tests that must not collide with a running stack. */
        public static Ports free() {
            Map<String, Integer> apps = new LinkedHashMap<>();
            APPS.forEach(app -> apps.put(app.name(), io.zsync.stack.Ports.free()));
            return new Ports(io.zsync.stack.Ports.free(), io.zsync.stack.Ports.free(), io.zsync.stack.Ports.free(),
                    io.zsync.stack.Ports.free(), apps);
        }

        public int of(StackApp app) {
            return apps.get(app.name());
        }
    }

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Map<String, AppProcess> apps = new LinkedHashMap<>();
    private KafkaBroker broker;
    private ApicurioRegistry registry;
    private GreenMail mail;

    private Stack() {
    }

    /**
     * Starts everything under {@code home} (logs in {@code home/logs}, broker data in {@code home/kafka}),
     * reporting each step to {@code progress} (component, state). Fails fast, stopping what was started.
     */
    public static Stack start(Path home, Ports ports, BiConsumer<String, String> progress) {
        Stack stack = new Stack();
        try {
            stack.startAll(home, ports, progress);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(Path home, Ports ports, BiConsumer<String, String> progress) {
        checkPortsFree(ports);
        APPS.forEach(app -> AppProcess.classpath(AppProcess.repositoryRoot().resolve(app.module()))); // built?
        Path logs = home.resolve("logs");

        long t = System.nanoTime();
        progress.accept("Kafka broker", "starting");
        broker = KafkaBroker.start(ports.kafka(), ports.controller(), fresh(home.resolve("kafka")), logs.resolve("kafka.log"));
        started.push(broker);
        progress.accept("Kafka broker", "ready at " + broker.bootstrapServers() + since(t));

        t = System.nanoTime();
        progress.accept("schema registry", "starting");
        registry = ApicurioRegistry.start(ports.registry(), logs.resolve("registry.log"));
        started.push(registry);
        progress.accept("schema registry", "ready at " + registry.url() + since(t));

        mail = new GreenMail(new ServerSetup(ports.smtp(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        started.push(mail::stop);
        progress.accept("SMTP sink", "ready at smtp://127.0.0.1:" + ports.smtp());

        String sandboxUrl = "http://127.0.0.1:" + ports.of(APPS.get(0));
        Path root = AppProcess.repositoryRoot();
        for (StackApp app : APPS) {
            t = System.nanoTime();
            progress.accept(app.name(), "starting");
            AppProcess process = AppProcess.start(app.name(), root.resolve(app.module()), app.mainClass(), ports.of(app),
                    properties(app, sandboxUrl, ports, home), logs.resolve(app.name() + ".log"), Duration.ofSeconds(90), true);
            started.push(process);
            apps.put(app.name(), process);
            progress.accept(app.name(), "ready at " + process.url() + since(t));
            if (app.kind() == StackApp.Kind.SANDBOX) {
                continue;
            }
            if (app.name().equals("webhook-gateway")) {
                SandboxClient sandbox = new SandboxClient(sandboxUrl);
                sandbox.wireWebhooksTo(process.url());
                String expiry = sandbox.awaitCrmChannel(Duration.ofSeconds(60));
                progress.accept("webhooks", "sandbox Desk, HubSpot and Creator webhooks -> gateway; CRM channel kept by"
                        + " the gateway, expires " + expiry);
            }
        }
    }

    private Map<String, String> properties(StackApp app, String sandboxUrl, Ports ports, Path home) {
        Map<String, String> p = new LinkedHashMap<>();
        if (app.kind() == StackApp.Kind.SANDBOX) {
            p.put("sandbox.public-url", sandboxUrl);
            return p;
        }
        p.put("kafka.bootstrap.servers", broker.bootstrapServers());
        p.put("zsync.schema-registry.url", registry.url());
        if (app.kind() == StackApp.Kind.KAFKA) {
            p.putAll(dashboardState(home));
            return p;
        }
        p.putAll(SandboxDefaults.zohoClientProperties(sandboxUrl));
        p.put("zsync.gateway.desk.orgs." + SandboxDefaults.ORG + ".jwks-url", sandboxUrl + "/.well-known/jwks.json");
        if (app.name().equals("webhook-gateway")) {
            p.putAll(SandboxDefaults.gatewayChannelProperties("http://127.0.0.1:" + ports.of(app)));
        }
        if (app.kind() == StackApp.Kind.KAFKA_ZOHO_AND_MAIL) {
            p.put("javamail.properties.mail.smtp.host", "127.0.0.1");
            p.put("javamail.properties.mail.smtp.port", String.valueOf(ports.smtp()));
            p.put("zsync.smtp.host", "127.0.0.1");
            p.put("zsync.smtp.port", String.valueOf(ports.smtp()));
        }
        return p;
    }

    private static void checkPortsFree(Ports ports) {
        io.zsync.stack.Ports.requireFree(ports.kafka(), "Kafka broker");
        io.zsync.stack.Ports.requireFree(ports.controller(), "Kafka controller");
        io.zsync.stack.Ports.requireFree(ports.registry(), "schema registry");
        io.zsync.stack.Ports.requireFree(ports.smtp(), "SMTP sink");
        APPS.forEach(app -> io.zsync.stack.Ports.requireFree(ports.of(app), app.name()));
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public String schemaRegistryUrl() {
        return registry.url();
    }

    public AppProcess app(String name) {
        AppProcess app = apps.get(name);
        if (app == null) {
            throw new IllegalArgumentException("no application " + name);
        }
        return app;
    }

    public SandboxClient sandbox() {
        return new SandboxClient(app("zoho-sandbox").url());
    }

    public GreenMail mail() {
        return mail;
    }

    public KafkaBroker broker() {
        return broker;
    }

    @Override
    public void close() {
        // the applications first and all at once: each takes a few seconds to stop cleanly (and, on a build's first
        // run, to write its class-data archive), and none needs another to stop; then the infrastructure, newest first
        List<Thread> stopping = new ArrayList<>();
        for (AutoCloseable c : List.copyOf(started)) {
            if (c instanceof AppProcess app) {
                started.remove(c);
                Thread t = new Thread(() -> closeQuietly(app), "stop-" + app.name());
                t.start();
                stopping.add(t);
            }
        }
        for (Thread t : stopping) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        while (!started.isEmpty()) {
            closeQuietly(started.pop());
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // keep stopping the rest
        }
    }

    /**
     * The dashboard's Kafka Streams state, under the stack's home and emptied like the broker's data: stores
     * left in the default directory by an earlier stack (another broker) would be shown until Kafka Streams
     * noticed they are ahead of their changelogs and wiped them, and two stacks would fight over its lock.
     */
    static Map<String, String> dashboardState(Path home) {
        return Map.of("kafka.streams.default.state.dir", fresh(home.resolve("dashboard-state")).toString());
    }

    static Path fresh(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String since(long start) {
        return String.format(" (%.1f s)", (System.nanoTime() - start) / 1e9);
    }
}
