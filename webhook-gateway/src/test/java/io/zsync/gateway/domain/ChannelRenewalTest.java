package io.zsync.gateway.domain;

import io.zsync.gateway.domain.ChannelRenewal.Action;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelRenewalTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00.123Z");
    private static final Duration DAY = Duration.ofDays(1);

    @Test
    void shouldSubscribeAChannelZohoDoesNotKnow() {
        ChannelRenewal.Decision d = ChannelRenewal.decide(null, NOW, DAY, Duration.ofDays(7));
        assertThat(d.action()).isEqualTo(Action.SUBSCRIBE);
        assertThat(d.newExpiry()).as("under a week, whole seconds").isEqualTo(Instant.parse("2026-12-03T09:59:00Z"));
    }

    @Test
    void shouldResubscribeAnExpiredChannel() {
        assertThat(ChannelRenewal.decide(NOW.minusSeconds(1), NOW, DAY, Duration.ofDays(7)).action()).isEqualTo(Action.SUBSCRIBE);
    }

    @Test
    void shouldRenewOnlyWithinTheRenewalWindow() {
        assertThat(ChannelRenewal.decide(NOW.plus(Duration.ofHours(23)), NOW, DAY, Duration.ofDays(7)).action()).isEqualTo(Action.RENEW);
        assertThat(ChannelRenewal.decide(NOW.plus(DAY), NOW, DAY, Duration.ofDays(7)).action()).isEqualTo(Action.RENEW);
        ChannelRenewal.Decision later = ChannelRenewal.decide(NOW.plus(Duration.ofHours(25)), NOW, DAY, Duration.ofDays(7));
        assertThat(later.action()).isEqualTo(Action.NOTHING);
        assertThat(later.newExpiry()).isNull();
    }

    @Test
    void shouldNeverAskForMoreThanAWeek() {
        ChannelRenewal.Decision d = ChannelRenewal.decide(null, NOW, DAY, Duration.ofDays(30));
        assertThat(Duration.between(NOW, d.newExpiry())).isLessThan(Duration.ofDays(7));
        assertThat(ChannelRenewal.decide(null, NOW, DAY, Duration.ofHours(2)).newExpiry()).isEqualTo(Instant.parse("2026-11-26T12:00:00Z"));
    }
}
