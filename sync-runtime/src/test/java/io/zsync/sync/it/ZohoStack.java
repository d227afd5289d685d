package io.zsync.sync.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.zsync.stack.AppProcess;
import io.zsync.stack.Ports;
import io.zsync.stack.SandboxClient;
import io.zsync.stack.SandboxDefaults;
import io.zsync.testing.KafkaStack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outside world of a sync service for integration tests: the Zoho sandbox and the webhook gateway as
 * real processes (one of each per test JVM, beside {@link KafkaStack}), wired as in production: the
 * sandbox's CRM notification channel, Desk, HubSpot and Creator webhooks all point at the gateway, and the
 * gateway publishes to the test broker. A test drives Zoho through {@link #sandbox(String, String, String)}
 * and {@link #zoho(String, String, String)} as a user would, and the service under test runs in the test's
 * own application context with {@link #serviceProperties()}.
 */
public final class ZohoStack {

    /** The org key every part uses in tests and in the local stack. */
    public static final String ORG = SandboxDefaults.ORG;
    /** Prefix of the system properties passed on to the sandbox process as its own settings. */
    public static final String SANDBOX_PROPERTY = "zsync.it.sandbox.property.";
    public static final String CLIENT_ID = SandboxDefaults.CLIENT_ID;
    public static final String CLIENT_SECRET = SandboxDefaults.CLIENT_SECRET;
    public static final String REFRESH_TOKEN = SandboxDefaults.REFRESH_TOKEN;
    public static final String BOOKS_ORGANIZATION_ID = SandboxDefaults.BOOKS_ORGANIZATION_ID;
    public static final String DESK_ORG_ID = SandboxDefaults.DESK_ORG_ID;
    public static final String DESK_DEPARTMENT_ID = SandboxDefaults.DESK_DEPARTMENT_ID;
    public static final String PROJECTS_PORTAL_ID = SandboxDefaults.PROJECTS_PORTAL_ID;
    public static final String PROJECTS_PROJECT_ID = SandboxDefaults.PROJECTS_PROJECT_ID;
    public static final String CREATOR_OWNER = SandboxDefaults.CREATOR_OWNER;
    public static final String CREATOR_APP = SandboxDefaults.CREATOR_APP;
    public static final String HUBSPOT_TOKEN = SandboxDefaults.HUBSPOT_TOKEN;
    public static final String HUBSPOT_CLIENT_SECRET = SandboxDefaults.HUBSPOT_CLIENT_SECRET;
    public static final String CRM_CHANNEL_ID = SandboxDefaults.CRM_CHANNEL_ID;
    public static final String CRM_CHANNEL_TOKEN = SandboxDefaults.CRM_CHANNEL_TOKEN;
    public static final String CREATOR_SECRET = SandboxDefaults.CREATOR_SECRET;

    private static ZohoStack instance;

    private final AppProcess sandbox;
    private final AppProcess gateway;
    private final SandboxClient client;

    private ZohoStack(AppProcess sandbox, AppProcess gateway) {
        this.sandbox = sandbox;
        this.gateway = gateway;
        this.client = new SandboxClient(sandbox.url());
    }

    public static synchronized ZohoStack get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                instance.gateway.close();
                instance.sandbox.close();
            }, "zoho-stack-stop"));
        }
        return instance;
    }

    private static ZohoStack start() {
        KafkaStack kafka = KafkaStack.get();
        Path root = AppProcess.repositoryRoot();
        Path logs = logDir();
        int sandboxPort = Ports.free();
        String sandboxUrl = "http://127.0.0.1:" + sandboxPort;
        Map<String, String> sandboxProperties = new LinkedHashMap<>();
        sandboxProperties.put("sandbox.public-url", sandboxUrl);
        // suites that restart services many times (crash tests) lift Zoho's token-minting cap
        sandboxProperties.put("sandbox.accounts.throttle-enabled", System.getProperty("zsync.it.sandbox.oauth-throttle", "true"));
        // any sandbox setting, for a suite that needs it (a benchmark lifting Books' limits):
        // -Dzsync.it.sandbox.property.<sandbox property>=<value>
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith(SANDBOX_PROPERTY))
                .forEach(k -> sandboxProperties.put(k.substring(SANDBOX_PROPERTY.length()), System.getProperty(k)));
        AppProcess sandbox = AppProcess.start("zoho-sandbox", root.resolve("zoho-sandbox"),
                "io.zsync.sandbox.SandboxApplication", sandboxPort, sandboxProperties,
                logs.resolve("sandbox.log"), Duration.ofSeconds(60));
        int gatewayPort = Ports.free();
        Map<String, String> gatewayProperties = new LinkedHashMap<>();
        gatewayProperties.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        gatewayProperties.put("zsync.schema-registry.url", kafka.schemaRegistryUrl());
        gatewayProperties.put("zsync.gateway.desk.orgs.dev.jwks-url", sandboxUrl + "/.well-known/jwks.json");
        gatewayProperties.putAll(SandboxDefaults.zohoClientProperties(sandboxUrl));
        // the gateway keeps CRM's notification channel, as in production (a channel the harness subscribed itself
        // would expire after an hour, and notifications with it, in the long suites)
        gatewayProperties.putAll(SandboxDefaults.gatewayChannelProperties("http://127.0.0.1:" + gatewayPort));
        AppProcess gateway = AppProcess.start("webhook-gateway", root.resolve("webhook-gateway"),
                "io.zsync.gateway.GatewayApplication", gatewayPort, gatewayProperties, logs.resolve("gateway.log"),
                Duration.ofSeconds(60));
        ZohoStack stack = new ZohoStack(sandbox, gateway);
        stack.client.wireWebhooksTo(gateway.url());
        stack.client.awaitCrmChannel(Duration.ofSeconds(60));
        return stack;
    }

    private static Path logDir() {
        try {
            return Files.createDirectories(Path.of("target", "zoho-stack-" + ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Properties for the service under test: the test broker and registry, and org {@value #ORG} on the sandbox. */
    public Map<String, String> serviceProperties() {
        Map<String, String> p = new LinkedHashMap<>(KafkaStack.get().micronautProperties());
        p.putAll(SandboxDefaults.zohoClientProperties(sandboxUrl()));
        return p;
    }

    public String sandboxUrl() {
        return sandbox.url();
    }

    public String gatewayUrl() {
        return gateway.url();
    }

    public AppProcess gatewayProcess() {
        return gateway;
    }

    public SandboxClient client() {
        return client;
    }

    /** A fresh access token for org {@value #ORG}, as a Zoho user's script would get one. */
    public String accessToken() {
        return client.accessToken();
    }

    /** Calls the sandbox (admin API or a product API without auth) and returns its JSON answer (or null on 204). */
    public JsonNode sandbox(String method, String path, String json) {
        return client.admin(method, path, json);
    }

    /** Calls a Zoho product API of the sandbox with {@code Authorization: Zoho-oauthtoken ...}. */
    public JsonNode zoho(String method, String path, String json) {
        return client.zoho(method, path, json);
    }

    /** Calls the sandbox's HubSpot API with the private-app token. */
    public JsonNode hubspot(String method, String path, String json) {
        return client.hubspot(method, path, json);
    }
}
