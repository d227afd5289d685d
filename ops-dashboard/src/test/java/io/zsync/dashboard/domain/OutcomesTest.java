package io.zsync.dashboard.domain;

import io.zsync.contract.SyncCompleted;
import io.zsync.contract.SyncStatus;
import org.junit.jupiter.api.Test;

import static io.zsync.dashboard.Fixtures.CONTACTS_FLOW;
import static io.zsync.dashboard.Fixtures.T0;
import static io.zsync.dashboard.Fixtures.completed;
import static io.zsync.dashboard.Fixtures.deadLetter;
import static io.zsync.dashboard.Fixtures.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

class OutcomesTest {

    @Test
    void shouldMeasureLatencyFromGatewayReceiptToFinish() {
        Outcome o = Outcomes.fromCompletion("c1", succeeded(CONTACTS_FLOW, "c1", "e1", T0, 1_500, "b1"));

        assertThat(o.latencyMs()).isEqualTo(1_500);
        assertThat(o.at()).isEqualTo(T0.plusMillis(1_500).toEpochMilli());
        assertThat(o.targets()).extracting(TargetView::recordId).containsExactly("b1");
    }

    @Test
    void shouldLeaveLatencyUnknownWithoutReceiptTime() {
        SyncCompleted c = succeeded(CONTACTS_FLOW, "c1", "e1", T0, 100);
        c.setEventReceivedAt(null);

        assertThat(Outcomes.fromCompletion("c1", c).latencyMs()).isNull();
    }

    @Test
    void shouldCountAClockSkewAsZeroLatency() {
        SyncCompleted c = succeeded(CONTACTS_FLOW, "c1", "e1", T0, 100);
        c.setEventReceivedAt(T0.plusSeconds(10));

        assertThat(Outcomes.fromCompletion("c1", c).latencyMs()).isZero();
    }

    @Test
    void shouldCountRetriesAsAttemptsBeyondTheFirst() {
        Outcome o = Outcomes.fromCompletion("c1", completed(CONTACTS_FLOW, "c1", "e1", SyncStatus.FAILED, T0, 1, 4, 3));

        assertThat(o.retries()).isEqualTo(3);
        assertThat(o.status()).isEqualTo(OutcomeStatus.FAILED);
        assertThat(o.errorCode()).isEqualTo("BOOKS_REJECTED");
    }

    @Test
    void shouldReadADeadLetterAsADeadLetteredOutcomeWithoutLatency() {
        Outcome o = Outcomes.fromDeadLetter("c1", deadLetter(CONTACTS_FLOW, "c1", "e1", "INVALID_DATA", T0, 0));

        assertThat(o.status()).isEqualTo(OutcomeStatus.DEAD_LETTERED);
        assertThat(o.latencyMs()).isNull();
        assertThat(o.at()).isEqualTo(T0.toEpochMilli());
        assertThat(o.source().entityType()).isEqualTo("Contacts");
    }

    @Test
    void shouldTakeTheRecordIdFromTheDeadLetterWhenTheKeyIsMissing() {
        var dl = deadLetter(CONTACTS_FLOW, "c1", "e1", "INVALID_DATA", T0, 0);
        dl.setOriginal(null);

        Outcome o = Outcomes.fromDeadLetter(null, dl);

        assertThat(o.recordId()).isEqualTo("c1");
        assertThat(o.source()).isNull();
    }
}
