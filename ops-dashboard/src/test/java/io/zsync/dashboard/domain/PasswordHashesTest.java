package io.zsync.dashboard.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHashesTest {

    @Test
    void shouldVerifyTheRightPasswordOnly() {
        String hash = PasswordHashes.hash("correct horse".toCharArray(), 1_000);

        assertThat(PasswordHashes.verify("correct horse".toCharArray(), hash)).isTrue();
        assertThat(PasswordHashes.verify("correct horsf".toCharArray(), hash)).isFalse();
    }

    @Test
    void shouldSaltEveryHash() {
        assertThat(PasswordHashes.hash("same".toCharArray(), 1_000)).isNotEqualTo(PasswordHashes.hash("same".toCharArray(), 1_000));
    }

    @Test
    void shouldUseTheDefaultIterationsAndRecordThem() {
        assertThat(PasswordHashes.hash("pw".toCharArray())).startsWith("pbkdf2-sha256$310000$");
    }

    @Test
    void shouldRejectMalformedHashes() {
        assertThat(PasswordHashes.isWellFormed("plain")).isFalse();
        assertThat(PasswordHashes.isWellFormed("pbkdf2-sha256$10$AAAAAAAAAAA$AAAA")).isFalse();
        assertThat(PasswordHashes.verify("x".toCharArray(), "md5$1$2$3")).isFalse();
    }
}
