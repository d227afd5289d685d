package io.zsync.gateway.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one reconciliation run publishes and how far its watermark may then advance. Records are taken in
 * (modification time, id) order; those at or before the watermark are skipped (ties broken by the ids
 * already processed at that exact time). The watermark moves only to the newest record of the longest
 * fully published prefix, never to the wall clock, and never past a record whose listing was disturbed:
 * when a record shows up twice (it changed while the run paged through the list, shifting later pages),
 * the watermark stays before its first sighting so the next run lists that stretch again.
 */
public final class ReconciliationPlan {

    /** One listed record: its id, modification time and the source's text of that time (the version). */
    public record Stamp(String id, Instant modifiedTime, String version) {
    }

    /** A watermark: everything modified before {@code time}, and the ids listed at exactly {@code time}, is done. */
    public record Mark(Instant time, Set<String> idsAtTime) {
        public Mark {
            idsAtTime = Set.copyOf(idsAtTime);
        }

        boolean covers(Stamp stamp) {
            int c = stamp.modifiedTime().compareTo(time);
            return c < 0 || (c == 0 && idsAtTime.contains(stamp.id()));
        }
    }

    private static final Comparator<Stamp> ORDER = Comparator.comparing(Stamp::modifiedTime).thenComparing(Stamp::id);

    private final Mark start;
    private final List<Stamp> toPublish;
    private final Instant cap;

    private ReconciliationPlan(Mark start, List<Stamp> toPublish, Instant cap) {
        this.start = start;
        this.toPublish = toPublish;
        this.cap = cap;
    }

    /** Plans a run from the watermark and the records listed (in any order, possibly with repeats). */
    public static ReconciliationPlan of(Mark watermark, List<Stamp> listed) {
        Map<String, Stamp> latest = new LinkedHashMap<>();
        Map<String, Instant> firstSeen = new HashMap<>();
        Set<String> repeated = new HashSet<>();
        for (Stamp stamp : listed) {
            Stamp previous = latest.get(stamp.id());
            if (previous != null) {
                repeated.add(stamp.id());
                firstSeen.merge(stamp.id(), stamp.modifiedTime(), (a, b) -> a.isBefore(b) ? a : b);
                if (ORDER.compare(stamp, previous) < 0) {
                    continue;
                }
            } else {
                firstSeen.put(stamp.id(), stamp.modifiedTime());
            }
            latest.put(stamp.id(), stamp);
        }
        Instant cap = repeated.stream().map(firstSeen::get).min(Comparator.naturalOrder()).orElse(null);
        List<Stamp> ordered = latest.values().stream().filter(s -> !watermark.covers(s)).sorted(ORDER).toList();
        return new ReconciliationPlan(watermark, ordered, cap);
    }

    /** The records to publish, in order. */
    public List<Stamp> toPublish() {
        return toPublish;
    }

    /**
     * The watermark after the first {@code published} records of {@link #toPublish()} were acknowledged (the
     * rest failed or were not tried). Unchanged when nothing safe to cover was published.
     */
    public Mark advance(int published) {
        Mark mark = start;
        List<Stamp> done = toPublish.subList(0, Math.max(0, Math.min(published, toPublish.size())));
        for (Stamp stamp : done) {
            if (cap != null && !stamp.modifiedTime().isBefore(cap)) {
                break;
            }
            if (stamp.modifiedTime().equals(mark.time())) {
                Set<String> ids = new HashSet<>(mark.idsAtTime());
                ids.add(stamp.id());
                mark = new Mark(mark.time(), ids);
            } else {
                mark = new Mark(stamp.modifiedTime(), Set.of(stamp.id()));
            }
        }
        return mark;
    }

    /** True when the listing was disturbed by changes made during the run. */
    public boolean disturbed() {
        return cap != null;
    }

    /** The ids in publish order, for logs and tests. */
    public List<String> ids() {
        List<String> ids = new ArrayList<>(toPublish.size());
        toPublish.forEach(s -> ids.add(s.id()));
        return ids;
    }
}
