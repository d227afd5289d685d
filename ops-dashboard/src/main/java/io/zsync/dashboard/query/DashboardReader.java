package io.zsync.dashboard.query;

import io.zsync.dashboard.domain.DeadLetterEntry;
import io.zsync.dashboard.domain.DeadLetterFilter;
import io.zsync.dashboard.domain.FlowStats;
import io.zsync.dashboard.domain.RecordLineage;
import io.zsync.dashboard.domain.TargetIndex;
import io.zsync.dashboard.domain.TargetLink;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Answers the dashboard's questions from its state stores (interactive queries): flows over a window, a record's
 * lineage by source or target id, dead letters by filter. It assumes one dashboard instance holds every partition,
 * which is how the dashboard is deployed (see docs/ops-dashboard.md).
 */
public class DashboardReader {

    private final StoreAccess stores;

    public DashboardReader(StoreAccess stores) {
        this.stores = stores;
    }

    /** Every flow with outcomes in minutes starting in {@code [from, to]}, by flow id. */
    public List<FlowView> flows(Instant from, Instant to) {
        Map<String, TreeMap<Long, FlowStats>> byFlow = new TreeMap<>();
        try (KeyValueIterator<Windowed<String>, FlowStats> it = stores.flowMinutes().fetchAll(from, to)) {
            while (it.hasNext()) {
                KeyValue<Windowed<String>, FlowStats> kv = it.next();
                byFlow.computeIfAbsent(kv.key.key(), k -> new TreeMap<>())
                        .merge(kv.key.window().start(), kv.value, FlowStats::merge);
            }
        }
        List<FlowView> flows = new ArrayList<>();
        byFlow.forEach((flowId, minutes) -> {
            FlowStats totals = minutes.values().stream().reduce(FlowStats.empty(), FlowStats::merge);
            List<FlowView.MinutePoint> series = minutes.entrySet().stream()
                    .map(e -> new FlowView.MinutePoint(e.getKey(), e.getValue())).toList();
            flows.add(new FlowView(flowId, totals, series));
        });
        return flows;
    }

    public Optional<RecordLineage> lineage(String recordId) {
        return Optional.ofNullable(stores.lineage().get(recordId));
    }

    /** The lineages of every source record that wrote {@code targetId}. */
    public List<RecordLineage> lineageByTarget(String targetId) {
        TargetIndex index = stores.targetIndex().get(targetId);
        if (index == null) {
            return List.of();
        }
        Set<String> sources = new LinkedHashSet<>();
        index.links().stream().map(TargetLink::sourceRecordId).forEach(sources::add);
        return sources.stream().map(this::lineage).flatMap(Optional::stream).toList();
    }

    public Optional<DeadLetterEntry> deadLetter(String key) {
        return Optional.ofNullable(stores.deadLetters().get(key));
    }

    /** Dead letters matching {@code filter}, newest first, at most {@code limit}. */
    public List<DeadLetterEntry> deadLetters(DeadLetterFilter filter, int limit) {
        List<DeadLetterEntry> matching = new ArrayList<>();
        try (KeyValueIterator<String, DeadLetterEntry> it = stores.deadLetters().all()) {
            while (it.hasNext()) {
                DeadLetterEntry entry = it.next().value;
                if (filter.matches(entry)) {
                    matching.add(entry);
                }
            }
        }
        matching.sort(Comparator.comparing((DeadLetterEntry e) -> e.deadLetter().getDeadLetteredAt()).reversed()
                .thenComparing(DeadLetterEntry::key));
        return matching.size() > limit ? List.copyOf(matching.subList(0, limit)) : matching;
    }

    /** Dead letters ever seen per {@code flowId|errorCode}. */
    public Map<String, Long> deadLetterCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (KeyValueIterator<String, Long> it = stores.deadLetterCounts().all()) {
            while (it.hasNext()) {
                KeyValue<String, Long> kv = it.next();
                counts.put(kv.key, kv.value);
            }
        }
        return counts;
    }
}
