package io.zsync.externalsync.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zsync.stack.StackException;
import io.zsync.sync.it.ZohoStack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The people and systems around the service in the integration tests: a Zoho user working in CRM through its
 * API, a HubSpot user working in the HubSpot UI (the sandbox's admin endpoints, which fire signed webhooks to the
 * gateway), and the tester's view of both products' data.
 */
final class Sandbox {

    static final String ORG = ZohoStack.ORG;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static boolean hubspotWired;
    private static String crmToken;
    private static Instant crmTokenAt;

    private Sandbox() {
    }

    static synchronized ZohoStack stack() {
        ZohoStack stack = ZohoStack.get();
        if (!hubspotWired) {
            wireHubSpot(stack);
            hubspotWired = true;
        }
        return stack;
    }

    /**
     * Works around the shared harness: SandboxClient.wireWebhooksTo sends the HubSpot portalId as a JSON string,
     * which the sandbox's admin API refuses with a 400 that the client ignores, so no HubSpot webhook is ever
     * delivered. Subscribes the gateway with a numeric portal id unless a subscription exists.
     */
    private static void wireHubSpot(ZohoStack stack) {
        JsonNode subscriptions = stack.sandbox("GET", "/_sandbox/webhooks", null).path("hubspot");
        if (subscriptions.isArray() && !subscriptions.isEmpty()) {
            return;
        }
        JsonNode created = stack.sandbox("POST", "/_sandbox/webhooks/hubspot", """
                {"url":"%s/webhooks/hubspot","clientSecret":"%s","portalId":%s}"""
                .formatted(stack.gatewayUrl(), ZohoStack.HUBSPOT_CLIENT_SECRET, io.zsync.stack.SandboxDefaults.HUBSPOT_PORTAL_ID));
        if (created == null || !created.has("id")) {
            throw new IllegalStateException("the sandbox refused the HubSpot webhook subscription: " + created);
        }
    }

    static Map<String, String> serviceProperties() {
        Map<String, String> p = new LinkedHashMap<>(stack().serviceProperties());
        p.put("micronaut.server.port", "-1");
        // the tests start batch runs themselves; the hourly schedule must not start one in between
        p.put("zsync.external-sync.batch.cron", "0 0 0 1 1 *");
        p.put("zsync.external-sync.batch.tick", "200ms");
        p.put("zsync.sync.retry-base", "200ms");
        p.put("zsync.sync.retry-cap", "5s");
        return p;
    }

    // ------------------------------------------------------------------ a CRM user (CRM v8 API)

    static String createCrmContact(Map<String, Object> fields) {
        JsonNode answer = crm("POST", "/crm/v8/Contacts", JSON.createObjectNode().set("data",
                JSON.createArrayNode().add(JSON.valueToTree(fields))).toString());
        JsonNode first = answer.get("data").get(0);
        if (!"success".equals(first.path("status").asText())) {
            throw new AssertionError("CRM refused the contact: " + first);
        }
        return first.get("details").get("id").asText();
    }

    static void updateCrmContact(String id, Map<String, Object> fields) {
        JsonNode answer = crm("PUT", "/crm/v8/Contacts/" + id, JSON.createObjectNode().set("data",
                JSON.createArrayNode().add(JSON.valueToTree(fields))).toString());
        if (!"success".equals(answer.get("data").get(0).path("status").asText())) {
            throw new AssertionError("CRM refused the update: " + answer);
        }
    }

    static void deleteCrmContact(String id) {
        crm("DELETE", "/crm/v8/Contacts/" + id, null);
    }

    static Optional<JsonNode> crmContact(String id) {
        JsonNode answer = crm("GET", "/crm/v8/Contacts/" + id, null);
        return answer == null || !answer.has("data") ? Optional.empty() : Optional.of(answer.get("data").get(0));
    }

    static List<JsonNode> crmContactsByEmail(String email) {
        JsonNode answer = crm("GET", "/crm/v8/Contacts/search?email=" + email, null);
        List<JsonNode> found = new ArrayList<>();
        if (answer != null && answer.has("data")) {
            answer.get("data").forEach(found::add);
        }
        return found;
    }

