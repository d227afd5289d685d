package io.zsync.sandbox.creator;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.zsync.sandbox.accounts.OAuthStore;
import io.zsync.sandbox.accounts.ZohoTokens;
import io.zsync.sandbox.core.Json;
import io.zsync.sandbox.core.Product;
import io.zsync.sandbox.core.ProductPolicy;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Zoho Creator at the edge: 401 with code 1030 for an invalid or expired token (§8). */
@Singleton
public class CreatorPolicy implements ProductPolicy {

    private final ZohoTokens tokens;

    public CreatorPolicy(ZohoTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Product product() {
        return Product.CREATOR;
    }

    @Override
    public Optional<MutableHttpResponse<?>> authenticate(HttpRequest<?> request) {
        if (tokens.check(request) == OAuthStore.TokenState.VALID) {
            return Optional.empty();
        }
        return Optional.of(HttpResponse.status(HttpStatus.UNAUTHORIZED).body(Json.obj("code", 1030,
                "message", "Authorization Failure. The access token is either invalid or has expired.")));
    }

    @Override
    public MutableHttpResponse<?> rateLimited(long retryAfterSeconds) {
        MutableHttpResponse<?> response = HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                .body(Json.obj("code", 4000, "message", "API request limit exceeded."));
        if (retryAfterSeconds > 0) {
            response.header("Retry-After", String.valueOf(retryAfterSeconds));
        }
        return response;
    }

    @Override
    public MutableHttpResponse<?> serverError(int status) {
        return HttpResponse.status(HttpStatus.valueOf(status)).body(Json.obj("code", 5000, "message", "Internal error."));
    }
}
