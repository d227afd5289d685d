package io.zsync.sandbox.desk;

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

/**
 * Zoho Desk at the edge (§6.4, §6.5): 401 {@code INVALID_OAUTH} for bad tokens; a daily credit budget
 * where reads by id cost 1 and lists/searches 3; 429 {@code TOO_MANY_REQUESTS}.
 */
@Singleton
public class DeskPolicy implements ProductPolicy {

    private final ZohoTokens tokens;
    private final SandboxClock clock;
    private final SlidingWindowLimiter credits;

    public DeskPolicy(ZohoTokens tokens, DeskConfig config, SandboxClock clock) {
        this.tokens = tokens;
        this.clock = clock;
        this.credits = new SlidingWindowLimiter(config.creditsPerDay(), Duration.ofHours(24));
    }

    @Override
    public Product product() {
        return Product.DESK;
    }

    @Override
    public Optional<MutableHttpResponse<?>> authenticate(HttpRequest<?> request) {
        if (tokens.check(request) == OAuthStore.TokenState.VALID) {
            return Optional.empty();
        }
        return Optional.of(HttpResponse.status(HttpStatus.UNAUTHORIZED).body(Json.obj(
                "errorCode", "INVALID_OAUTH", "message", "The OauthToken is invalid or has expired.")));
    }

    @Override
    public Admission admit(HttpRequest<?> request) {
        String path = request.getPath();
        boolean listing = request.getMethodName().equals("GET")
                && (path.endsWith("/search") || path.endsWith("/tickets") || path.endsWith("/contacts"));
        if (!credits.tryAcquire(clock.now(), listing ? 3 : 1)) {
            MutableHttpResponse<?> response = HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).body(Json.obj(
                    "errorCode", "TOO_MANY_REQUESTS", "message", "API credits for the day are exhausted."));
            response.header("Retry-After", String.valueOf(credits.secondsUntilFree(clock.now())));
            return Admission.rejected(response);
        }
        return Admission.GRANTED;
    }

    @Override
    public MutableHttpResponse<?> rateLimited(long retryAfterSeconds) {
        MutableHttpResponse<?> response = HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).body(Json.obj(
                "errorCode", "TOO_MANY_REQUESTS", "message", "Too many requests. Please try again later."));
        if (retryAfterSeconds > 0) {
            response.header("Retry-After", String.valueOf(retryAfterSeconds));
        }
        return response;
    }

    @Override
    public MutableHttpResponse<?> serverError(int status) {
        return HttpResponse.status(HttpStatus.valueOf(status)).body(Json.obj(
                "errorCode", "INTERNAL_SERVER_ERROR", "message", "An internal error occurred."));
    }

    @Override
    public void resetQuotas() {
        credits.reset();
    }
}
