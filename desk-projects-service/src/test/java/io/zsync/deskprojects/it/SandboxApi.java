package io.zsync.deskprojects.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zsync.sync.it.ZohoStack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The Zoho product APIs of the sandbox, called as a Zoho user's script would, with one access token for the
 * whole test class. {@code ZohoStack.zoho} asks the token endpoint for a new token on every call, and the
 * sandbox, like Zoho, throttles that endpoint (10 tokens in 10 minutes), so a test class of a dozen calls is
 * refused; the token here comes once from the sandbox's admin API, which is not throttled.
 */
final class SandboxApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ZohoStack stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token;

    SandboxApi(ZohoStack stack) {
        this.stack = stack;
    }

    /** Calls a product API; the JSON answer, or null on 204. Fails on 401, 404 and 5xx. */
    synchronized JsonNode call(String method, String path, String json) {
        HttpResponse<String> response = send(method, path, json);
        if (response.statusCode() == 401) {
            token = null; // expired: one new token, one more try
            response = send(method, path, json);
        }
        if (response.statusCode() >= 500 || response.statusCode() == 401 || response.statusCode() == 404) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return response.body().isBlank() ? null : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " answered no JSON: " + response.body(), e);
        }
    }

    private HttpResponse<String> send(String method, String path, String json) {
        if (token == null) {
            token = stack.sandbox("POST", "/_sandbox/oauth/tokens", "{}").path("access_token").asText();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.sandboxUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json")
                .header("Authorization", "Zoho-oauthtoken " + token);
        if (path.startsWith("/api/v1")) {
            request.header("orgId", ZohoStack.DESK_ORG_ID);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
