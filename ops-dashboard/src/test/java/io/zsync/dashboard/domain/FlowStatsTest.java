package io.zsync.dashboard.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FlowStatsTest {

    static Outcome outcome(OutcomeStatus status, int attempts, int apiCalls, Long latency) {
        return new Outcome("r", "f", "e", status, null, List.of(), attempts, apiCalls, latency, 0, null, null, null,
                null, "t", Map.of());
    }

    @Test
    void shouldHaveNoFailureRateWithoutEvents() {
        assertThat(FlowStats.empty().failureRate()).isZero();
        assertThat(FlowStats.empty().apiCallsPerEvent()).isZero();
    }

    @Test
    void shouldCountFailedAndDeadLetteredAsFailures() {
        FlowStats s = FlowStats.empty()
                .with(outcome(OutcomeStatus.SUCCEEDED, 1, 1, 10L))
                .with(outcome(OutcomeStatus.SKIPPED, 1, 0, 10L))
                .with(outcome(OutcomeStatus.FAILED, 1, 1, 10L))
                .with(outcome(OutcomeStatus.DEAD_LETTERED, 3, 0, null));

        assertThat(s.total()).isEqualTo(4);
        assertThat(s.failures()).isEqualTo(2);
        assertThat(s.failureRate()).isEqualTo(0.5);
    }

    @Test
    void shouldLeaveDeadLettersOutOfTheLatency() {
        FlowStats s = FlowStats.empty().with(outcome(OutcomeStatus.DEAD_LETTERED, 3, 0, 99_000L));

        assertThat(s.latency().count()).isZero();
    }

    @Test
    void shouldMergeMinutesIntoAWindow() {
        FlowStats a = FlowStats.empty().with(outcome(OutcomeStatus.SUCCEEDED, 2, 3, 100L));
        FlowStats b = FlowStats.empty().with(outcome(OutcomeStatus.FAILED, 5, 1, 900L));

        FlowStats merged = a.merge(b);

        assertThat(merged.total()).isEqualTo(2);
        assertThat(merged.retries()).isEqualTo(5);
        assertThat(merged.maxAttempts()).isEqualTo(5);
        assertThat(merged.apiCalls()).isEqualTo(4);
        assertThat(merged.apiCallsPerEvent()).isEqualTo(2.0);
        assertThat(merged.latency().count()).isEqualTo(2);
    }
}
