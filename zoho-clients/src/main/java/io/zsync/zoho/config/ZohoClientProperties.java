package io.zsync.zoho.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Settings shared by every org ({@code zsync.zoho.*}): when to refresh tokens, how long a caller may wait for
 * budget, and how hard to back off when Zoho Accounts throttles token minting.
 *
 * @param tokenRefreshMargin        refresh this long before expiry (zoho-api.md §2.4: 1–5 min)
 * @param budgetMaxWait             longest a call waits for a rate or concurrency permit before failing retryably
 * @param accessDeniedBackoff       first pause after an {@code Access Denied} token answer
 * @param accessDeniedMaxBackoff    cap of the doubling pause (Accounts blocks minting for up to 10 min)
 */
@ConfigurationProperties(ZohoClientProperties.PREFIX)
public record ZohoClientProperties(
        @Bindable(defaultValue = "PT2M") Duration tokenRefreshMargin,
        @Bindable(defaultValue = "PT5S") Duration budgetMaxWait,
        @Bindable(defaultValue = "PT30S") Duration accessDeniedBackoff,
        @Bindable(defaultValue = "PT10M") Duration accessDeniedMaxBackoff) {

    public static final String PREFIX = "zsync.zoho";

    /** The defaults, for code that builds the clients without a context (tests). */
    public static ZohoClientProperties defaults() {
        return new ZohoClientProperties(Duration.ofMinutes(2), Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofMinutes(10));
    }
}
