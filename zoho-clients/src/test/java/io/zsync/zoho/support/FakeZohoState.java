package io.zsync.zoho.support;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scripted state of the fake Zoho server: tests queue replies per {@code METHOD path} (the last reply of a
 * queue repeats), the token endpoint mints tokens unless scripted, and every request is recorded.
 */
@Singleton
@Requires(property = "spec.name", value = FakeZoho.SPEC)
public class FakeZohoState {
    private final Map<String, Deque<Reply>> replies = new ConcurrentHashMap<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger grants = new AtomicInteger();
    private final List<String> validTokens = new CopyOnWriteArrayList<>();
    private volatile long expiresIn = 3600;
    private volatile boolean enforceAuth;
    private volatile CompletableFuture<Void> tokenGate = CompletableFuture.completedFuture(null);

    /** A scripted reply. */
    public record Reply(int status, @Nullable String body, Map<String, String> headers, Duration delay) {
        public static Reply of(int status, @Nullable String body) {
            return new Reply(status, body, Map.of(), Duration.ZERO);
        }

        public Reply header(String name, String value) {
            Map<String, String> h = new java.util.HashMap<>(headers);
            h.put(name, value);
            return new Reply(status, body, h, delay);
        }

        public Reply delayed(Duration d) {
            return new Reply(status, body, headers, d);
        }
    }

    /** A request as the fake saw it. */
    public record Recorded(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
                           @Nullable String body) {
        public @Nullable String query(String name) {
            List<String> v = query.get(name);
            return v == null || v.isEmpty() ? null : v.get(0);
        }

        public @Nullable String header(String name) {
            for (Map.Entry<String, String> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue();
                }
            }
            return null;
        }
    }

    public void reset() {
        replies.clear();
        requests.clear();
        grants.set(0);
        validTokens.clear();
        expiresIn = 3600;
        enforceAuth = false;
        tokenGate = CompletableFuture.completedFuture(null);
    }

    public FakeZohoState on(String method, String path, Reply... queue) {
        Deque<Reply> d = new ArrayDeque<>(List.of(queue));
        replies.put(method.toUpperCase() + " " + path, d);
        return this;
    }

    public FakeZohoState on(String method, String path, int status, @Nullable String body) {
        return on(method, path, Reply.of(status, body));
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public List<Recorded> requests(String method, String pathPrefix) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix)).toList();
    }

    public int grants() {
        return grants.get();
    }

    public void expiresIn(long seconds) {
        this.expiresIn = seconds;
    }

    /** Resource calls must carry a token this fake minted and did not revoke. */
    public void enforceAuth(boolean on) {
        this.enforceAuth = on;
    }

    /** Forgets every minted token, as an expiry would. */
    public void revokeAllTokens() {
        validTokens.clear();
    }

    /** Holds token answers until {@link #openTokenGate()}. */
    public void closeTokenGate() {
        tokenGate = new CompletableFuture<>();
    }

    public void openTokenGate() {
        tokenGate.complete(null);
    }

    CompletableFuture<MutableHttpResponse<String>> token(HttpRequest<?> request, Map<String, String> form) {
        record(request, form.toString());
        grants.incrementAndGet();
        Deque<Reply> scripted = replies.get("POST /oauth/v2/token");
        if (scripted != null && !scripted.isEmpty()) {
            Reply r = scripted.size() > 1 ? scripted.poll() : scripted.peek();
            return tokenGate.thenCompose(v -> respond(r));
        }
        String token = "1000." + "a".repeat(31) + grants.get() + "." + "b".repeat(32);
        validTokens.add(token);
        String body = "{\"access_token\":\"" + token + "\",\"api_domain\":\"https://www.zohoapis.com\","
                + "\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}";
        return tokenGate.thenApply(v -> HttpResponse.ok(body).contentType(MediaType.APPLICATION_JSON_TYPE));
    }

    CompletableFuture<MutableHttpResponse<String>> handle(HttpRequest<?> request, @Nullable String body) {
        record(request, body);
        if (enforceAuth) {
            String auth = request.getHeaders().get("Authorization");
            String token = auth == null ? null : auth.replace("Zoho-oauthtoken ", "");
            if (token == null || !validTokens.contains(token)) {
                return respond(Reply.of(401, unauthorizedBody(request.getPath())));
            }
        }
        Deque<Reply> d = replies.get(request.getMethodName() + " " + request.getPath());
        if (d == null || d.isEmpty()) {
            return respond(Reply.of(404, "{\"code\":\"INVALID_URL_PATTERN\",\"message\":\"no fake reply for "
                    + request.getMethodName() + " " + request.getPath() + "\",\"status\":\"error\",\"details\":{}}"));
        }
        Reply r;
        synchronized (d) {
            r = d.size() > 1 ? d.poll() : d.peek();
        }
        return respond(r);
    }

    private static String unauthorizedBody(String path) {
        if (path.startsWith("/api/v1")) {
            return DocExamples.DESK_INVALID_OAUTH;
        }
        if (path.startsWith("/books")) {
            return DocExamples.BOOKS_INVALID_TOKEN;
        }
        return DocExamples.CRM_INVALID_TOKEN;
    }

    private CompletableFuture<MutableHttpResponse<String>> respond(Reply r) {
        MutableHttpResponse<String> resp = HttpResponse.status(HttpStatus.valueOf(r.status()));
        if (r.body() != null) {
            resp.body(r.body()).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        r.headers().forEach(resp::header);
        if (r.delay().isZero()) {
            return CompletableFuture.completedFuture(resp);
        }
        return CompletableFuture.supplyAsync(() -> resp,
                CompletableFuture.delayedExecutor(r.delay().toMillis(), TimeUnit.MILLISECONDS));
    }

    private void record(HttpRequest<?> request, @Nullable String body) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        request.getHeaders().forEach((k, v) -> headers.put(k, v.isEmpty() ? null : v.get(0)));
        requests.add(new Recorded(request.getMethodName(), request.getPath(), request.getParameters().asMap(),
                headers, body));
    }
}
