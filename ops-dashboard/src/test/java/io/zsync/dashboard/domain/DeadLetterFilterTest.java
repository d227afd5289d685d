package io.zsync.dashboard.domain;

import org.junit.jupiter.api.Test;

import static io.zsync.dashboard.Fixtures.CONTACTS_FLOW;
import static io.zsync.dashboard.Fixtures.DEALS_FLOW;
import static io.zsync.dashboard.Fixtures.T0;
import static io.zsync.dashboard.Fixtures.deadLetter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeadLetterFilterTest {

    private final DeadLetterEntry entry = DeadLetterEntry.open(deadLetter(CONTACTS_FLOW, "c1", "e1", "INVALID_DATA", T0, 0));

    private static DeadLetterFilter filter(String flow, String code, java.time.Instant from, java.time.Instant to,
                                           String eventId, String recordId, DeadLetterFilter.State state) {
        return new DeadLetterFilter(flow, code, from, to, eventId, recordId, state);
    }

    @Test
    void shouldMatchEverythingOpenWithoutCriteria() {
        assertThat(DeadLetterFilter.open().matches(entry)).isTrue();
    }

    @Test
    void shouldMatchByFlowAndCodeIgnoringTheCodesCase() {
        assertThat(filter(CONTACTS_FLOW, "invalid_data", null, null, null, null, null).matches(entry)).isTrue();
        assertThat(filter(DEALS_FLOW, null, null, null, null, null, null).matches(entry)).isFalse();
        assertThat(filter(null, "OTHER", null, null, null, null, null).matches(entry)).isFalse();
    }

    @Test
    void shouldIncludeFromAndExcludeTo() {
        assertThat(filter(null, null, T0, T0.plusSeconds(1), null, null, null).matches(entry)).isTrue();
        assertThat(filter(null, null, T0.minusSeconds(1), T0, null, null, null).matches(entry)).isFalse();
    }

    @Test
    void shouldMatchByEventAndRecordId() {
        assertThat(filter(null, null, null, null, "e1", "c1", null).matches(entry)).isTrue();
        assertThat(filter(null, null, null, null, "e2", null, null).matches(entry)).isFalse();
        assertThat(filter(null, null, null, null, null, "c2", null).matches(entry)).isFalse();
    }

    @Test
    void shouldTellOpenFromResolved() {
        DeadLetterEntry resolved = new DeadLetterEntry(entry.deadLetter(), T0.toEpochMilli(), OutcomeStatus.SUCCEEDED);

        assertThat(DeadLetterFilter.open().matches(resolved)).isFalse();
        assertThat(filter(null, null, null, null, null, null, DeadLetterFilter.State.RESOLVED).matches(resolved)).isTrue();
        assertThat(filter(null, null, null, null, null, null, DeadLetterFilter.State.ALL).matches(resolved)).isTrue();
    }

    @Test
    void shouldRejectAnEmptyTimeRange() {
        assertThatThrownBy(() -> filter(null, null, T0, T0, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before");
    }

    @Test
    void shouldSummariseByFlowAndCodeMostOpenFirst() {
        DeadLetterEntry other = DeadLetterEntry.open(deadLetter(DEALS_FLOW, "d1", "e2", "RATE", T0, 0));
        DeadLetterEntry third = DeadLetterEntry.open(deadLetter(DEALS_FLOW, "d2", "e3", "RATE", T0.plusSeconds(3), 0));

        var summary = DeadLetterSummary.of(java.util.List.of(entry, other, third));

        assertThat(summary).extracting(DeadLetterSummary::flowId, DeadLetterSummary::errorCode, DeadLetterSummary::open)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DEALS_FLOW, "RATE", 2L),
                        org.assertj.core.groups.Tuple.tuple(CONTACTS_FLOW, "INVALID_DATA", 1L));
        assertThat(summary.get(0).lastAt()).isEqualTo(T0.plusSeconds(3).toEpochMilli());
    }
}
