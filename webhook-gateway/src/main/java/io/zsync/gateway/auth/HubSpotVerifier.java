package io.zsync.gateway.auth;

import io.zsync.gateway.domain.WebhookRejection;
import io.zsync.zoho.hubspot.HubSpotSignatures;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * HubSpot webhooks are accepted only with a valid v3 signature (zoho-api.md §9.3) whose timestamp is within
 * five minutes of now. The signature math is zoho-clients' {@link HubSpotSignatures}; this class only tells
 * the failure reasons apart for metrics (the answer is the same 401 for all of them).
 */
@Singleton
public class HubSpotVerifier {

    public void verify(String clientSecret, String method, String calledUrl, byte[] rawBody,
                       String timestamp, String signature, Clock clock) {
        if (signature == null || signature.isBlank() || timestamp == null || timestamp.isBlank()) {
            throw WebhookRejection.unauthenticated(WebhookRejection.Reason.MISSING_CREDENTIAL);
        }
        if (clientSecret == null || clientSecret.isEmpty()) {
            throw WebhookRejection.unauthenticated(WebhookRejection.Reason.UNKNOWN_ORG);
        }
        if (outsideWindow(timestamp, clock.instant())) {
            throw WebhookRejection.unauthenticated(WebhookRejection.Reason.STALE_TIMESTAMP);
        }
        // HubSpot signs UTF-8 JSON; bytes that are not UTF-8 change on decoding and so fail, as they should
        String body = new String(rawBody, StandardCharsets.UTF_8);
        if (!HubSpotSignatures.verifyV3(clientSecret, method, calledUrl, body, timestamp, signature.trim(), clock)) {
            throw WebhookRejection.unauthenticated(WebhookRejection.Reason.BAD_CREDENTIAL);
        }
    }

    private static boolean outsideWindow(String timestamp, Instant now) {
        try {
            Instant at = Instant.ofEpochMilli(Long.parseLong(timestamp.trim()));
            return Duration.between(at, now).abs().compareTo(HubSpotSignatures.MAX_AGE) > 0;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
