package io.zsync.gateway.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * The HubSpot app whose webhooks the gateway receives ({@code zsync.gateway.hubspot.*}).
 *
 * @param clientSecret the app's client secret: the v3 signature key (from the environment)
 */
@ConfigurationProperties(HubSpotProperties.PREFIX)
public record HubSpotProperties(@Nullable String clientSecret) {

    public static final String PREFIX = "zsync.gateway.hubspot";

    @Override
    public String toString() {
        return "HubSpotProperties[clientSecret=" + Redact.of(clientSecret) + "]";
    }
}
