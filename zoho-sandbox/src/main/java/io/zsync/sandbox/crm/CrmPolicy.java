package io.zsync.sandbox.crm;

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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Zoho CRM at the edge (§3.4, §3.13): {@code INVALID_TOKEN} for unknown or expired tokens, a rolling
 * 24-hour credit budget, and a concurrency gate with a smaller sub-gate for heavy calls; both limits
 * answer 429 {@code TOO_MANY_REQUESTS} without Retry-After, as none is documented.
 */
@Singleton
public class CrmPolicy implements ProductPolicy {

    private final ZohoTokens tokens;
    private final CrmConfig config;
    private final SandboxClock clock;
    private final SlidingWindowLimiter credits;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger heavyInFlight = new AtomicInteger();

    public CrmPolicy(ZohoTokens tokens, CrmConfig config, SandboxClock clock) {
        this.tokens = tokens;
        this.config = config;
        this.clock = clock;
        this.credits = new SlidingWindowLimiter(config.creditsPerDay(), Duration.ofHours(24));
    }

    @Override
    public Product product() {
        return Product.CRM;
    }

    @Override
    public Optional<MutableHttpResponse<?>> authenticate(HttpRequest<?> request) {
        OAuthStore.TokenState state = tokens.check(request);
        return switch (state) {
            case VALID -> Optional.empty();
            case MISSING -> Optional.of(HttpResponse.status(HttpStatus.UNAUTHORIZED).body(
                    CrmErrors.error("AUTHENTICATION_FAILURE", "Authentication failed", null)));
            default -> Optional.of(HttpResponse.status(HttpStatus.UNAUTHORIZED).body(
                    CrmErrors.error("INVALID_TOKEN", "invalid oauth token", null)));
        };
    }

    @Override
    public Admission admit(HttpRequest<?> request) {
        if (!credits.tryAcquire(clock.now(), 1)) {
            return Admission.rejected(tooMany("You have exceeded the API credits limit for the day"));
        }
        if (inFlight.incrementAndGet() > config.maxConcurrency()) {
            inFlight.decrementAndGet();
            return Admission.rejected(tooMany("concurrency limit exceeded"));
        }
        boolean heavy = isHeavy(request);
        if (heavy && heavyInFlight.incrementAndGet() > config.subConcurrency()) {
            heavyInFlight.decrementAndGet();
            inFlight.decrementAndGet();
            return Admission.rejected(tooMany("sub-concurrency limit exceeded"));
        }
        return Admission.granted(() -> {
            inFlight.decrementAndGet();
            if (heavy) {
                heavyInFlight.decrementAndGet();
            }
        });
    }

    /** Writes cost one credit per ten records (§3.13): the first credit was taken at admission. */
    public void chargeRecords(int records) {
        long extra = (records + 9) / 10 - 1;
        if (extra > 0) {
            credits.charge(clock.now(), extra);
        }
    }

    public long remainingCredits() {
        return credits.remaining(clock.now());
    }

    @Override
    public MutableHttpResponse<?> rateLimited(long retryAfterSeconds) {
        MutableHttpResponse<?> response = tooMany("too many requests");
        if (retryAfterSeconds > 0) {
            response.header("Retry-After", String.valueOf(retryAfterSeconds));
        }
        return response;
    }

    @Override
    public MutableHttpResponse<?> serverError(int status) {
        return HttpResponse.status(HttpStatus.valueOf(status)).body(
                CrmErrors.error("INTERNAL_ERROR", "Internal Server Error", null));
    }

    @Override
    public void resetQuotas() {
        credits.reset();
    }

    private MutableHttpResponse<?> tooMany(String message) {
        return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).body(
                CrmErrors.error(config.rateLimitCode(), message, Json.obj()));
    }

    /** Heavy APIs share the sub-concurrency gate: search, COQL, related lists and sorted or cvid lists. */
    private static boolean isHeavy(HttpRequest<?> request) {
        String path = request.getPath();
        String[] segments = path.split("/");
        return path.endsWith("/search") || path.endsWith("/coql")
                || (segments.length == 6 && !path.contains("/actions/"))
                || request.getParameters().contains("sort_by") || request.getParameters().contains("cvid");
    }
}
