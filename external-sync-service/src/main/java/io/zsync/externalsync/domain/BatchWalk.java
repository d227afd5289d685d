package io.zsync.externalsync.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One walk of the batch through the CRM contacts modified since its cursor, listed oldest modification first,
 * and the cursor it may leave behind. The walk hands records over in listing order, so the records done form a
 * prefix of the listing, and the new cursor is the newest modification time within that prefix.
 *
 * <p>Records modified while the walk runs move to the end of the listing: their new version is read again at
 * the end, or by the next run, because the cursor only ever reflects times actually read. With offset
 * pagination a move also shifts the records behind the moved one by one place, so one of them can be passed
 * over at a page boundary; the walk notices a move (the same id read twice with different times) and then
 * pulls the cursor back to the end of the page where the moved record was first read, before which nothing can
 * have shifted, so the next run reads the rest again.
 */
public final class BatchWalk {

    /** A listed record: id and modification time. */
    public record Listed(String id, Instant modified) {
    }

    private final Optional<BatchCursor> start;
    private final List<Listed> listed = new ArrayList<>();
    private final List<Integer> pageOf = new ArrayList<>();
    private final List<Integer> pageEnds = new ArrayList<>();
    private final Map<String, Integer> firstPage = new HashMap<>();
    private final Map<String, Instant> firstTime = new HashMap<>();
    private final Set<Integer> movedFromPages = new HashSet<>();
    private final Set<String> versionsSeen = new HashSet<>();
    private int done;

    public BatchWalk(Optional<BatchCursor> start) {
        this.start = start;
    }

    /**
     * Adds a page in listing order and returns its records that must be handed over: not handed over by an
     * earlier run (the cursor's ties) and not already in this walk in the same version.
     */
    public List<Listed> page(List<Listed> records) {
        int page = pageEnds.size();
        List<Listed> toHandOver = new ArrayList<>();
        for (Listed record : records) {
            Instant seen = firstTime.get(record.id());
            if (seen != null && !seen.equals(record.modified())) {
                movedFromPages.add(firstPage.get(record.id()));
            }
            firstPage.putIfAbsent(record.id(), page);
            firstTime.putIfAbsent(record.id(), record.modified());
            boolean repeat = !versionsSeen.add(record.id() + "@" + record.modified());
            listed.add(record);
            pageOf.add(page);
            if (!repeat && !BatchCursor.alreadyHandedOver(start, record.id(), record.modified())) {
                toHandOver.add(record);
            }
        }
        pageEnds.add(listed.size());
        return toHandOver;
    }

    /**
     * Marks every listed record up to and including {@code record} (in listing order) as done: handed over now,
     * or earlier. Call it after the hand-over is durable.
     */
    public void doneThrough(Listed record) {
        for (int i = listed.size() - 1; i >= done; i--) {
            if (listed.get(i).equals(record)) {
                done = i + 1;
                return;
            }
        }
    }

    /** Marks everything listed so far as done (records that needed no hand-over are done as soon as listed). */
    public void allListedDone() {
        done = listed.size();
    }

    public int listedCount() {
        return listed.size();
    }

    public int doneCount() {
        return done;
    }

    /** True when a record was read twice in different versions, which pulls the cursor back. */
    public boolean sawMoves() {
        return !movedFromPages.isEmpty();
    }

    /**
     * The cursor to store after the walk: the newest time within the done prefix, limited to the end of the
     * earliest page a moved record came from; the start cursor when nothing was done.
     */
    public Optional<BatchCursor> cursor() {
        int limit = done;
        if (!movedFromPages.isEmpty()) {
            int earliest = movedFromPages.stream().min(Integer::compare).orElseThrow();
            limit = Math.min(limit, pageEnds.get(earliest));
        }
        if (limit == 0) {
            return start;
        }
        Instant newest = null;
        for (int i = 0; i < limit; i++) {
            Instant t = listed.get(i).modified();
            if (newest == null || t.isAfter(newest)) {
                newest = t;
            }
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < limit; i++) {
            if (listed.get(i).modified().equals(newest)) {
                ids.add(listed.get(i).id());
            }
        }
        if (start.isPresent() && start.get().time().equals(newest)) {
            ids.addAll(start.get().idsAtTime());
        }
        return Optional.of(new BatchCursor(newest, ids));
    }
}
