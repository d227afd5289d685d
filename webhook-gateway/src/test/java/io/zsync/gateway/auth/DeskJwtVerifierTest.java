package io.zsync.gateway.auth;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.zsync.gateway.config.DeskOrgProperties;
import io.zsync.gateway.domain.WebhookRejection;
import io.zsync.gateway.support.JwksServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeskJwtVerifierTest {

    private static final String ORG = "54983163";
    private static final Instant NOW = Instant.now();
    private final JwksServer jwks = new JwksServer();
    private final DeskJwtVerifier verifier = new DeskJwtVerifier();
    private final DeskOrgProperties org = new DeskOrgProperties("dev", ORG, jwks.url(), List.of("777"),
            Duration.ofHours(1), Duration.ZERO, Duration.ofSeconds(60));

    @AfterEach
    void stop() {
        jwks.close();
    }

    private String token(long exp) {
        return JwksServer.sign(jwks.currentKey(), JwksServer.claims(ORG, "777", exp));
    }

    @Test
    void shouldAcceptAValidTokenWithExpInSecondsOrMilliseconds() {
        assertThatCode(() -> verifier.verify(org, token(NOW.plusSeconds(300).getEpochSecond()), NOW)).doesNotThrowAnyException();
        assertThatCode(() -> verifier.verify(org, token(NOW.plusSeconds(300).toEpochMilli()), NOW)).doesNotThrowAnyException();
    }

    @Test
    void shouldCacheTheKeysAndRefetchThemForAnUnknownKid() {
        verifier.verify(org, token(NOW.plusSeconds(300).getEpochSecond()), NOW);
        verifier.verify(org, token(NOW.plusSeconds(301).getEpochSecond()), NOW);
        assertThat(jwks.fetches()).as("second token served from the cache").isEqualTo(1);

        jwks.rotate();
        assertThatCode(() -> verifier.verify(org, token(NOW.plusSeconds(300).getEpochSecond()), NOW)).doesNotThrowAnyException();
        assertThat(jwks.fetches()).as("unknown kid forced one refresh").isEqualTo(2);
    }

    @Test
    void shouldRejectExpiredTokensInEitherUnit() {
        assertReason(token(NOW.minusSeconds(600).getEpochSecond()), WebhookRejection.Reason.STALE_TIMESTAMP);
        assertReason(token(NOW.minusSeconds(600).toEpochMilli()), WebhookRejection.Reason.STALE_TIMESTAMP);
    }

    @Test
    void shouldRejectWrongIssuerAudienceOrSigner() throws Exception {
        long exp = NOW.plusSeconds(300).getEpochSecond();
        assertReason(JwksServer.sign(jwks.currentKey(), JwksServer.claims("1111", "777", exp)), WebhookRejection.Reason.BAD_CREDENTIAL);
        assertReason(JwksServer.sign(jwks.currentKey(), JwksServer.claims(ORG, "888", exp)), WebhookRejection.Reason.BAD_CREDENTIAL);
        assertReason(JwksServer.sign(jwks.currentKey(), Map.of("iss", "orgId:" + ORG, "aud", "webhookId:777")), WebhookRejection.Reason.BAD_CREDENTIAL);
        RSAKey stranger = new RSAKeyGenerator(2048).keyID(jwks.currentKey().getKeyID()).generate();
        assertReason(JwksServer.sign(stranger, JwksServer.claims(ORG, "777", exp)), WebhookRejection.Reason.BAD_CREDENTIAL);
    }

    @Test
    void shouldRejectMissingOrGarbledTokens() {
        assertReason(null, WebhookRejection.Reason.MISSING_CREDENTIAL);
        assertReason("not.a.jwt", WebhookRejection.Reason.BAD_CREDENTIAL);
        // an unsigned token ("alg":"none") must never pass
        String none = "eyJhbGciOiJub25lIn0." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("{\"iss\":\"orgId:" + ORG + "\",\"aud\":\"webhookId:777\",\"exp\":9999999999}").getBytes()) + ".";
        assertReason(none, WebhookRejection.Reason.BAD_CREDENTIAL);
    }

    @Test
    void shouldReportAnUnreachableJwksAsUnavailableNotAsTheSendersFault() {
        DeskOrgProperties unreachable = new DeskOrgProperties("dev", ORG, "http://127.0.0.1:1/.well-known/jwks.json", List.of(),
                Duration.ofHours(1), Duration.ZERO, Duration.ofSeconds(60));
        assertThatThrownBy(() -> verifier.verify(unreachable, token(NOW.plusSeconds(300).getEpochSecond()), NOW))
                .isInstanceOf(KeysUnavailable.class);
    }

    private void assertReason(String jwt, WebhookRejection.Reason reason) {
        assertThatThrownBy(() -> verifier.verify(org, jwt, NOW))
                .isInstanceOfSatisfying(WebhookRejection.class, r -> assertThat(r.reason()).isEqualTo(reason));
    }
}
