package io.zsync.dashboard.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.zsync.dashboard.Fixtures.CONTACTS_FLOW;
import static io.zsync.dashboard.Fixtures.T0;
import static io.zsync.dashboard.Fixtures.deadLetter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeadLetterEntryTest {

    static Outcome completion(String flow, String eventId, OutcomeStatus status, long at) {
        return new Outcome("c1", flow, eventId, status, null, List.of(), 1, 1, 10L, at, null, null, null, null, "t",
                Map.of());
    }

    private final DeadLetterEntry open = DeadLetterEntry.open(deadLetter(CONTACTS_FLOW, "c1", "e1", "X", T0, 0));

    @Test
    void shouldResolveWithALaterSkipOfTheSameEvent() {
        DeadLetterEntry next = open.afterCompletion(completion(CONTACTS_FLOW, "e1", OutcomeStatus.SKIPPED,
                T0.toEpochMilli() + 1));

        assertThat(next.isOpen()).isFalse();
        assertThat(next.resolvedStatus()).isEqualTo(OutcomeStatus.SKIPPED);
    }

    @Test
    void shouldStayOpenAfterAnEarlierSuccess() {
        assertThat(open.afterCompletion(completion(CONTACTS_FLOW, "e1", OutcomeStatus.SUCCEEDED,
                T0.toEpochMilli() - 1)).isOpen()).isTrue();
    }

    @Test
    void shouldStayOpenAfterAnotherEventsSuccess() {
        assertThat(open.afterCompletion(completion(CONTACTS_FLOW, "e2", OutcomeStatus.SUCCEEDED,
                T0.toEpochMilli() + 1)).isOpen()).isTrue();
    }

    @Test
    void shouldRoundTripItsIdToItsKey() {
        assertThat(DeadLetterEntry.decodeId(open.id())).isEqualTo(CONTACTS_FLOW + "|e1");
        assertThat(open.id()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void shouldRejectAnIdThatIsNotOurs() {
        assertThatThrownBy(() -> DeadLetterEntry.decodeId("bm90LW91cnM")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeadLetterEntry.decodeId("***")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldKeepTheNewerOfTwoDeadLettersForOneKey() {
        var newer = deadLetter(CONTACTS_FLOW, "c1", "e1", "X", T0.plusSeconds(5), 1);
        var older = deadLetter(CONTACTS_FLOW, "c1", "e1", "X", T0, 0);

        assertThat(DeadLetterEntry.keep(DeadLetterEntry.open(newer), older).deadLetter()).isEqualTo(newer);
        assertThat(DeadLetterEntry.keep(DeadLetterEntry.open(older), newer).deadLetter()).isEqualTo(newer);
        assertThat(DeadLetterEntry.keep(null, older).deadLetter()).isEqualTo(older);
    }
}
