package io.zsync.dashboard.streams;

import io.zsync.contract.SyncStatus;
import io.zsync.dashboard.domain.LineageEntry;
import io.zsync.dashboard.domain.OutcomeStatus;
import io.zsync.dashboard.domain.RecordLineage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.zsync.dashboard.Fixtures.CONTACTS_FLOW;
import static io.zsync.dashboard.Fixtures.DEALS_FLOW;
import static io.zsync.dashboard.Fixtures.T0;
import static io.zsync.dashboard.Fixtures.completed;
import static io.zsync.dashboard.Fixtures.deadLetter;
import static io.zsync.dashboard.Fixtures.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

class LineageTopologyTest {

    private TopologyHarness harness = new TopologyHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    private RecordLineage lineageOf(String recordId) {
        return harness.lineageStore().get(recordId);
    }

    @Test
    void shouldKeepTheLatestOutcomePerFlow() {
        harness.completions.pipeInput("c1", completed(CONTACTS_FLOW, "c1", "e1", SyncStatus.FAILED, T0, 100, 1, 1));
        harness.completions.pipeInput("c1", succeeded(CONTACTS_FLOW, "c1", "e2", T0.plusSeconds(10), 100, "b1"));
        harness.completions.pipeInput("c1", succeeded(DEALS_FLOW, "c1", "e3", T0.plusSeconds(20), 100, "inv-1"));

        RecordLineage lineage = lineageOf("c1");

        assertThat(lineage.latestByFlow()).containsOnlyKeys(CONTACTS_FLOW, DEALS_FLOW);
        assertThat(lineage.latestByFlow().get(CONTACTS_FLOW).status()).isEqualTo(OutcomeStatus.SUCCEEDED);
        assertThat(lineage.latestByFlow().get(CONTACTS_FLOW).targets()).extracting(t -> t.recordId()).containsExactly("b1");
        assertThat(lineage.source().system()).isEqualTo("ZOHO_CRM");
    }

    @Test
    void shouldKeepHistoryNewestFirst() {
        harness.completions.pipeInput("c1", succeeded(CONTACTS_FLOW, "c1", "e1", T0, 100));
        harness.completions.pipeInput("c1", succeeded(CONTACTS_FLOW, "c1", "e2", T0.plusSeconds(10), 100));

        assertThat(lineageOf("c1").history()).extracting(LineageEntry::eventId).containsExactly("e2", "e1");
    }

    @Test
    void shouldDecideLatestByFinishTimeWhenOutcomesArriveOutOfOrder() {
        harness.completions.pipeInput("c1", succeeded(CONTACTS_FLOW, "c1", "newer", T0.plusSeconds(30), 100));
        harness.completions.pipeInput("c1", completed(CONTACTS_FLOW, "c1", "older", SyncStatus.FAILED, T0, 100, 2, 1));

        RecordLineage lineage = lineageOf("c1");

        assertThat(lineage.latestByFlow().get(CONTACTS_FLOW).eventId()).isEqualTo("newer");
        assertThat(lineage.history()).extracting(LineageEntry::eventId).containsExactly("newer", "older");
    }

    @Test
    void shouldRecordARedeliveredOutcomeOnce() {
        var outcome = succeeded(CONTACTS_FLOW, "c1", "e1", T0, 100);
        harness.completions.pipeInput("c1", outcome);
        harness.completions.pipeInput("c1", outcome);

        assertThat(lineageOf("c1").history()).hasSize(1);
    }

    @Test
    void shouldShowDeadLettersWithTheirErrorInTheHistory() {
        harness.deadLetters.pipeInput("c1", deadLetter(CONTACTS_FLOW, "c1", "e1", "INVALID_EMAIL", T0, 0));

        LineageEntry entry = lineageOf("c1").history().get(0);

        assertThat(entry.status()).isEqualTo(OutcomeStatus.DEAD_LETTERED);
        assertThat(entry.errorCode()).isEqualTo("INVALID_EMAIL");
        assertThat(entry.attempts()).isEqualTo(3);
        assertThat(entry.failedStep()).isEqualTo("create-customer");
    }

    @Test
    void shouldCapTheHistoryAtTheConfiguredLength() {
        harness.close();
        harness = new TopologyHarness(new TopologyOptions(Duration.ofMinutes(10), Duration.ofHours(1), 3));
        for (int i = 0; i < 5; i++) {
            harness.completions.pipeInput("c1", succeeded(CONTACTS_FLOW, "c1", "e" + i, T0.plusSeconds(i), 100));
        }

        assertThat(lineageOf("c1").history()).extracting(LineageEntry::eventId).containsExactly("e4", "e3", "e2");
    }

    @Test
    void shouldFindTheLineageByATargetId() {
        harness.completions.pipeInput("c1", succeeded(CONTACTS_FLOW, "c1", "e1", T0, 100, "books-77"));
        harness.completions.pipeInput("c2", succeeded(CONTACTS_FLOW, "c2", "e2", T0, 100, "books-78"));

        assertThat(harness.reader.lineageByTarget("books-77")).extracting(RecordLineage::recordId).containsExactly("c1");
    }

    @Test
    void shouldFindNoLineageForAnUnknownTargetId() {
        harness.completions.pipeInput("c1", succeeded(CONTACTS_FLOW, "c1", "e1", T0, 100, "books-77"));

        assertThat(harness.reader.lineageByTarget("books-99")).isEmpty();
    }

    @Test
    void shouldFindEveryRecordThatWroteTheSameTarget() {
        harness.completions.pipeInput("c1", succeeded(CONTACTS_FLOW, "c1", "e1", T0, 100, "books-77"));
        harness.completions.pipeInput("c2", succeeded(CONTACTS_FLOW, "c2", "e2", T0, 100, "books-77"));

        assertThat(harness.reader.lineageByTarget("books-77")).extracting(RecordLineage::recordId)
                .containsExactly("c1", "c2");
    }
}
