package io.zsync.sandbox.hubspot;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.zsync.sandbox.core.Json;
import io.zsync.sandbox.core.Product;
import io.zsync.sandbox.core.ProductPolicy;
import io.zsync.sandbox.core.SandboxClock;
import io.zsync.sandbox.core.SlidingWindowLimiter;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HubSpot at the edge (§9.1): Bearer private-app tokens, a rolling burst limit per token (190 per 10 s by
 * default) and a per-second search limit, answered with 429 and a {@code policyName}.
 */
@Singleton
public class HubSpotPolicy implements ProductPolicy {

    private static final String BEARER = "Bearer ";

    private final HubSpotConfig config;
    private final SandboxClock clock;
    private final Map<String, SlidingWindowLimiter> bursts = new ConcurrentHashMap<>();
    private final Map<String, SlidingWindowLimiter> searches = new ConcurrentHashMap<>();

    public HubSpotPolicy(HubSpotConfig config, SandboxClock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Override
    public Product product() {
        return Product.HUBSPOT;
    }

    @Override
    public Optional<MutableHttpResponse<?>> authenticate(HttpRequest<?> request) {
        if (config.tokens().contains(token(request))) {
            return Optional.empty();
        }
        return Optional.of(HttpResponse.status(HttpStatus.UNAUTHORIZED).body(HubSpotException.body(
                "Authentication credentials not found. This API supports OAuth 2.0 authentication and private app access tokens.",
                "INVALID_AUTHENTICATION")));
    }

    @Override
    public Admission admit(HttpRequest<?> request) {
        String token = token(request);
        if (!bursts.computeIfAbsent(token, k -> new SlidingWindowLimiter(config.burstLimit(),
                Duration.ofSeconds(config.burstWindowSeconds()))).tryAcquire(clock.now(), 1)) {
            return Admission.rejected(tooMany("TEN_SECONDLY_ROLLING", "You have reached your ten_secondly_rolling limit.", 0));
        }
        if (request.getPath().endsWith("/search") && !searches.computeIfAbsent(token, k -> new SlidingWindowLimiter(
                config.searchPerSecond(), Duration.ofSeconds(1))).tryAcquire(clock.now(), 1)) {
            return Admission.rejected(tooMany("SECONDLY", "You have reached your secondly limit.", 0));
        }
        return Admission.GRANTED;
    }

    @Override
    public MutableHttpResponse<?> rateLimited(long retryAfterSeconds) {
        return tooMany("TEN_SECONDLY_ROLLING", "You have reached your ten_secondly_rolling limit.", retryAfterSeconds);
    }

    @Override
    public MutableHttpResponse<?> serverError(int status) {
        return HttpResponse.status(HttpStatus.valueOf(status)).body(HubSpotException.body("internal error", "INTERNAL_ERROR"));
    }

    @Override
    public void resetQuotas() {
        bursts.clear();
        searches.clear();
    }

    private MutableHttpResponse<?> tooMany(String policy, String message, long retryAfterSeconds) {
        MutableHttpResponse<?> response = HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).body(Json.obj(
                "status", "error", "message", message, "errorType", "RATE_LIMIT",
                "correlationId", UUID.randomUUID().toString(), "policyName", policy,
                "groupName", "publicapi:private-app:" + config.appId()));
        if (retryAfterSeconds > 0) {
            response.header("Retry-After", String.valueOf(retryAfterSeconds));
        }
        return response;
    }

    private static String token(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return "";
        }
        return header.substring(BEARER.length()).trim();
    }
}
