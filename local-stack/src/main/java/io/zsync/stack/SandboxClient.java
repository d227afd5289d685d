package io.zsync.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Drives the Zoho sandbox from outside, as a Zoho user, an admin or Zoho itself would: its admin API, the
 * product APIs with a real OAuth token, and the wiring of the products' webhooks to the gateway (Desk, HubSpot
 * and Creator), exactly as an operator sets them up in production. The CRM notification channel is the
 * gateway's own to subscribe and renew ({@link SandboxDefaults#gatewayChannelProperties}); this client waits
 * for it ({@link #awaitCrmChannel}).
 */
public final class SandboxClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Zoho mints at most 10 access tokens per refresh token in 10 minutes: reuse one, as a real client must. */
    private static final Duration TOKEN_REUSE = Duration.ofMinutes(50);

    /** The sandbox's mark of a person working in a product's UI: not an API call (not counted, faulted or throttled). */
    static final String PERSON_HEADER = "X-Sandbox-Person";

    private final String sandboxUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Who holds the access token: this client, or the one it was made from. */
    private final SandboxClient tokenHolder;
    private final boolean person;
    private String token;
    private java.time.Instant tokenObtainedAt = java.time.Instant.MIN;

    public SandboxClient(String sandboxUrl) {
        this(sandboxUrl, null, false);
    }

    private SandboxClient(String sandboxUrl, SandboxClient tokenHolder, boolean person) {
        this.sandboxUrl = sandboxUrl;
        this.tokenHolder = tokenHolder == null ? this : tokenHolder;
        this.person = person;
    }

    /**
     * The same sandbox as a person in the products' UIs sees it: their edits fire the same webhooks, but are no API
     * calls, so injected faults and the API quotas never hit them and the call counters show only the
     * integration's own calls (what a fault storm or a calls-per-record figure needs). Shares this client's token.
     */
    public SandboxClient asPerson() {
        return new SandboxClient(sandboxUrl, tokenHolder, true);
    }

    /**
     * Points the Desk, HubSpot and Creator webhooks at the gateway at {@code gatewayUrl}. Not CRM's notification
     * channel: a gateway given {@link SandboxDefaults#gatewayChannelProperties} keeps it, as in production; see
     * {@link #awaitCrmChannel} and, for a gateway without its channel keeper, {@link #subscribeCrmChannel}.
     */
    public void wireWebhooksTo(String gatewayUrl) {
        // Desk names its org by its own id (the JWT's iss is orgId:<id>), and so does the gateway's Desk path
        call("POST", "/_sandbox/webhooks/desk", """
                {"url":"%s/webhooks/zoho/desk/%s","orgId":"%s"}"""
                .formatted(gatewayUrl, SandboxDefaults.DESK_ORG_ID, SandboxDefaults.DESK_ORG_ID), null);
        call("POST", "/_sandbox/webhooks/hubspot", """
                {"url":"%s/webhooks/hubspot","clientSecret":"%s","portalId":%s}"""
                .formatted(gatewayUrl, SandboxDefaults.HUBSPOT_CLIENT_SECRET, SandboxDefaults.HUBSPOT_PORTAL_ID), null);
        call("POST", "/_sandbox/webhooks/creator", """
                {"url":"%s/webhooks/zoho/creator/%s/orders","headerName":"%s","secret":"%s"}"""
                .formatted(gatewayUrl, SandboxDefaults.ORG, SandboxDefaults.CREATOR_HEADER, SandboxDefaults.CREATOR_SECRET), null);
    }

    /**
     * Subscribes CRM's notification channel to the gateway at {@code gatewayUrl} without an expiry, so for one hour
     * (Zoho's rule, which the sandbox follows): only for a gateway whose channel keeper is off, in short tests.
     */
    public void subscribeCrmChannel(String gatewayUrl) {
        zoho("POST", "/crm/v8/actions/watch", """
                {"watch":[{"channel_id":"%s","events":["Contacts.all","Leads.all","Deals.all"],"token":"%s",
                 "notify_url":"%s/webhooks/zoho/crm/%s/notifications","return_affected_field_values":true}]}"""
                .formatted(SandboxDefaults.CRM_CHANNEL_ID, SandboxDefaults.CRM_CHANNEL_TOKEN, gatewayUrl, SandboxDefaults.ORG));
    }

    /**
     * Waits until CRM lists the notification channel of org {@value SandboxDefaults#ORG}, and returns its expiry as
     * CRM reports it ({@code yyyy-MM-dd'T'HH:mm:ssXXX}).
     *
     * @throws StackException when the channel is not listed within {@code timeout}
     */
    public String awaitCrmChannel(Duration timeout) {
        return Demo.poll(this::crmChannelExpiry, timeout, Duration.ofMillis(200))
                .orElseThrow(() -> new StackException("the gateway did not subscribe CRM's notification channel "
                        + SandboxDefaults.CRM_CHANNEL_ID + " within " + timeout.toSeconds() + " s; see its log"));
    }

    /** The expiry of org {@value SandboxDefaults#ORG}'s channel as CRM lists it; empty while CRM lists none. */
    private Optional<String> crmChannelExpiry() {
        JsonNode channels = zoho("GET", "/crm/v8/actions/watch", null);
        if (channels == null) {
            return Optional.empty();
        }
        for (JsonNode channel : channels.path("watch")) {
            if (SandboxDefaults.CRM_CHANNEL_ID.equals(channel.path("channel_id").asText())) {
                return Optional.of(channel.path("channel_expiry").asText());
            }
        }
        return Optional.empty();
    }

    /** An access token for the sandbox org: reused while valid, fetched from its accounts endpoint when not. */
    public String accessToken() {
        return tokenHolder == this ? ownAccessToken() : tokenHolder.accessToken();
    }

    private synchronized String ownAccessToken() {
        if (token == null || java.time.Instant.now().isAfter(tokenObtainedAt.plus(TOKEN_REUSE))) {
            token = freshToken();
            tokenObtainedAt = java.time.Instant.now();
        }
        return token;
    }

    private String freshToken() {
        JsonNode token = call("POST", "/oauth/v2/token?grant_type=refresh_token&client_id=" + SandboxDefaults.CLIENT_ID
                + "&client_secret=" + SandboxDefaults.CLIENT_SECRET + "&refresh_token=" + SandboxDefaults.REFRESH_TOKEN, "", null);
        if (token == null || !token.has("access_token")) {
            throw new StackException("the sandbox refused a token: " + token);
        }
        return token.get("access_token").asText();
    }

    /** Calls the sandbox's admin API (or any path without auth); returns the JSON answer, null for 204. */
    public JsonNode admin(String method, String path, String json) {
        return call(method, path, json, null);
    }

    /**
     * Calls a Zoho product API of the sandbox with an OAuth token (and Desk's orgId header). A token refused as
     * invalid is dropped and the call made once more with a new one, as a real client must: Zoho revokes a refresh
     * token's oldest access token once it has too many active, which suites that restart services many times reach.
     */
    public JsonNode zoho(String method, String path, String json) {
        String token = accessToken();
        try {
            return call(method, path, json, "Zoho-oauthtoken " + token);
        } catch (Unauthorized refused) {
            tokenHolder.forget(token);
            return call(method, path, json, "Zoho-oauthtoken " + accessToken());
        }
    }

    private synchronized void forget(String refused) {
        if (refused.equals(token)) {
            token = null;
        }
    }

    /** Calls the sandbox's HubSpot API with the private-app token. */
    public JsonNode hubspot(String method, String path, String json) {
        return call(method, path, json, "Bearer " + SandboxDefaults.HUBSPOT_TOKEN);
    }

    private JsonNode call(String method, String path, String json, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandboxUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, json == null || json.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (person && authorization != null) {
            request.header(PERSON_HEADER, "true");
        }
        if (path.startsWith("/api/v1")) {
            request.header("orgId", SandboxDefaults.DESK_ORG_ID);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401) {
                throw new Unauthorized(method + " " + path + " answered 401: " + response.body());
            }
            if (response.statusCode() >= 500 || response.statusCode() == 404) {
                throw new StackException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isBlank() ? null : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new StackException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted calling the sandbox", e);
        }
    }

    /** A 401: the credentials were refused. */
    static final class Unauthorized extends StackException {
        Unauthorized(String message) {
            super(message);
        }
    }
}
