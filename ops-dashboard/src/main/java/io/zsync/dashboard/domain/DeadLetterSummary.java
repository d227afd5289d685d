package io.zsync.dashboard.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Dead letters counted by flow and error code, most frequent first: the "what is broken" view.
 *
 * @param flowId    flow
 * @param errorCode error code
 * @param open      open dead letters
 * @param resolved  resolved dead letters
 * @param lastAt    when the latest of them was dead-lettered, epoch millis
 */
public record DeadLetterSummary(String flowId, String errorCode, long open, long resolved, long lastAt) {

    public static List<DeadLetterSummary> of(List<DeadLetterEntry> entries) {
        Map<String, DeadLetterSummary> byKey = new TreeMap<>();
        for (DeadLetterEntry e : entries) {
            var dl = e.deadLetter();
            String key = dl.getFlowId() + "|" + dl.getErrorCode();
            long at = dl.getDeadLetteredAt().toEpochMilli();
            DeadLetterSummary s = byKey.getOrDefault(key, new DeadLetterSummary(dl.getFlowId(), dl.getErrorCode(), 0, 0, 0));
            byKey.put(key, new DeadLetterSummary(s.flowId, s.errorCode, s.open + (e.isOpen() ? 1 : 0),
                    s.resolved + (e.isOpen() ? 0 : 1), Math.max(s.lastAt, at)));
        }
        return byKey.values().stream()
                .sorted(Comparator.comparingLong(DeadLetterSummary::open).reversed()
                        .thenComparing(DeadLetterSummary::flowId).thenComparing(DeadLetterSummary::errorCode))
                .toList();
    }
}
