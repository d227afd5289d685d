package io.zsync.sandbox.projects;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.zsync.sandbox.accounts.OAuthStore;
import io.zsync.sandbox.accounts.ZohoTokens;
import io.zsync.sandbox.core.Product;
import io.zsync.sandbox.core.ProductPolicy;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Zoho Projects at the edge: 401 with code 6401 for bad tokens (§7.1), 500 with 6500. */
@Singleton
public class ProjectsPolicy implements ProductPolicy {

    private final ZohoTokens tokens;

    public ProjectsPolicy(ZohoTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Product product() {
        return Product.PROJECTS;
    }

    @Override
    public Optional<MutableHttpResponse<?>> authenticate(HttpRequest<?> request) {
        if (tokens.check(request) == OAuthStore.TokenState.VALID) {
            return Optional.empty();
        }
        return Optional.of(HttpResponse.status(HttpStatus.UNAUTHORIZED)
                .body(ProjectsException.body(6401, "Invalid OAuth access token.")));
    }

    @Override
    public MutableHttpResponse<?> rateLimited(long retryAfterSeconds) {
        MutableHttpResponse<?> response = HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                .body(ProjectsException.body(429, "Too many requests. Please try again later."));
        if (retryAfterSeconds > 0) {
            response.header("Retry-After", String.valueOf(retryAfterSeconds));
        }
        return response;
    }

    @Override
    public MutableHttpResponse<?> serverError(int status) {
        return HttpResponse.status(HttpStatus.valueOf(status)).body(ProjectsException.body(6500, "General Error"));
    }
}
