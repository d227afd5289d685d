package io.zsync.dashboard.streams;

import io.zsync.contract.SyncStatus;
import io.zsync.dashboard.domain.FlowStats;
import io.zsync.dashboard.query.FlowView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.zsync.dashboard.Fixtures.CONTACTS_FLOW;
import static io.zsync.dashboard.Fixtures.DEALS_FLOW;
import static io.zsync.dashboard.Fixtures.T0;
import static io.zsync.dashboard.Fixtures.completed;
import static io.zsync.dashboard.Fixtures.deadLetter;
import static io.zsync.dashboard.Fixtures.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

class FlowMinuteStatsTopologyTest {

    private final TopologyHarness harness = new TopologyHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    private List<FlowView> hour() {
        return harness.reader.flows(T0.minus(Duration.ofMinutes(30)), T0.plus(Duration.ofMinutes(30)));
    }

    @Test
    void shouldCountOutcomesByStatusPerFlowAndMinute() {
        harness.completions.pipeInput("c1", succeeded(CONTACTS_FLOW, "c1", "e1", T0, 200, "b1"));
        harness.completions.pipeInput("c2", completed(CONTACTS_FLOW, "c2", "e2", SyncStatus.SKIPPED, T0, 100, 1, 0));
        harness.completions.pipeInput("c3", completed(CONTACTS_FLOW, "c3", "e3", SyncStatus.FAILED, T0, 300, 1, 1));

        List<FlowView> flows = hour();

        assertThat(flows).singleElement().satisfies(flow -> {
            assertThat(flow.flowId()).isEqualTo(CONTACTS_FLOW);
            assertThat(flow.totals().succeeded()).isEqualTo(1);
            assertThat(flow.totals().skipped()).isEqualTo(1);
            assertThat(flow.totals().failed()).isEqualTo(1);
            assertThat(flow.series()).hasSize(1);
        });
    }

    @Test
    void shouldCountDeadLettersAsFailuresOfTheirFlow() {
        harness.completions.pipeInput("c1", succeeded(CONTACTS_FLOW, "c1", "e1", T0, 200));
        harness.deadLetters.pipeInput("c2", deadLetter(CONTACTS_FLOW, "c2", "e2", "INVALID_DATA", T0.plusSeconds(1), 0));

        FlowStats totals = hour().get(0).totals();

        assertThat(totals.deadLettered()).isEqualTo(1);
        assertThat(totals.failures()).isEqualTo(1);
        assertThat(totals.failureRate()).isEqualTo(0.5);
    }

    @Test
    void shouldPlaceOutcomesInTheMinuteTheyFinished() {
        harness.completions.pipeInput("c1", succeeded(CONTACTS_FLOW, "c1", "e1", T0, 1_000));
        harness.completions.pipeInput("c2", succeeded(CONTACTS_FLOW, "c2", "e2", T0.plusSeconds(90), 1_000));

        List<FlowView.MinutePoint> series = hour().get(0).series();

        assertThat(series).extracting(FlowView.MinutePoint::minuteStart)
                .containsExactly(T0.toEpochMilli(), T0.plusSeconds(60).toEpochMilli());
    }

    @Test
    void shouldEstimateLatencyPercentilesFromReceiptToCompletion() {
        for (int i = 0; i < 99; i++) {
            harness.completions.pipeInput("c" + i, succeeded(CONTACTS_FLOW, "c" + i, "e" + i, T0, 80));
        }
        harness.completions.pipeInput("slow", succeeded(CONTACTS_FLOW, "slow", "e-slow", T0, 20_000));

        FlowStats totals = hour().get(0).totals();

        assertThat(totals.latency().percentile(50)).isLessThanOrEqualTo(100);
        assertThat(totals.latency().percentile(100)).isEqualTo(20_000);
        assertThat(totals.latency().count()).isEqualTo(100);
    }

    @Test
    void shouldSumRetriesAndApiCalls() {
        harness.completions.pipeInput("c1", completed(CONTACTS_FLOW, "c1", "e1", SyncStatus.SUCCEEDED, T0, 100, 3, 4));
        harness.completions.pipeInput("c2", completed(CONTACTS_FLOW, "c2", "e2", SyncStatus.SUCCEEDED, T0, 100, 1, 2));

        FlowStats totals = hour().get(0).totals();

        assertThat(totals.retries()).isEqualTo(2);
        assertThat(totals.maxAttempts()).isEqualTo(3);
        assertThat(totals.apiCalls()).isEqualTo(6);
    }

    @Test
    void shouldKeepFlowsApart() {
        harness.completions.pipeInput("c1", succeeded(CONTACTS_FLOW, "c1", "e1", T0, 100));
        harness.completions.pipeInput("d1", succeeded(DEALS_FLOW, "d1", "e2", T0, 100));
        harness.completions.pipeInput("d2", succeeded(DEALS_FLOW, "d2", "e3", T0, 100));

        assertThat(hour()).extracting(FlowView::flowId, f -> f.totals().total())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CONTACTS_FLOW, 1L),
                        org.assertj.core.groups.Tuple.tuple(DEALS_FLOW, 2L));
    }

    @Test
    void shouldNotCountAnOutcomeArrivingAfterItsMinutesGracePeriod() {
        harness.completions.pipeInput("c1", succeeded(CONTACTS_FLOW, "c1", "e1", T0.plus(Duration.ofMinutes(20)), 100));
        harness.completions.pipeInput("late", succeeded(CONTACTS_FLOW, "late", "e2", T0, 100));

        List<FlowView.MinutePoint> series = hour().get(0).series();

        assertThat(series).extracting(FlowView.MinutePoint::minuteStart)
                .containsExactly(T0.plus(Duration.ofMinutes(20)).toEpochMilli());
    }

    @Test
    void shouldShowOnlyMinutesInsideTheAskedWindow() {
        harness.completions.pipeInput("c1", succeeded(CONTACTS_FLOW, "c1", "e1", T0, 100));
        Instant later = T0.plus(Duration.ofMinutes(5));

        assertThat(harness.reader.flows(later, later.plus(Duration.ofMinutes(10)))).isEmpty();
    }
}
