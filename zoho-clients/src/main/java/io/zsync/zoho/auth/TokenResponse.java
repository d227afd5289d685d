package io.zsync.zoho.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Body of {@code POST /oauth/v2/token}. Zoho Accounts reports most failures with HTTP 200 and an {@code error}
 * key (zoho-api.md §2.3), so {@link #error()} must be checked before {@link #accessToken()}.
 *
 * @param accessToken      the access token (secret)
 * @param apiDomain        API host to use for CRM/Books/Creator
 * @param tokenType        {@code Bearer} (the header prefix is still {@code Zoho-oauthtoken})
 * @param expiresIn        seconds on current products (milliseconds on legacy ones, next to {@code expires_in_sec})
 * @param expiresInSec     seconds, legacy products; preferred when present
 * @param scope            granted scopes, when returned
 * @param error            error code ({@code invalid_code}, {@code invalid_client}, {@code Access Denied}, ...)
 * @param errorDescription error text
 * @param status           {@code failure} on some throttle answers
 */
@Serdeable
public record TokenResponse(
        @JsonProperty("access_token") @Nullable String accessToken,
        @JsonProperty("api_domain") @Nullable String apiDomain,
        @JsonProperty("token_type") @Nullable String tokenType,
        @JsonProperty("expires_in") @Nullable Long expiresIn,
        @JsonProperty("expires_in_sec") @Nullable Long expiresInSec,
        @JsonProperty("scope") @Nullable String scope,
        @JsonProperty("error") @Nullable String error,
        @JsonProperty("error_description") @Nullable String errorDescription,
        @JsonProperty("status") @Nullable String status) {

    /** Lifetime in seconds: {@code expires_in_sec} when present, else {@code expires_in} read as seconds. */
    public long lifetimeSeconds() {
        if (expiresInSec != null && expiresInSec > 0) {
            return expiresInSec;
        }
        return expiresIn != null && expiresIn > 0 ? expiresIn : 3600;
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "TokenResponse[accessToken=" + (accessToken == null ? "<none>" : "<redacted>") + ", apiDomain="
                + apiDomain + ", expiresIn=" + expiresIn + ", expiresInSec=" + expiresInSec + ", error=" + error + "]";
    }
}
