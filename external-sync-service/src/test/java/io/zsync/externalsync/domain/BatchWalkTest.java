package io.zsync.externalsync.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The batch's watermark rule: it advances to record times actually read and handed over, never to the wall clock. */
class BatchWalkTest {

    private static final Duration OVERLAP = Duration.ofSeconds(2);

    private static Instant at(String hhmmss) {
        return Instant.parse("2025-03-01T" + hhmmss + "Z");
    }

    private static BatchWalk.Listed rec(String id, String hhmmss) {
        return new BatchWalk.Listed(id, at(hhmmss));
    }

    /** A CRM stand-in: what a listing with If-Modified-Since returns (strictly after, oldest first, ties by id). */
    private static final class Crm {
        final List<BatchWalk.Listed> records = new ArrayList<>();

        void modify(String id, String hhmmss) {
            records.removeIf(r -> r.id().equals(id));
            records.add(rec(id, hhmmss));
        }

        List<BatchWalk.Listed> list(Optional<Instant> since) {
            return records.stream().filter(r -> since.isEmpty() || r.modified().isAfter(since.get()))
                    .sorted(Comparator.comparing(BatchWalk.Listed::modified).thenComparing(BatchWalk.Listed::id)).toList();
        }
    }

    /** One complete run over a single-page listing; returns the cursor and what it handed over. */
    private static Optional<BatchCursor> run(Crm crm, Optional<BatchCursor> cursor, List<String> handedOver) {
        BatchWalk walk = new BatchWalk(cursor);
        walk.page(crm.list(BatchCursor.listSince(cursor, OVERLAP))).forEach(r -> handedOver.add(r.id()));
        walk.allListedDone();
        return walk.cursor();
    }

    @Test
    void shouldNotLoseAChangeMadeDuringTheRunAsTheGuidesNowWatermarkDoes() {
        Crm crm = new Crm();
        crm.modify("r1", "10:05:00");
        crm.modify("r2", "10:10:00");
        Optional<BatchCursor> start = Optional.of(new BatchCursor(at("10:00:00"), Set.of()));

        // the run starts at 10:30:00 wall time and reads its page...
        BatchWalk walk = new BatchWalk(start);
        List<BatchWalk.Listed> first = walk.page(crm.list(BatchCursor.listSince(start, OVERLAP)));
        // ...then, while it is still handing r1 and r2 over, a user edits r3 at 10:30:02
        crm.modify("r3", "10:30:02");
        walk.allListedDone();
        Instant runEndedAt = at("10:30:05");

        Optional<BatchCursor> ours = walk.cursor();
        Instant guides = runEndedAt; // the guide's batch: setLastSyncTime(new Date()) after the loop

        assertThat(first).extracting(BatchWalk.Listed::id).containsExactly("r1", "r2");
        assertThat(ours).contains(new BatchCursor(at("10:10:00"), Set.of("r2")));
        List<String> nextRunOurs = new ArrayList<>();
        run(crm, ours, nextRunOurs);
        assertThat(nextRunOurs).containsExactly("r3");
        assertThat(crm.list(Optional.of(guides))).extracting(BatchWalk.Listed::id).doesNotContain("r3"); // lost there
    }

    @Test
    void shouldNeverAdvanceBeyondTheNewestRecordRead() {
        Crm crm = new Crm();
        crm.modify("a", "09:00:00");
        List<String> handed = new ArrayList<>();

        Optional<BatchCursor> cursor = run(crm, Optional.empty(), handed);

        assertThat(cursor.orElseThrow().time()).isEqualTo(at("09:00:00"));
        assertThat(handed).containsExactly("a");
    }

    @Test
    void shouldKeepTheCursorWhenNothingChanged() {
        Crm crm = new Crm();
        Optional<BatchCursor> start = Optional.of(new BatchCursor(at("09:00:00"), Set.of("a")));

        assertThat(run(crm, start, new ArrayList<>())).isEqualTo(start);
        assertThat(run(new Crm(), Optional.empty(), new ArrayList<>())).isEmpty();
    }

    @Test
    void shouldBreakTiesWithinASecondByIdWithoutHandingRecordsOverTwice() {
        Crm crm = new Crm();
        for (String id : List.of("a", "b", "c", "d", "e")) {
            crm.modify(id, "09:00:00");                                         // one bulk import, one CRM second
        }
        List<String> firstRun = new ArrayList<>();
        Optional<BatchCursor> cursor = run(crm, Optional.empty(), firstRun);
        crm.modify("f", "09:00:00");                                            // saved later in the same second
        crm.modify("g", "09:00:01");

        List<String> secondRun = new ArrayList<>();
        Optional<BatchCursor> next = run(crm, cursor, secondRun);

        assertThat(firstRun).containsExactly("a", "b", "c", "d", "e");
        assertThat(cursor.orElseThrow().idsAtTime()).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
        assertThat(secondRun).containsExactly("f", "g");
        assertThat(next).contains(new BatchCursor(at("09:00:01"), Set.of("g")));
    }

