package io.zsync.sandbox.hubspot;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** zoho-api.md §9.3: HubSpot's own worked example is the test vector for the v1 signature. */
class HubSpotSignaturesTest {

    // §9.3 worked v1 example from HubSpot: secret, body and expected hex digest, verbatim.
    static final String SECRET = "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy";
    static final String BODY = "[{\"eventId\":1,\"subscriptionId\":12345,\"portalId\":62515,\"occurredAt\":1564113600000,"
            + "\"subscriptionType\":\"contact.creation\",\"attemptNumber\":0,\"objectId\":123,\"changeSource\":\"CRM\","
            + "\"changeFlag\":\"NEW\",\"appId\":54321}]";
    static final String EXPECTED_V1 = "232db2615f3d666fe21a8ec971ac7b5402d33b9a925784df3ca654d05f4817de";

    @Test
    void shouldReproduceHubSpotsV1TestVector() {
        assertThat(HubSpotSignatures.v1(SECRET, BODY.getBytes(StandardCharsets.UTF_8))).isEqualTo(EXPECTED_V1);
    }

    @Test
    void shouldChangeTheV3SignatureWithAnyPartOfTheMessage() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        String base = HubSpotSignatures.v3(SECRET, "POST", "https://example.com/hook", body, "1564113600000");

        assertThat(base).isNotEqualTo(HubSpotSignatures.v3(SECRET, "POST", "https://example.com/hook", body, "1564113600001"));
        assertThat(base).isNotEqualTo(HubSpotSignatures.v3(SECRET, "POST", "https://example.com/other", body, "1564113600000"));
        assertThat(base).isNotEqualTo(HubSpotSignatures.v3("other", "POST", "https://example.com/hook", body, "1564113600000"));
    }
}
