package io.zsync.zoho.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * One HubSpot portal ({@code zsync.hubspot.accounts.<name>.*}) reached with a private-app token, which does
 * not expire and cannot be refreshed, so an auth failure there is a configuration error, never a retry.
 *
 * @param name                    the account key
 * @param accessToken             private-app token (secret, from the environment)
 * @param baseUrl                 API origin (default {@code https://api.hubapi.com}; the sandbox in tests)
 * @param requestsPerTenSeconds   burst budget (zoho-api.md §9.1: 100–190 per 10 s by tier, [U])
 * @param searchPerSecond         search budget (zoho-api.md §9.1: about 4 per second per token)
 * @param dailyCap                daily call cap, 0 for none
 */
@EachProperty("zsync.hubspot.accounts")
public record HubSpotAccountProperties(
        @Parameter String name,
        @Nullable String accessToken,
        @Bindable(defaultValue = "https://api.hubapi.com") String baseUrl,
        @Bindable(defaultValue = "190") int requestsPerTenSeconds,
        @Bindable(defaultValue = "4") int searchPerSecond,
        @Bindable(defaultValue = "0") int dailyCap) {

    /** Secrets are never printed. */
    @Override
    public String toString() {
        return "HubSpotAccountProperties[name=" + name + ", accessToken=" + ZohoOrgProperties.redact(accessToken)
                + ", baseUrl=" + baseUrl + ", requestsPerTenSeconds=" + requestsPerTenSeconds
                + ", searchPerSecond=" + searchPerSecond + ", dailyCap=" + dailyCap + "]";
    }
}
