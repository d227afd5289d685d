package io.zsync.gateway.domain;

import io.zsync.gateway.support.Examples;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HubSpotSignaturesTest {

    private static final String SECRET = "app-client-secret";
    private static final String URI = "https://sync.example.com/webhooks/hubspot";
    private static final byte[] BODY = Examples.HUBSPOT_BATCH.getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final String TS = Long.toString(NOW.toEpochMilli());

    @Test
    void shouldReproduceHubSpotsWorkedV1Example() {
        assertThat(HubSpotSignatures.v1(Examples.HUBSPOT_V1_SECRET, Examples.HUBSPOT_V1_BODY.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Examples.HUBSPOT_V1_SIGNATURE);
    }

    @Test
    void shouldAcceptAFreshCorrectV3Signature() {
        String signature = HubSpotSignatures.v3(SECRET, "POST", URI, BODY, TS);
        assertThatCode(() -> HubSpotSignatures.requireV3(SECRET, "POST", URI, BODY, TS, signature, NOW)).doesNotThrowAnyException();
    }

    @Test
    void shouldAcceptASignatureFourMinutesOld() {
        String ts = Long.toString(NOW.minus(Duration.ofMinutes(4)).toEpochMilli());
        String signature = HubSpotSignatures.v3(SECRET, "POST", URI, BODY, ts);
        assertThatCode(() -> HubSpotSignatures.requireV3(SECRET, "POST", URI, BODY, ts, signature, NOW)).doesNotThrowAnyException();
    }

    @Test
    void shouldRejectASignatureOlderThanFiveMinutes() {
        String ts = Long.toString(NOW.minus(Duration.ofMinutes(5)).minusMillis(1).toEpochMilli());
        String signature = HubSpotSignatures.v3(SECRET, "POST", URI, BODY, ts);
        assertThatThrownBy(() -> HubSpotSignatures.requireV3(SECRET, "POST", URI, BODY, ts, signature, NOW))
                .isInstanceOfSatisfying(WebhookRejection.class, r -> assertThat(r.reason()).isEqualTo(WebhookRejection.Reason.STALE_TIMESTAMP));
    }

    @Test
    void shouldRejectATamperedBody() {
        String signature = HubSpotSignatures.v3(SECRET, "POST", URI, BODY, TS);
        byte[] tampered = Examples.HUBSPOT_BATCH.replace("new@x.com", "evil@x.com").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> HubSpotSignatures.requireV3(SECRET, "POST", URI, tampered, TS, signature, NOW))
                .isInstanceOfSatisfying(WebhookRejection.class, r -> assertThat(r.reason()).isEqualTo(WebhookRejection.Reason.BAD_CREDENTIAL));
    }

    @Test
    void shouldRejectAnotherSecretOrUrl() {
        String signature = HubSpotSignatures.v3("other-secret", "POST", URI, BODY, TS);
        assertThatThrownBy(() -> HubSpotSignatures.requireV3(SECRET, "POST", URI, BODY, TS, signature, NOW))
                .isInstanceOf(WebhookRejection.class);
        String forOtherUrl = HubSpotSignatures.v3(SECRET, "POST", URI + "?x=1", BODY, TS);
        assertThatThrownBy(() -> HubSpotSignatures.requireV3(SECRET, "POST", URI, BODY, TS, forOtherUrl, NOW))
                .isInstanceOf(WebhookRejection.class);
    }

    @Test
    void shouldRejectMissingHeadersAsMissingCredential() {
        assertThatThrownBy(() -> HubSpotSignatures.requireV3(SECRET, "POST", URI, BODY, null, "x", NOW))
                .isInstanceOfSatisfying(WebhookRejection.class, r -> assertThat(r.reason()).isEqualTo(WebhookRejection.Reason.MISSING_CREDENTIAL));
        assertThatThrownBy(() -> HubSpotSignatures.requireV3(SECRET, "POST", URI, BODY, TS, "", NOW))
                .isInstanceOfSatisfying(WebhookRejection.class, r -> assertThat(r.kind()).isEqualTo(WebhookRejection.Kind.UNAUTHENTICATED));
    }

    @Test
    void shouldHashTheDecodedFormOfTheListedCharacters() {
        String encoded = "https://sync.example.com/webhooks/hubspot?next=%2Fa%3Ab";
        String decoded = "https://sync.example.com/webhooks/hubspot?next=/a:b";
        assertThat(HubSpotSignatures.v3(SECRET, "POST", encoded, BODY, TS)).isEqualTo(HubSpotSignatures.v3(SECRET, "POST", decoded, BODY, TS));
    }
}
