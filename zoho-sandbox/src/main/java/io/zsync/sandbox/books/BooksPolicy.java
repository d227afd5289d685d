package io.zsync.sandbox.books;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.zsync.sandbox.accounts.OAuthStore;
import io.zsync.sandbox.accounts.ZohoTokens;
import io.zsync.sandbox.core.Json;
import io.zsync.sandbox.core.Product;
import io.zsync.sandbox.core.ProductPolicy;
import io.zsync.sandbox.core.SandboxClock;
import io.zsync.sandbox.core.SlidingWindowLimiter;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Zoho Books at the edge (§5.4, §5.5): 401 with a non-zero code for bad tokens, and 100 requests per
 * minute plus a daily cap per organization, answered with 429.
 */
@Singleton
public class BooksPolicy implements ProductPolicy {

    private final ZohoTokens tokens;
    private final BooksConfig config;
    private final SandboxClock clock;
    private final Map<String, SlidingWindowLimiter> perMinute = new ConcurrentHashMap<>();
    private final Map<String, SlidingWindowLimiter> perDay = new ConcurrentHashMap<>();

    public BooksPolicy(ZohoTokens tokens, BooksConfig config, SandboxClock clock) {
        this.tokens = tokens;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public Product product() {
        return Product.BOOKS;
    }

    @Override
    public Optional<MutableHttpResponse<?>> authenticate(HttpRequest<?> request) {
        if (tokens.check(request) == OAuthStore.TokenState.VALID) {
            return Optional.empty();
        }
        return Optional.of(HttpResponse.status(HttpStatus.UNAUTHORIZED).body(Json.obj(
                "code", config.unauthorizedCode(), "message", "You are not authorized to perform this operation")));
    }

    @Override
    public Admission admit(HttpRequest<?> request) {
        String org = request.getParameters().get("organization_id");
        if (org == null) {
            return Admission.GRANTED;
        }
        if (!perMinute.computeIfAbsent(org, k -> new SlidingWindowLimiter(config.requestsPerMinute(), Duration.ofMinutes(1)))
                .tryAcquire(clock.now(), 1)) {
            // No Retry-After: zoho-api.md documents none for Books, so clients must not come to rely on one.
            return Admission.rejected(tooMany(config.perMinuteLimitCode(),
                    "You have exceeded the maximum number of requests per minute.", 0));
        }
        if (!perDay.computeIfAbsent(org, k -> new SlidingWindowLimiter(config.requestsPerDay(), Duration.ofDays(1)))
                .tryAcquire(clock.now(), 1)) {
            return Admission.rejected(tooMany(config.perDayLimitCode(),
                    "You have exceeded the maximum number of API requests allowed per day.", 0));
        }
        return Admission.GRANTED;
    }

    @Override
    public MutableHttpResponse<?> rateLimited(long retryAfterSeconds) {
        return tooMany(config.perMinuteLimitCode(), "You have exceeded the maximum number of requests per minute.",
                retryAfterSeconds);
    }

    @Override
    public MutableHttpResponse<?> serverError(int status) {
        return HttpResponse.status(HttpStatus.valueOf(status)).body(Json.obj("code", 1000, "message", "Internal Error"));
    }

    @Override
    public void resetQuotas() {
        perMinute.clear();
        perDay.clear();
    }

    private static MutableHttpResponse<?> tooMany(int code, String message, long retryAfterSeconds) {
        MutableHttpResponse<?> response = HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                .body(Json.obj("code", code, "message", message));
        if (retryAfterSeconds > 0) {
            response.header("Retry-After", String.valueOf(retryAfterSeconds));
        }
        return response;
    }
}
