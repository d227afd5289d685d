package io.zsync.dashboard.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HealthRulesTest {

    private static final AlertThresholds T = AlertThresholds.defaults(); // warn 5 %, down 25 %, min 5 events
    private static final long NOW = 1_000_000_000L;

    static FlowStats stats(int ok, int failed) {
        FlowStats s = FlowStats.empty();
        for (int i = 0; i < ok; i++) {
            s = s.with(new Outcome("r", "f", "e" + i, OutcomeStatus.SUCCEEDED, null, List.of(), 1, 1, 10L, 0,
                    null, null, null, null, "t", Map.of()));
        }
        for (int i = 0; i < failed; i++) {
            s = s.with(new Outcome("r", "f", "x" + i, OutcomeStatus.DEAD_LETTERED, null, List.of(), 1, 0, null, 0,
                    "E", null, null, null, "t", Map.of()));
        }
        return s;
    }

    static GroupLag lag(long lag, Long pendingSinceMs) {
        return new GroupLag("crm-books-service", true, List.of(new PartitionLag("t", 0, 100, 100 + lag,
                pendingSinceMs == null ? null : NOW - pendingSinceMs)), NOW);
    }

    @Test
    void shouldNotJudgeAFlowWithTooFewEvents() {
        Verdict v = HealthRules.forFlow("f", stats(0, 4), T); // 100 % of 4 events

        assertThat(v.level()).isEqualTo(HealthLevel.UP);
        assertThat(v.reason()).contains("not judged");
    }

    @Test
    void shouldWarnAtTheWarnRate() {
        assertThat(HealthRules.forFlow("f", stats(19, 1), T).level()).isEqualTo(HealthLevel.WARN); // exactly 5 %
    }

    @Test
    void shouldGoDownAtTheDownRateWithTheNumbersInTheReason() {
        Verdict v = HealthRules.forFlow("crm-contact-to-books-customer", stats(6, 2), T); // 25 %

        assertThat(v.level()).isEqualTo(HealthLevel.DOWN);
        assertThat(v.reason()).contains("crm-contact-to-books-customer").contains("2 of 8").contains("25.0 %");
    }

    @Test
    void shouldStayUpBelowTheWarnRate() {
        assertThat(HealthRules.forFlow("f", stats(99, 1), T).level()).isEqualTo(HealthLevel.UP);
    }

    @Test
    void shouldCallAGroupWithoutCommitsUnknown() {
        assertThat(HealthRules.forGroup(new GroupLag("g", false, List.of(), NOW), T).level())
                .isEqualTo(HealthLevel.UNKNOWN);
    }

    @Test
    void shouldWarnOnLagAndGoDownOnMoreLag() {
        assertThat(HealthRules.forGroup(lag(999, 1_000L), T).level()).isEqualTo(HealthLevel.UP);
        assertThat(HealthRules.forGroup(lag(1_000, 1_000L), T).level()).isEqualTo(HealthLevel.WARN);
        assertThat(HealthRules.forGroup(lag(10_000, 1_000L), T).level()).isEqualTo(HealthLevel.DOWN);
    }

    @Test
    void shouldJudgeTheOldestUnprocessedEventsAge() {
        Verdict warn = HealthRules.forGroup(lag(3, Duration.ofMinutes(6).toMillis()), T);
        Verdict down = HealthRules.forGroup(lag(3, Duration.ofMinutes(31).toMillis()), T);

        assertThat(warn.level()).isEqualTo(HealthLevel.WARN);
        assertThat(warn.reason()).contains("6 min old");
        assertThat(down.level()).isEqualTo(HealthLevel.DOWN);
    }

    @Test
    void shouldNotCountLagWhenNothingIsPending() {
        GroupLag caughtUp = new GroupLag("g", true, List.of(new PartitionLag("t", 0, 100, 100, null)), NOW);

        assertThat(caughtUp.totalLag()).isZero();
        assertThat(caughtUp.oldestUnprocessedAgeMs()).isNull();
        assertThat(new PartitionLag("t", 0, 105, 100, null).lag()).isZero();
    }

    @Test
    void shouldTakeTheWorstVerdictWithItsReasons() {
        Verdict worst = Verdict.worst(List.of(Verdict.up("a"), new Verdict(HealthLevel.WARN, "b"),
                new Verdict(HealthLevel.DOWN, "c"), new Verdict(HealthLevel.DOWN, "d")));

        assertThat(worst.level()).isEqualTo(HealthLevel.DOWN);
        assertThat(worst.reason()).isEqualTo("c; d");
        assertThat(Verdict.worst(List.of()).level()).isEqualTo(HealthLevel.UP);
    }

    @Test
    void shouldRejectAWarnThresholdAboveItsDownThreshold() {
        assertThatThrownBy(() -> new AlertThresholds(Duration.ofMinutes(5), 1, 0.5, 0.1, 1, 2, Duration.ofMinutes(1),
                Duration.ofMinutes(2))).isInstanceOf(IllegalArgumentException.class);
    }
}
