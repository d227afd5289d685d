package io.zsync.gateway.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialsTest {

    private static final byte[] BODY = "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldCompareSecretsExactly() {
        assertThat(Credentials.constantTimeEquals("s3cret", "s3cret")).isTrue();
        assertThat(Credentials.constantTimeEquals("s3cret", "s3cret ")).isFalse();
        assertThat(Credentials.constantTimeEquals("s3cret", "S3cret")).isFalse();
        assertThat(Credentials.constantTimeEquals("s3cret", null)).isFalse();
    }

    @Test
    void shouldTellMissingFromWrongFromUnconfigured() {
        assertThatThrownBy(() -> Credentials.requireSecret("s", null)).isInstanceOfSatisfying(WebhookRejection.class,
                r -> assertThat(r.reason()).isEqualTo(WebhookRejection.Reason.MISSING_CREDENTIAL));
        assertThatThrownBy(() -> Credentials.requireSecret("s", "t")).isInstanceOfSatisfying(WebhookRejection.class,
                r -> assertThat(r.reason()).isEqualTo(WebhookRejection.Reason.BAD_CREDENTIAL));
        assertThatThrownBy(() -> Credentials.requireSecret(null, "t")).isInstanceOfSatisfying(WebhookRejection.class,
                r -> assertThat(r.reason()).isEqualTo(WebhookRejection.Reason.UNKNOWN_ORG));
    }

    @Test
    void shouldAcceptABodyHmacWithOrWithoutPrefix() {
        String hex = HexFormat.of().formatHex(Credentials.hmacSha256("k", BODY));
        assertThatCode(() -> Credentials.requireBodyHmac("k", BODY, "sha256=" + hex)).doesNotThrowAnyException();
        assertThatCode(() -> Credentials.requireBodyHmac("k", BODY, hex.toUpperCase())).doesNotThrowAnyException();
    }

    @Test
    void shouldRejectABodyHmacOverOtherBytes() {
        String hex = HexFormat.of().formatHex(Credentials.hmacSha256("k", BODY));
        byte[] other = "{\"id\":\"2\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Credentials.requireBodyHmac("k", other, hex)).isInstanceOf(WebhookRejection.class);
        assertThatThrownBy(() -> Credentials.requireBodyHmac("k", BODY, null)).isInstanceOf(WebhookRejection.class);
    }

    @Test
    void shouldMatchAKnownHmacSha256Vector() {
        // RFC 4231 test case 2
        assertThat(HexFormat.of().formatHex(Credentials.hmacSha256("Jefe",
                "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }
}
