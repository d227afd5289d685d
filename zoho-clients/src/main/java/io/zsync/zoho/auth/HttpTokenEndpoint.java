package io.zsync.zoho.auth;

import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.zsync.zoho.config.ZohoOrg;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Refresh-token grant over HTTP against the org's accounts server (zoho-api.md §2.2). */
@Singleton
public class HttpTokenEndpoint implements TokenEndpoint {
    private final ZohoAccountsApi api;

    public HttpTokenEndpoint(ZohoAccountsApi api) {
        this.api = api;
    }

    @Override
    public CompletableFuture<TokenAnswer> refresh(ZohoOrg org) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("client_id", org.properties().clientId());
        form.put("client_secret", org.properties().clientSecret());
        form.put("refresh_token", org.properties().refreshToken());
        return api.token(org.name(), form).handle((response, failure) -> {
            if (failure == null) {
                TokenResponse body = response.getBody().orElse(null);
                if (body == null) {
                    throw new CompletionException(new IllegalStateException(
                            "token endpoint answered " + response.code() + " without a body"));
                }
                return new TokenAnswer(response.code(), body);
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            // Throttling (Access Denied) is reported as 400 by some clients: keep any parseable body.
            if (cause instanceof HttpClientResponseException e && e.code() < 500) {
                TokenResponse body = e.getResponse().getBody(TokenResponse.class).orElse(null);
                if (body != null) {
                    return new TokenAnswer(e.code(), body);
                }
            }
            throw cause instanceof CompletionException ce ? ce : new CompletionException(cause);
        });
    }
}
