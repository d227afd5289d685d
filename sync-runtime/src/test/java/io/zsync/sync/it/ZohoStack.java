package io.zsync.sync.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zsync.stack.AppProcess;
import io.zsync.stack.Ports;
import io.zsync.testing.KafkaStack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * as a user would, and the service under test runs in the test's own application context with
 * {@link #serviceProperties()}.
 */
public final class ZohoStack {

    /** The org key every part uses in tests and in the local stack. */
    public static final String ORG = "dev";
    /** The sandbox's fake OAuth client (its application.yml defaults); accepted only by the sandbox. */
    public static final String CLIENT_ID = "1000.ZSYNCSANDBOXCLIENT0000000000000";
    public static final String CLIENT_SECRET = "0123456789abcdef0123456789abcdef01234567ab";
    public static final String REFRESH_TOKEN = "1000.00000000000000000000000000000000.ffffffffffffffffffffffffffffffff";
    public static final String BOOKS_ORGANIZATION_ID = "10234695";
    public static final String DESK_ORG_ID = "54983163";
    public static final String DESK_DEPARTMENT_ID = "55430000000010772";
    public static final String PROJECTS_PORTAL_ID = "2063927";
    public static final String PROJECTS_PROJECT_ID = "170876000000147021";
    public static final String CREATOR_OWNER = "zsync_demo";
    public static final String CREATOR_APP = "order-management";
    public static final String HUBSPOT_TOKEN = "pat-na1-zsync-sandbox-0000-0000-000000000000";
    public static final String HUBSPOT_CLIENT_SECRET = "sandbox-hubspot-client-secret";
    public static final String CRM_CHANNEL_ID = "1000000068001";
    public static final String CRM_CHANNEL_TOKEN = "sandbox-crm-channel-token";
    public static final String CREATOR_SECRET = "sandbox-creator-webhook-secret";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ZohoStack instance;

    private final AppProcess sandbox;
    private final AppProcess gateway;
    private final HttpClient http = HttpClient.newHttpClient();

    private ZohoStack(AppProcess sandbox, AppProcess gateway) {
        this.sandbox = sandbox;
        this.gateway = gateway;
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
        AppProcess sandbox = AppProcess.start("zoho-sandbox", root.resolve("zoho-sandbox"),
                "io.zsync.sandbox.SandboxApplication", sandboxPort,
                Map.of("sandbox.public-url", sandboxUrl), logs.resolve("sandbox.log"), Duration.ofSeconds(60));
        int gatewayPort = Ports.free();
        Map<String, String> gatewayProperties = new LinkedHashMap<>();
        gatewayProperties.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        gatewayProperties.put("zsync.schema-registry.url", kafka.schemaRegistryUrl());
        gatewayProperties.put("zsync.gateway.desk.orgs.dev.jwks-url", sandboxUrl + "/.well-known/jwks.json");
        gatewayProperties.putAll(zohoClientProperties(sandboxUrl));
        AppProcess gateway = AppProcess.start("webhook-gateway", root.resolve("webhook-gateway"),
                "io.zsync.gateway.GatewayApplication", gatewayPort, gatewayProperties, logs.resolve("gateway.log"),
                Duration.ofSeconds(60));
        ZohoStack stack = new ZohoStack(sandbox, gateway);
        stack.wireWebhooks();
        return stack;
    }

    private static Path logDir() {
        try {
            return Files.createDirectories(Path.of("target", "zoho-stack-" + ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** zoho-clients settings of org {@value #ORG}, pointed at the sandbox. */
    static Map<String, String> zohoClientProperties(String sandboxUrl) {
        Map<String, String> p = new LinkedHashMap<>();
        String org = "zsync.zoho.orgs." + ORG + ".";
        p.put(org + "base-url", sandboxUrl);
        p.put(org + "client-id", CLIENT_ID);
        p.put(org + "client-secret", CLIENT_SECRET);
        p.put(org + "refresh-token", REFRESH_TOKEN);
        p.put(org + "books-organization-id", BOOKS_ORGANIZATION_ID);
        p.put(org + "desk-org-id", DESK_ORG_ID);
        p.put(org + "projects-portal-id", PROJECTS_PORTAL_ID);
        p.put(org + "projects-project-id", PROJECTS_PROJECT_ID);
        p.put(org + "creator-owner", CREATOR_OWNER);
        p.put(org + "creator-app", CREATOR_APP);
        p.put("zsync.hubspot.accounts." + ORG + ".access-token", HUBSPOT_TOKEN);
        p.put("zsync.hubspot.accounts." + ORG + ".base-url", sandboxUrl);
        return p;
    }

    /** Properties for the service under test: the test broker and registry, and org {@value #ORG} on the sandbox. */
    public Map<String, String> serviceProperties() {
        Map<String, String> p = new LinkedHashMap<>(KafkaStack.get().micronautProperties());
        p.putAll(zohoClientProperties(sandboxUrl()));
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

    private void wireWebhooks() {
        String token = accessToken();
        sandboxAuthorized("POST", "/crm/v8/actions/watch", """
                {"watch":[{"channel_id":"%s","events":["Contacts.all","Leads.all","Deals.all"],"token":"%s",
                 "notify_url":"%s/webhooks/zoho/crm/dev/notifications","return_affected_field_values":true}]}"""
                .formatted(CRM_CHANNEL_ID, CRM_CHANNEL_TOKEN, gatewayUrl()), "Zoho-oauthtoken " + token);
        sandbox("POST", "/_sandbox/webhooks/desk", """
                {"url":"%s/webhooks/zoho/desk/dev","orgId":"%s"}""".formatted(gatewayUrl(), DESK_ORG_ID));
        sandbox("POST", "/_sandbox/webhooks/hubspot", """
                {"url":"%s/webhooks/hubspot","clientSecret":"%s","portalId":"62515"}"""
                .formatted(gatewayUrl(), HUBSPOT_CLIENT_SECRET));
        sandbox("POST", "/_sandbox/webhooks/creator", """
                {"url":"%s/webhooks/zoho/creator/dev/orders","headerName":"X-Webhook-Secret","secret":"%s"}"""
                .formatted(gatewayUrl(), CREATOR_SECRET));
    }

    /** A fresh access token for org {@value #ORG}, as a Zoho user's script would get one. */
    public String accessToken() {
        JsonNode token = sandbox("POST", "/oauth/v2/token?grant_type=refresh_token&client_id=" + CLIENT_ID
                + "&client_secret=" + CLIENT_SECRET + "&refresh_token=" + REFRESH_TOKEN, "");
        if (!token.has("access_token")) {
            throw new IllegalStateException("sandbox refused a token: " + token);
        }
        return token.get("access_token").asText();
    }

    /** Calls the sandbox (admin API or a product API without auth) and returns its JSON answer (or null on 204). */
    public JsonNode sandbox(String method, String path, String json) {
        return sandboxAuthorized(method, path, json, null);
    }

    /** Calls a Zoho product API of the sandbox with {@code Authorization: Zoho-oauthtoken ...}. */
    public JsonNode zoho(String method, String path, String json) {
        return sandboxAuthorized(method, path, json, "Zoho-oauthtoken " + accessToken());
    }

    private JsonNode sandboxAuthorized(String method, String path, String json, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandboxUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, json == null || json.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (path.startsWith("/api/v1")) {
            request.header("orgId", DESK_ORG_ID);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 500 || response.statusCode() == 401 || response.statusCode() == 404) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body().isBlank() ? null : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
