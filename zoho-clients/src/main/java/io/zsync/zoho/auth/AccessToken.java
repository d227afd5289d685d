package io.zsync.zoho.auth;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * A cached Zoho access token with its expiry and the {@code api_domain} it was issued for.
 *
 * @param value      token value (secret)
 * @param expiresAt  when Zoho stops accepting it
 * @param apiDomain  API host from the token response
 */
public record AccessToken(String value, Instant expiresAt, @Nullable String apiDomain) {

    /** Whether the token is still usable at {@code now} with {@code marginSeconds} to spare. */
    public boolean freshAt(Instant now, java.time.Duration margin) {
        return now.plus(margin).isBefore(expiresAt);
    }

    /** The header value: Zoho wants {@code Zoho-oauthtoken}, not {@code Bearer} (zoho-api.md §1.2). */
    public String authorizationHeader() {
        return "Zoho-oauthtoken " + value;
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "AccessToken[value=<redacted>, expiresAt=" + expiresAt + ", apiDomain=" + apiDomain + "]";
    }
}
