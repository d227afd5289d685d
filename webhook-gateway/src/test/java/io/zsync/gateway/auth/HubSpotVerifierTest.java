package io.zsync.gateway.auth;

import io.zsync.gateway.domain.WebhookRejection;
import io.zsync.gateway.support.Examples;
import io.zsync.zoho.hubspot.HubSpotSignatures;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HubSpotVerifierTest {

    private static final String SECRET = "app-client-secret";
    private static final String URI = "https://sync.example.com/webhooks/hubspot";
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final byte[] BODY = Examples.HUBSPOT_BATCH.getBytes(StandardCharsets.UTF_8);
    private final HubSpotVerifier verifier = new HubSpotVerifier();

    private static String ts(Instant at) {
        return Long.toString(at.toEpochMilli());
    }

    @Test
    void shouldReproduceHubSpotsWorkedV1ExampleWithTheSharedHelper() {
        assertThat(HubSpotSignatures.v1(Examples.HUBSPOT_V1_SECRET, Examples.HUBSPOT_V1_BODY)).isEqualTo(Examples.HUBSPOT_V1_SIGNATURE);
    }

    @Test
    void shouldAcceptAFreshSignatureAndOneFourMinutesOld() {
        for (Instant at : new Instant[] {NOW, NOW.minus(Duration.ofMinutes(4))}) {
            String signature = HubSpotSignatures.v3(SECRET, "POST", URI, Examples.HUBSPOT_BATCH, ts(at));
            assertThatCode(() -> verifier.verify(SECRET, "POST", URI, BODY, ts(at), signature, CLOCK)).doesNotThrowAnyException();
        }
    }

    @Test
    void shouldRejectATimestampOutsideTheFiveMinuteWindow() {
        Instant old = NOW.minus(Duration.ofMinutes(5)).minusMillis(1);
        String signature = HubSpotSignatures.v3(SECRET, "POST", URI, Examples.HUBSPOT_BATCH, ts(old));
        assertReason(ts(old), signature, BODY, WebhookRejection.Reason.STALE_TIMESTAMP);
        assertReason("yesterday", signature, BODY, WebhookRejection.Reason.STALE_TIMESTAMP);
    }

    @Test
    void shouldRejectATamperedBodyOrAnotherUrl() {
        String signature = HubSpotSignatures.v3(SECRET, "POST", URI, Examples.HUBSPOT_BATCH, ts(NOW));
        assertReason(ts(NOW), signature, Examples.HUBSPOT_BATCH.replace("new@x.com", "evil@x.com").getBytes(StandardCharsets.UTF_8),
                WebhookRejection.Reason.BAD_CREDENTIAL);
        String forOtherUrl = HubSpotSignatures.v3(SECRET, "POST", URI + "?x=1", Examples.HUBSPOT_BATCH, ts(NOW));
        assertReason(ts(NOW), forOtherUrl, BODY, WebhookRejection.Reason.BAD_CREDENTIAL);
    }

    @Test
    void shouldRejectMissingHeaders() {
        assertReason(null, "sig", BODY, WebhookRejection.Reason.MISSING_CREDENTIAL);
        assertReason(ts(NOW), " ", BODY, WebhookRejection.Reason.MISSING_CREDENTIAL);
    }

    private void assertReason(String timestamp, String signature, byte[] body, WebhookRejection.Reason reason) {
        assertThatThrownBy(() -> verifier.verify(SECRET, "POST", URI, body, timestamp, signature, CLOCK))
                .isInstanceOfSatisfying(WebhookRejection.class, r -> assertThat(r.reason()).isEqualTo(reason));
    }
}
