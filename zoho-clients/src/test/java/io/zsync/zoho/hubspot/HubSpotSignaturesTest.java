package io.zsync.zoho.hubspot;

import io.zsync.zoho.support.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class HubSpotSignaturesTest {
    // zoho-api.md §9.3: HubSpot's own worked v1 example.
    private static final String SECRET = "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy";
    private static final String BODY = "[{\"eventId\":1,\"subscriptionId\":12345,\"portalId\":62515,"
            + "\"occurredAt\":1564113600000,\"subscriptionType\":\"contact.creation\",\"attemptNumber\":0,"
            + "\"objectId\":123,\"changeSource\":\"CRM\",\"changeFlag\":\"NEW\",\"appId\":54321}]";
    private static final String EXPECTED_V1 = "232db2615f3d666fe21a8ec971ac7b5402d33b9a925784df3ca654d05f4817de";

    @Test
    void shouldReproduceHubSpotsV1TestVector() {
        assertThat(HubSpotSignatures.v1(SECRET, BODY)).isEqualTo(EXPECTED_V1);
        assertThat(HubSpotSignatures.verifyV1(SECRET, BODY, EXPECTED_V1)).isTrue();
        assertThat(HubSpotSignatures.verifyV1(SECRET, BODY + " ", EXPECTED_V1)).isFalse();
    }

    @Test
    void shouldAcceptAFreshV3SignatureAndRejectTamperingAndReplays() {
        MutableClock clock = new MutableClock(Instant.ofEpochMilli(1_708_986_600_000L));
        String ts = "1708986598741";
        String uri = "https://sync.example.com/hooks/hubspot?tenant=acme";
        String sig = HubSpotSignatures.v3(SECRET, "POST", uri, BODY, ts);

        assertThat(HubSpotSignatures.verifyV3(SECRET, "POST", uri, BODY, ts, sig, clock)).isTrue();
        assertThat(HubSpotSignatures.verifyV3(SECRET, "POST", uri, BODY.replace("123", "124"), ts, sig, clock)).isFalse();
        assertThat(HubSpotSignatures.verifyV3("other-secret", "POST", uri, BODY, ts, sig, clock)).isFalse();

        clock.advance(Duration.ofMinutes(6)); // older than 5 minutes: a replay
        assertThat(HubSpotSignatures.verifyV3(SECRET, "POST", uri, BODY, ts, sig, clock)).isFalse();
    }

    @Test
    void shouldHashTheUriWithHubSpotsEscapesDecoded() {
        String ts = "1708986598741";
        String encoded = "https://x.example/hook%3Fa%3Db%2Cc%40d";
        String decoded = "https://x.example/hook?a%3Db,c@d"; // %3D is not in HubSpot's list

        assertThat(HubSpotSignatures.decodeUri(encoded)).isEqualTo("https://x.example/hook?a%3Db,c@d");
        assertThat(HubSpotSignatures.v3(SECRET, "POST", encoded, BODY, ts))
                .isEqualTo(HubSpotSignatures.v3(SECRET, "POST", decoded, BODY, ts));
    }

    @Test
    void shouldComputeV2OverMethodUriAndBody() {
        String v2 = HubSpotSignatures.v2(SECRET, "POST", "https://x.example/hook", BODY);

        assertThat(v2).hasSize(64).isNotEqualTo(EXPECTED_V1);
        assertThat(HubSpotSignatures.verifyV2(SECRET, "POST", "https://x.example/hook", BODY, v2)).isTrue();
    }
}
