package io.zsync.gateway.domain;

import io.zsync.gateway.domain.ReconciliationPlan.Mark;
import io.zsync.gateway.domain.ReconciliationPlan.Stamp;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ReconciliationPlanTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private static final Mark START = new Mark(T0, Set.of());

    private static Stamp at(String id, int secondsAfterT0) {
        Instant t = T0.plusSeconds(secondsAfterT0);
        return new Stamp(id, t, t.toString());
    }

    @Test
    void shouldPublishInTimeThenIdOrderAndAdvanceToTheNewest() {
        ReconciliationPlan plan = ReconciliationPlan.of(START, List.of(at("b", 20), at("c", 10), at("a", 20)));

        assertThat(plan.ids()).containsExactly("c", "a", "b");
        assertThat(plan.advance(3)).isEqualTo(new Mark(T0.plusSeconds(20), Set.of("a", "b")));
    }

    @Test
    void shouldSkipWhatTheWatermarkAlreadyCoversIncludingTiesAtItsTime() {
        Mark mark = new Mark(T0.plusSeconds(10), Set.of("c"));
        ReconciliationPlan plan = ReconciliationPlan.of(mark, List.of(at("x", 5), at("c", 10), at("d", 10), at("e", 11)));

        assertThat(plan.ids()).as("x is older, c was done at the same second, d was not").containsExactly("d", "e");
        assertThat(plan.advance(1)).isEqualTo(new Mark(T0.plusSeconds(10), Set.of("c", "d")));
    }

    @Test
    void shouldAdvanceOnlyOverTheAcknowledgedPrefix() {
        ReconciliationPlan plan = ReconciliationPlan.of(START, List.of(at("a", 1), at("b", 2), at("c", 3)));

        assertThat(plan.advance(2)).as("c failed: the next run lists it again").isEqualTo(new Mark(T0.plusSeconds(2), Set.of("b")));
        assertThat(plan.advance(0)).as("nothing published: unchanged").isEqualTo(START);
    }

    @Test
    void shouldNeverMoveTheWatermarkWithoutRecordsEvenIfTimePasses() {
        ReconciliationPlan plan = ReconciliationPlan.of(START, List.of());

        assertThat(plan.toPublish()).isEmpty();
        assertThat(plan.advance(0)).isEqualTo(START);
    }

    @Test
    void shouldPublishTheLatestVersionOfARecordThatChangedDuringTheRun() {
        // "a" was listed on page 1 at +5s, then edited while the run paged on, and listed again at +40s
        ReconciliationPlan plan = ReconciliationPlan.of(START, List.of(at("a", 5), at("b", 10), at("c", 30), at("a", 40)));

        assertThat(plan.disturbed()).isTrue();
        assertThat(plan.toPublish()).extracting(Stamp::id).containsExactly("b", "c", "a");
        assertThat(plan.toPublish()).filteredOn(s -> s.id().equals("a")).extracting(Stamp::modifiedTime)
                .containsExactly(T0.plusSeconds(40));
    }

    @Test
    void shouldKeepTheWatermarkBeforeAStretchThatShiftedDuringTheRun() {
        // a record's move can shift later pages so one record is never listed; the watermark must not pass
        // the first sighting of the moved record, so the next run lists that stretch again
        ReconciliationPlan plan = ReconciliationPlan.of(START, List.of(at("z", 2), at("a", 5), at("b", 10), at("a", 40)));

        assertThat(plan.advance(plan.toPublish().size())).isEqualTo(new Mark(T0.plusSeconds(2), Set.of("z")));
    }

    @Test
    void shouldNotMoveAtAllWhenTheFirstListedRecordChangedDuringTheRun() {
        ReconciliationPlan plan = ReconciliationPlan.of(START, List.of(at("a", 1), at("b", 2), at("a", 9)));

        assertThat(plan.advance(plan.toPublish().size())).isEqualTo(START);
    }

    @Test
    void shouldTreatAnExactRepeatOfTheSameVersionAsAChangeDuringTheRun() {
        ReconciliationPlan plan = ReconciliationPlan.of(START, List.of(at("a", 1), at("b", 2), at("b", 2)));

        assertThat(plan.toPublish()).extracting(Stamp::id).containsExactly("a", "b");
        assertThat(plan.advance(2)).isEqualTo(new Mark(T0.plusSeconds(1), Set.of("a")));
    }
}
