package io.zsync.cli.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Value;
import io.zsync.cli.CliException;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The dashboard's JSON API as the CLI uses it, with the operator's Basic credentials on every call. Redrive and
 * lineage go through the dashboard rather than straight to Kafka so that the dashboard's login and roles apply
 * to the CLI too and every redrive is audited under the operator's own name, in one place.
 */
@Singleton
public class DashboardClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String user;
    private final String password;
    private final HttpClient http;

    public DashboardClient(@Value("${zsync.ops.dashboard.url}") String url,
                           @Value("${zsync.ops.dashboard.user:}") String user,
                           @Value("${zsync.ops.dashboard.password:}") String password,
                           @Value("${zsync.ops.dashboard.timeout:30s}") Duration timeout) {
        this.base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        this.user = user;
        this.password = password;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public URI base() {
        return base;
    }

    public JsonNode get(String path, Map<String, String> query) {
        return send(HttpRequest.newBuilder(uri(path, query)).GET());
    }

    public JsonNode post(String path, Object body) {
        try {
            return send(HttpRequest.newBuilder(uri(path, Map.of()))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new CliException("cannot write the request: " + e.getOriginalMessage(), e);
        }
    }

    /** Path segments are escaped here, so record ids with slashes or spaces are safe. */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private URI uri(String path, Map<String, String> query) {
        Map<String, String> present = new LinkedHashMap<>();
        query.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                present.put(k, v);
            }
        });
        String q = present.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return URI.create(base + path + (q.isEmpty() ? "" : "?" + q));
    }

    private JsonNode send(HttpRequest.Builder request) {
        if (user.isBlank() || password.isBlank()) {
            throw new CliException("no dashboard login: set ZSYNC_DASHBOARD_USER and ZSYNC_DASHBOARD_PASSWORD");
        }
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest built = request.header("Authorization", "Basic " + basic).header("Accept", "application/json").build();
        HttpResponse<String> response;
        try {
            response = http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new CliException("cannot reach the dashboard at " + base + " (set ZSYNC_DASHBOARD_URL)", e);
        } catch (IOException e) {
            throw new CliException("talking to the dashboard at " + base + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted", e);
        }
        int status = response.statusCode();
        if (status == 401) {
            throw new CliException("the dashboard refused the login of '" + user + "'");
        }
        if (status == 403) {
            throw new CliException("'" + user + "' may not do this: it needs the OPERATOR role");
        }
        JsonNode body = parse(response.body());
        if (status >= 400) {
            throw new DashboardException(status, errorMessage(body, status));
        }
        return body;
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new CliException("the dashboard answered something that is not JSON", e);
        }
    }

    private static String errorMessage(JsonNode body, int status) {
        if (body.hasNonNull("error")) {
            return body.get("error").asText();
        }
        JsonNode embedded = body.path("_embedded").path("errors").path(0).path("message");
        if (!embedded.isMissingNode()) {
            return embedded.asText();
        }
        return body.hasNonNull("message") ? body.get("message").asText() : "HTTP " + status;
    }

    /** The dashboard answered with an error status; the message is the dashboard's one-sentence reason. */
    public static class DashboardException extends CliException {
        private final int status;

        public DashboardException(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
