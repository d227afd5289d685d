package io.zsync.dashboard.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What happened to one source record: its latest state in each flow and its most recent outcomes, newest first.
 * Outcomes may arrive out of order (three partitions, retries), so "latest" is decided by when an outcome ended,
 * not by when it arrived; a redelivered outcome is recorded once.
 *
 * @param recordId     the source record id
 * @param source       the source record, once known
 * @param latestByFlow latest outcome per flow
 * @param history      recent outcomes, newest first, at most the configured length
 */
public record RecordLineage(String recordId, SourceView source, Map<String, LineageEntry> latestByFlow,
                            List<LineageEntry> history) {

    /** History kept per record unless configured otherwise. */
    public static final int DEFAULT_HISTORY = 20;

    private static final Comparator<LineageEntry> NEWEST_FIRST =
            Comparator.comparingLong(LineageEntry::at).reversed().thenComparing(LineageEntry::flowId);

    public RecordLineage {
        latestByFlow = latestByFlow == null ? Map.of() : Map.copyOf(new TreeMap<>(latestByFlow));
        history = history == null ? List.of() : List.copyOf(history);
    }

    public static RecordLineage empty(String recordId) {
        return new RecordLineage(recordId, null, Map.of(), List.of());
    }

    /** This lineage with one more outcome, keeping at most {@code maxHistory} entries of history. */
    public RecordLineage with(Outcome outcome, int maxHistory) {
        LineageEntry entry = LineageEntry.of(outcome);
        if (history.stream().anyMatch(entry::sameOutcomeAs)) {
            return this;
        }
        Map<String, LineageEntry> latest = new LinkedHashMap<>(latestByFlow);
        LineageEntry current = latest.get(entry.flowId());
        if (current == null || entry.at() >= current.at()) {
            latest.put(entry.flowId(), entry);
        }
        List<LineageEntry> nextHistory = new ArrayList<>(history);
        nextHistory.add(entry);
        nextHistory.sort(NEWEST_FIRST);
        if (nextHistory.size() > maxHistory) {
            nextHistory = nextHistory.subList(0, maxHistory);
        }
        SourceView nextSource = source != null ? source : outcome.source();
        String id = recordId != null ? recordId : outcome.recordId();
        return new RecordLineage(id, nextSource, latest, nextHistory);
    }
}
