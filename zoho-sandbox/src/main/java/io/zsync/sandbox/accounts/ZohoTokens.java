package io.zsync.sandbox.accounts;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * Reads the {@code Authorization: Zoho-oauthtoken <token>} header every Zoho API call carries (§1.2)
 * and asks the token store about it; {@code Bearer} is accepted only when configured, as that is [U].
 */
@Singleton
public class ZohoTokens {

    private static final String ZOHO_SCHEME = "Zoho-oauthtoken ";
    private static final String BEARER_SCHEME = "Bearer ";

    private final OAuthStore store;
    private final AccountsConfig config;

    public ZohoTokens(OAuthStore store, AccountsConfig config) {
        this.store = store;
        this.config = config;
    }

    public OAuthStore.TokenState check(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            return OAuthStore.TokenState.MISSING;
        }
        if (header.regionMatches(true, 0, ZOHO_SCHEME, 0, ZOHO_SCHEME.length())) {
            return store.check(header.substring(ZOHO_SCHEME.length()).trim());
        }
        if (config.acceptBearer() && header.regionMatches(true, 0, BEARER_SCHEME, 0, BEARER_SCHEME.length())) {
            return store.check(header.substring(BEARER_SCHEME.length()).trim());
        }
        return OAuthStore.TokenState.MISSING;
    }
}
