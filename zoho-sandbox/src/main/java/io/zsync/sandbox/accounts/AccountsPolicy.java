package io.zsync.sandbox.accounts;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.zsync.sandbox.core.Json;
import io.zsync.sandbox.core.Product;
import io.zsync.sandbox.core.ProductPolicy;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Zoho Accounts at the edge: the token endpoint needs no access token, and its "rate limit" is the
 * {@code Access Denied} throttle answer (HTTP 200 or 400, configurable [U]).
 */
@Singleton
public class AccountsPolicy implements ProductPolicy {

    private final AccountsConfig config;
    private final OAuthStore store;

    public AccountsPolicy(AccountsConfig config, OAuthStore store) {
        this.config = config;
        this.store = store;
    }

    @Override
    public Product product() {
        return Product.ACCOUNTS;
    }

    @Override
    public Optional<MutableHttpResponse<?>> authenticate(HttpRequest<?> request) {
        return Optional.empty();
    }

    @Override
    public MutableHttpResponse<?> rateLimited(long retryAfterSeconds) {
        return HttpResponse.status(HttpStatus.valueOf(config.throttleHttpStatus())).body(Json.obj(
                "error", "Access Denied", "error_description", OAuthStore.THROTTLE_DESCRIPTION, "status", "failure"));
    }

    @Override
    public MutableHttpResponse<?> serverError(int status) {
        return HttpResponse.status(HttpStatus.valueOf(status)).body(Json.obj("error", "internal_error"));
    }
}
