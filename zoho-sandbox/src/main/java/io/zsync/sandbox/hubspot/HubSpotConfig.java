package io.zsync.sandbox.hubspot;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.util.Arrays;
import java.util.List;

/**
 * HubSpot settings (§9). Rate limits and webhook details HubSpot documents only loosely are switches [U].
 *
 * @param accessTokens           private-app tokens accepted as {@code Authorization: Bearer} (comma-separated)
 * @param portalId               the portal (account) id in webhook events
 * @param appId                  the app id in webhook events
 * @param burstLimit             requests per burst window (190 per 10 s by default, tier dependent [U])
 * @param burstWindowSeconds     burst window length
 * @param searchPerSecond        search requests per second per token (4–5 [C/U])
 * @param searchMaxLimit         largest search {@code limit} (200, older 100 [U])
 * @param maxBatchSize           events per webhook POST (up to 100 [U])
 * @param apiChangeSource        {@code changeSource} of events caused by API writes [U]
 * @param propertyChangeOnCreate also send propertyChange events for properties set at creation [U]
 * @param searchIndexDelayMs     writes younger than this are not yet searchable ("may lag by seconds" [C])
 */
@ConfigurationProperties(HubSpotConfig.PREFIX)
public record HubSpotConfig(
        String accessTokens,
        long portalId,
        long appId,
        int burstLimit,
        long burstWindowSeconds,
        int searchPerSecond,
        int searchMaxLimit,
        int maxBatchSize,
        String apiChangeSource,
        boolean propertyChangeOnCreate,
        long searchIndexDelayMs) {

    public static final String PREFIX = "sandbox.hubspot";

    public List<String> tokens() {
        return Arrays.stream(accessTokens.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
