package io.zsync.cli.domain;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeArgumentTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void shouldReadAnIsoInstant() {
        assertThat(TimeArgument.parse("2026-11-27T10:00:00Z", CLOCK)).isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
    }

    @Test
    void shouldReadAgesRelativeToNow() {
        assertThat(TimeArgument.parse("90m", CLOCK)).isEqualTo(Instant.parse("2026-11-27T10:30:00Z"));
        assertThat(TimeArgument.parse("6h", CLOCK)).isEqualTo(Instant.parse("2026-11-27T06:00:00Z"));
        assertThat(TimeArgument.parse("2d", CLOCK)).isEqualTo(Instant.parse("2026-11-25T12:00:00Z"));
        assertThat(TimeArgument.parse("30s", CLOCK)).isEqualTo(Instant.parse("2026-11-27T11:59:30Z"));
    }

    @Test
    void shouldRejectAnythingElseNamingTheInput() {
        assertThatThrownBy(() -> TimeArgument.parse("tuesday", CLOCK)).hasMessageContaining("'tuesday'");
        assertThatThrownBy(() -> TimeArgument.parse("5w", CLOCK)).isInstanceOf(IllegalArgumentException.class);
    }
}
