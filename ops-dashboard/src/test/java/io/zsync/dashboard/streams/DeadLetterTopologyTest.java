package io.zsync.dashboard.streams;

import io.zsync.contract.SyncStatus;
import io.zsync.dashboard.domain.DeadLetterEntry;
import io.zsync.dashboard.domain.DeadLetterFilter;
import io.zsync.dashboard.domain.OutcomeStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.zsync.dashboard.Fixtures.CONTACTS_FLOW;
import static io.zsync.dashboard.Fixtures.DEALS_FLOW;
import static io.zsync.dashboard.Fixtures.T0;
import static io.zsync.dashboard.Fixtures.change;
import static io.zsync.dashboard.Fixtures.completed;
import static io.zsync.dashboard.Fixtures.deadLetter;
import static io.zsync.dashboard.Fixtures.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterTopologyTest {

    private final TopologyHarness harness = new TopologyHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    private DeadLetterEntry entry(String flowId, String eventId) {
        return harness.deadLetterStore().get(DeadLetterEntry.keyOf(flowId, eventId));
    }

    @Test
    void shouldKeepADeadLetterWithItsOriginalEvent() {
        harness.deadLetters.pipeInput("c1", deadLetter(CONTACTS_FLOW, "c1", "e1", "INVALID_DATA", T0, 0));

        DeadLetterEntry entry = entry(CONTACTS_FLOW, "e1");

        assertThat(entry.isOpen()).isTrue();
        assertThat(entry.deadLetter().getOriginal()).isEqualTo(change("c1", "e1"));
    }

    @Test
    void shouldResolveADeadLetterWhenALaterCompletionOfTheSameEventSucceeds() {
        harness.deadLetters.pipeInput("c1", deadLetter(CONTACTS_FLOW, "c1", "e1", "INVALID_DATA", T0, 0));
        harness.completions.pipeInput("c1", succeeded(CONTACTS_FLOW, "c1", "e1", T0.plusSeconds(60), 100));

        DeadLetterEntry entry = entry(CONTACTS_FLOW, "e1");

        assertThat(entry.isOpen()).isFalse();
        assertThat(entry.resolvedStatus()).isEqualTo(OutcomeStatus.SUCCEEDED);
    }

    @Test
    void shouldKeepADeadLetterOpenWhenTheLaterCompletionFailed() {
        harness.deadLetters.pipeInput("c1", deadLetter(CONTACTS_FLOW, "c1", "e1", "INVALID_DATA", T0, 0));
        harness.completions.pipeInput("c1", completed(CONTACTS_FLOW, "c1", "e1", SyncStatus.FAILED,
                T0.plusSeconds(60), 100, 1, 1));

        assertThat(entry(CONTACTS_FLOW, "e1").isOpen()).isTrue();
    }

    @Test
    void shouldNotResolveADeadLetterWithACompletionOfAnotherFlow() {
        harness.deadLetters.pipeInput("c1", deadLetter(CONTACTS_FLOW, "c1", "e1", "INVALID_DATA", T0, 0));
        harness.completions.pipeInput("c1", succeeded(DEALS_FLOW, "c1", "e1", T0.plusSeconds(60), 100));

        assertThat(entry(CONTACTS_FLOW, "e1").isOpen()).isTrue();
    }

    @Test
    void shouldReopenWithAHigherRedriveCountWhenARedrivenEventFailsAgain() {
        harness.deadLetters.pipeInput("c1", deadLetter(CONTACTS_FLOW, "c1", "e1", "INVALID_DATA", T0, 0));
        harness.deadLetters.pipeInput("c1", deadLetter(CONTACTS_FLOW, "c1", "e1", "INVALID_DATA", T0.plusSeconds(600), 1));

        assertThat(entry(CONTACTS_FLOW, "e1").deadLetter().getRedriveCount()).isEqualTo(1);
        assertThat(harness.reader.deadLetters(DeadLetterFilter.open(), 10)).hasSize(1);
    }

    @Test
    void shouldIgnoreALateDuplicateOfAnOlderDeadLetter() {
        harness.deadLetters.pipeInput("c1", deadLetter(CONTACTS_FLOW, "c1", "e1", "INVALID_DATA", T0.plusSeconds(600), 1));
        harness.deadLetters.pipeInput("c1", deadLetter(CONTACTS_FLOW, "c1", "e1", "INVALID_DATA", T0, 0));

        assertThat(entry(CONTACTS_FLOW, "e1").deadLetter().getRedriveCount()).isEqualTo(1);
    }

    @Test
    void shouldCountDeadLettersByFlowAndErrorCode() {
        harness.deadLetters.pipeInput("c1", deadLetter(CONTACTS_FLOW, "c1", "e1", "INVALID_DATA", T0, 0));
        harness.deadLetters.pipeInput("c2", deadLetter(CONTACTS_FLOW, "c2", "e2", "INVALID_DATA", T0, 0));
        harness.deadLetters.pipeInput("c3", deadLetter(CONTACTS_FLOW, "c3", "e3", "DUPLICATE_DATA", T0, 0));

        Map<String, Long> counts = harness.reader.deadLetterCounts();

        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(
                CONTACTS_FLOW + "|INVALID_DATA", 2L, CONTACTS_FLOW + "|DUPLICATE_DATA", 1L));
    }

    @Test
    void shouldListDeadLettersMatchingAFilterNewestFirst() {
        harness.deadLetters.pipeInput("c1", deadLetter(CONTACTS_FLOW, "c1", "e1", "INVALID_DATA", T0, 0));
        harness.deadLetters.pipeInput("c2", deadLetter(CONTACTS_FLOW, "c2", "e2", "INVALID_DATA", T0.plusSeconds(5), 0));
        harness.deadLetters.pipeInput("d1", deadLetter(DEALS_FLOW, "d1", "e3", "INVALID_DATA", T0.plusSeconds(9), 0));

        var found = harness.reader.deadLetters(new DeadLetterFilter(CONTACTS_FLOW, "invalid_data", null, null, null,
                null, DeadLetterFilter.State.OPEN), 10);

        assertThat(found).extracting(e -> e.deadLetter().getEventId()).containsExactly("e2", "e1");
    }
}
