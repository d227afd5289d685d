package io.zsync.sync.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    private static final Backoff BACKOFF = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), 8, Duration.ofSeconds(60));

    @Test
    void shouldDoubleEachAttemptWithinJitter() {
        assertThat(BACKOFF.delayAfter(1, Optional.empty(), () -> 0.999)).isBetween(Duration.ofMillis(499), Duration.ofMillis(500));
        assertThat(BACKOFF.delayAfter(1, Optional.empty(), () -> 0.0)).isEqualTo(Duration.ofMillis(250));
        assertThat(BACKOFF.delayAfter(3, Optional.empty(), () -> 0.999)).isBetween(Duration.ofMillis(1995), Duration.ofMillis(2000));
    }

    @Test
    void shouldNeverExceedTheCap() {
        assertThat(BACKOFF.delayAfter(20, Optional.empty(), () -> 0.999)).isLessThanOrEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shouldHonourRetryAfterWhenLonger() {
        assertThat(BACKOFF.delayAfter(1, Optional.of(Duration.ofSeconds(7)), () -> 0.5)).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void shouldCapAHostileRetryAfter() {
        assertThat(BACKOFF.delayAfter(1, Optional.of(Duration.ofDays(3)), () -> 0.5)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void shouldStopAfterMaxAttempts() {
        assertThat(BACKOFF.allowsAnotherAfter(7)).isTrue();
        assertThat(BACKOFF.allowsAnotherAfter(8)).isFalse();
    }
}