    /** Pre-existing CRM contacts, written without notifications (as an import before the sync existed). */
    static List<String> seedCrmContacts(List<Map<String, Object>> contacts) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("crm").set("Contacts", JSON.valueToTree(contacts));
        JsonNode answer = stack().sandbox("POST", "/_sandbox/seed", body.toString());
        List<String> ids = new ArrayList<>();
        answer.get("crm").get("Contacts").forEach(r -> ids.add(r.get("details").get("id").asText()));
        return ids;
    }

    // ------------------------------------------------------------------ a HubSpot user (the HubSpot UI)

    static String userCreatesHubSpotContact(Map<String, String> properties) {
        return stack().sandbox("POST", "/_sandbox/hubspot/contacts", properties(properties)).get("id").asText();
    }

    static void userEditsHubSpotContact(String id, Map<String, String> properties) {
        stack().sandbox("PATCH", "/_sandbox/hubspot/contacts/" + id, properties(properties));
    }

    static void userDeletesHubSpotContact(String id) {
        stack().sandbox("DELETE", "/_sandbox/hubspot/contacts/" + id, null);
    }

    /** A HubSpot contact's properties as the API returns them, or empty once archived. */
    static Optional<JsonNode> hubspotContact(String id) {
        try {
            JsonNode contact = stack().hubspot("GET", "/crm/v3/objects/contacts/" + id
                    + "?properties=firstname,lastname,email,phone,company,zoho_contact_id,zoho_deleted", null);
            return Optional.ofNullable(contact).map(c -> c.get("properties"));
        } catch (StackException e) {
            if (e.getMessage().contains(" 404")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    static List<JsonNode> hubspotContactsByEmail(String email) {
        JsonNode answer = stack().hubspot("POST", "/crm/v3/objects/contacts/search", """
                {"filterGroups":[{"filters":[{"propertyName":"email","operator":"EQ","value":"%s"}]}],
                 "properties":["email","firstname","lastname","zoho_contact_id"],"limit":100}""".formatted(email));
        List<JsonNode> found = new ArrayList<>();
        answer.get("results").forEach(found::add);
        return found;
    }

    // ------------------------------------------------------------------ the sandbox's controls

    static void dropNextWebhooks(String product, int count) {
        stack().sandbox("POST", "/_sandbox/webhooks/drop", "{\"product\":\"" + product + "\",\"count\":" + count + "}");
    }

    static int pendingDrops(String product) {
        return stack().sandbox("GET", "/_sandbox/webhooks/deliveries?limit=1", null).path("pendingDrops").path(product).asInt(0);
    }

    static JsonNode calls() {
        return stack().sandbox("GET", "/_sandbox/calls", null);
    }

    static void resetCalls() {
        stack().sandbox("DELETE", "/_sandbox/calls", null);
    }

    static void injectFaults(String json) {
        stack().sandbox("POST", "/_sandbox/faults", json);
    }

    static void clearFaults() {
        stack().sandbox("DELETE", "/_sandbox/faults", null);
    }

    /** Moves the sandbox clock on, so two edits get different (whole-second) modification times. */
    static void advanceClock(int seconds) {
        stack().sandbox("POST", "/_sandbox/clock/advance", "{\"seconds\":" + seconds + "}");
    }

    private static String properties(Map<String, String> properties) {
        return JSON.createObjectNode().set("properties", JSON.valueToTree(properties)).toString();
    }

    /**
     * CRM API calls with one access token per test JVM from the sandbox's admin endpoint: the OAuth endpoint
     * allows only 10 refreshes per 10 minutes per refresh token, which the service under test needs too.
     */
    private static JsonNode crm(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack().sandboxUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json")
                .header("Authorization", "Zoho-oauthtoken " + crmToken());
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 500 || response.statusCode() == 401 || response.statusCode() == 429) {
                throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isBlank() ? null : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static synchronized String crmToken() {
        if (crmToken == null || crmTokenAt.isBefore(Instant.now().minus(Duration.ofMinutes(30)))) {
            crmToken = stack().sandbox("POST", "/_sandbox/oauth/tokens", "{}").get("access_token").asText();
            crmTokenAt = Instant.now();
        }
        return crmToken;
    }
}
