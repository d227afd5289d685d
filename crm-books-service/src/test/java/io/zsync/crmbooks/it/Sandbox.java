package io.zsync.crmbooks.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zsync.sync.it.ZohoStack;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.awaitility.Awaitility.await;

/**
 * The Zoho sandbox driven as a Zoho user would (through the product APIs, so its notifications reach the
 * gateway), plus reads of the final state in Books and CRM for assertions. Calls made while faults are injected
 * are repeated until the sandbox answers them, as a user's script would.
 */
final class Sandbox {

    static final String BOOKS_ORG = "organization_id=" + ZohoStack.BOOKS_ORGANIZATION_ID;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ZohoStack stack = ZohoStack.get();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile String token;

    ZohoStack stack() {
        return stack;
    }

    /** A product API call, repeated while the sandbox answers with an injected 429 or 5xx. */
    JsonNode zoho(String method, String path, Object body) {
        String json = body == null ? "" : write(body);
        JsonNode[] answer = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            HttpResponse<String> response = send(method, path, json);
            if (response.statusCode() == 401) {
                token = null; // expired: mint another on the next try
                return false;
            }
            if (response.statusCode() == 429 || response.statusCode() >= 500) {
                return false; // an injected fault: the request was not carried out, so it is safe to repeat
            }
            answer[0] = response.body().isBlank() ? null : JSON.readTree(response.body());
            return true;
        });
        return answer[0];
    }

    /**
     * The harness's {@code ZohoStack.zoho} mints a token per call through the sandbox's throttled token endpoint
     * (10 per 10 minutes, as Zoho Accounts), which a test making more calls than that runs into; the admin
     * endpoint mints one without throttling, and it is kept until the sandbox rejects it.
     */
    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        if (token == null) {
            token = stack.sandbox("POST", "/_sandbox/oauth/tokens", "{}").path("access_token").asText();
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.sandboxUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, json.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json")
                .header("Authorization", "Zoho-oauthtoken " + token)
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Inserts one CRM record and returns its id. */
    String crmInsert(String module, Map<String, ?> fields) {
        JsonNode reply = zoho("POST", "/crm/v8/" + module, Map.of("data", List.of(fields)));
        JsonNode element = reply.path("data").path(0);
        if (!"success".equals(element.path("status").asText())) {
            throw new IllegalStateException("CRM refused the " + module + " insert: " + reply);
        }
        return element.path("details").path("id").asText();
    }

    /** Inserts up to 100 CRM records in one call and returns their ids in order. */
    List<String> crmInsertMany(String module, List<Map<String, Object>> records) {
        JsonNode reply = zoho("POST", "/crm/v8/" + module, Map.of("data", records));
        List<String> ids = new ArrayList<>();
        reply.path("data").forEach(e -> ids.add(e.path("details").path("id").asText()));
        if (ids.size() != records.size() || ids.contains("")) {
            throw new IllegalStateException("CRM refused part of the insert: " + reply);
        }
        return ids;
    }

    /** Inserts {@code count} CRM records, 100 per call (one notification per call, as CRM sends them). */
    List<String> crmInsertAll(String module, int count, java.util.function.IntFunction<Map<String, Object>> record) {
        List<String> ids = new ArrayList<>();
        for (int from = 0; from < count; from += 100) {
            List<Map<String, Object>> chunk = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + 100); i++) {
                chunk.add(record.apply(i));
            }
            ids.addAll(crmInsertMany(module, chunk));
        }
        return ids;
    }

    void crmUpdate(String module, String id, Map<String, ?> fields) {
        Map<String, Object> record = new java.util.LinkedHashMap<>(fields);
        record.put("id", id);
        JsonNode reply = zoho("PUT", "/crm/v8/" + module, Map.of("data", List.of(record)));
        if (!"success".equals(reply.path("data").path(0).path("status").asText())) {
            throw new IllegalStateException("CRM refused the " + module + " update: " + reply);
        }
    }

    void crmDelete(String module, String id) {
        zoho("DELETE", "/crm/v8/" + module + "/" + id, null);
    }

    JsonNode crmGet(String module, String id) {
        return zoho("GET", "/crm/v8/" + module + "/" + id, null).path("data").path(0);
    }

    void linkProduct(String dealId, String productId, Map<String, ?> relation) {
        zoho("PUT", "/crm/v8/Deals/" + dealId + "/Products/" + productId, Map.of("data", List.of(relation)));
    }

    String booksItem(String name, double rate) {
        return zoho("POST", "/books/v3/items?" + BOOKS_ORG, Map.of("name", name, "rate", rate))
                .path("item").path("item_id").asText();
    }

    List<JsonNode> booksContactsByEmail(String email) {
        return list(zoho("GET", "/books/v3/contacts?" + BOOKS_ORG + "&email=" + encode(email), null), "contacts");
    }

    List<JsonNode> booksContactsByName(String name) {
        return list(zoho("GET", "/books/v3/contacts?" + BOOKS_ORG + "&contact_name=" + encode(name), null), "contacts");
    }

    JsonNode booksContact(String id) {
        return zoho("GET", "/books/v3/contacts/" + id + "?" + BOOKS_ORG, null).path("contact");
    }

    List<JsonNode> booksInvoicesByReference(String reference) {
        return list(zoho("GET", "/books/v3/invoices?" + BOOKS_ORG + "&reference_number=" + encode(reference), null),
                "invoices");
    }

    JsonNode booksInvoice(String id) {
        return zoho("GET", "/books/v3/invoices/" + id + "?" + BOOKS_ORG, null).path("invoice");
    }

    /** Adds a fault rule; returns its id for removal. */
    String addFault(String product, String kind, double rate) {
        ObjectNode rule = JSON.createObjectNode().put("product", product).put("kind", kind).put("rate", rate);
        return stack.sandbox("POST", "/_sandbox/faults", rule.toString()).path("id").asText();
    }

    void removeFault(String id) {
        stack.sandbox("DELETE", "/_sandbox/faults/" + id, "");
    }

    JsonNode calls() {
        return stack.sandbox("GET", "/_sandbox/calls", "");
    }

    void resetCalls() {
        stack.sandbox("DELETE", "/_sandbox/calls", "");
    }

    static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() || value.asText().isBlank() ? Optional.empty()
                : Optional.of(value.asText());
    }

    private static List<JsonNode> list(JsonNode reply, String key) {
        List<JsonNode> out = new ArrayList<>();
        reply.path(key).forEach(out::add);
        return out;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