    @Test
    void shouldReadTheOverlapAgainSoLateVisibleRecordsAreNotMissed() {
        Crm crm = new Crm();
        crm.modify("a", "09:00:05");
        Optional<BatchCursor> cursor = run(crm, Optional.empty(), new ArrayList<>());
        // a record saved at 09:00:04 became visible only after the run (a slow transaction on the CRM side)
        crm.modify("late", "09:00:04");

        List<String> next = new ArrayList<>();
        run(crm, cursor, next);

        assertThat(next).containsExactly("late");
        assertThat(BatchCursor.listSince(cursor, OVERLAP)).contains(at("09:00:03"));
    }

    @Test
    void shouldHandOverAChangedRecordAgainInItsNewVersion() {
        Crm crm = new Crm();
        crm.modify("a", "09:00:00");
        Optional<BatchCursor> cursor = run(crm, Optional.empty(), new ArrayList<>());
        crm.modify("a", "09:30:00");

        List<String> next = new ArrayList<>();
        run(crm, cursor, next);

        assertThat(next).containsExactly("a");
    }

    @Test
    void shouldPullTheCursorBackWhenARecordMovedDuringAnOffsetPagedWalk() {
        // offset pagination over a live listing: when a read record changes, the rest shift left by one place
        Crm crm = new Crm();
        crm.modify("a", "09:00:01");
        crm.modify("b", "09:00:02");
        crm.modify("c", "09:00:03");
        crm.modify("d", "09:00:04");
        BatchWalk walk = new BatchWalk(Optional.empty());
        walk.page(crm.list(Optional.empty()).subList(0, 2));                    // page 1: a, b
        crm.modify("a", "09:10:00");                                            // a person edits a
        List<BatchWalk.Listed> live = crm.list(Optional.empty());               // b, c, d, a'
        List<BatchWalk.Listed> page2 = walk.page(live.subList(2, 4));           // page 2 at offset 2: d, a' (c is skipped)
        walk.allListedDone();

        Optional<BatchCursor> cursor = walk.cursor();

        assertThat(page2).extracting(BatchWalk.Listed::id).containsExactly("d", "a");
        assertThat(walk.sawMoves()).isTrue();
        assertThat(cursor).contains(new BatchCursor(at("09:00:02"), Set.of("b")));
        List<String> next = new ArrayList<>();
        run(crm, cursor, next);
        assertThat(next).contains("c");                                         // the skipped record is read next time
    }

    @Test
    void shouldAdvanceOnlyOverTheDonePrefixWhenARunStopsEarly() {
        BatchWalk walk = new BatchWalk(Optional.empty());
        List<BatchWalk.Listed> page = walk.page(List.of(rec("a", "09:00:01"), rec("b", "09:00:02"), rec("c", "09:00:03")));

        walk.doneThrough(page.get(1));

        assertThat(walk.doneCount()).isEqualTo(2);
        assertThat(walk.cursor()).contains(new BatchCursor(at("09:00:02"), Set.of("b")));
    }

    @Test
    void shouldCountRecordsNeedingNoHandOverAsDoneWithThePrefix() {
        Optional<BatchCursor> start = Optional.of(new BatchCursor(at("09:00:01"), Set.of("a")));
        BatchWalk walk = new BatchWalk(start);
        List<BatchWalk.Listed> toHandOver = walk.page(List.of(rec("a", "09:00:01"), rec("b", "09:00:02")));

        walk.doneThrough(toHandOver.get(0));

        assertThat(toHandOver).extracting(BatchWalk.Listed::id).containsExactly("b");
        assertThat(walk.cursor()).contains(new BatchCursor(at("09:00:02"), Set.of("b")));
    }

    @Test
    void shouldNotHandOverTheSameVersionTwiceInOneWalk() {
        BatchWalk walk = new BatchWalk(Optional.empty());
        walk.page(List.of(rec("a", "09:00:01"), rec("b", "09:00:02")));
        // a shift to the right (a record became visible before the cursor) repeats b on the next page
        List<BatchWalk.Listed> second = walk.page(List.of(rec("b", "09:00:02"), rec("c", "09:00:03")));
        walk.allListedDone();

        assertThat(second).extracting(BatchWalk.Listed::id).containsExactly("c");
        assertThat(walk.sawMoves()).isFalse();
        assertThat(walk.cursor().orElseThrow().time()).isEqualTo(at("09:00:03"));
    }

    @Test
    void shouldMergeTieIdsWithTheStartCursorAtTheSameSecond() {
        Optional<BatchCursor> start = Optional.of(new BatchCursor(at("09:00:00"), Set.of("a")));
        BatchWalk walk = new BatchWalk(start);
        walk.page(List.of(rec("a", "09:00:00"), rec("b", "09:00:00")));
        walk.allListedDone();

        assertThat(walk.cursor().orElseThrow().idsAtTime()).containsExactlyInAnyOrder("a", "b");
        assertThat(walk.cursor().orElseThrow().idsAtTime().stream().collect(Collectors.toSet())).hasSize(2);
    }
}
