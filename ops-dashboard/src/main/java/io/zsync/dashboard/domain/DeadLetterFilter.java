package io.zsync.dashboard.domain;

import java.time.Instant;
import java.util.Locale;

/**
 * Which dead letters an operator means: by flow, error code, dead-lettered time range, event id or record id,
 * and state. Empty criteria match everything; the time range is inclusive of {@code from} and exclusive of
 * {@code to}.
 *
 * @param flowId    flow, or null
 * @param errorCode error code (case-insensitive), or null
 * @param from      earliest dead-lettered time, or null
 * @param to        dead-lettered before this, or null
 * @param eventId   event id, or null
 * @param recordId  source record id, or null
 * @param state     open, resolved or all
 */
public record DeadLetterFilter(String flowId, String errorCode, Instant from, Instant to, String eventId,
                               String recordId, State state) {

    /** Open: no later success; resolved: a later completion succeeded or skipped. */
    public enum State { OPEN, RESOLVED, ALL }

    public DeadLetterFilter {
        state = state == null ? State.OPEN : state;
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("'from' must be before 'to'");
        }
    }

    public static DeadLetterFilter open() {
        return new DeadLetterFilter(null, null, null, null, null, null, State.OPEN);
    }

    public boolean matches(DeadLetterEntry entry) {
        var dl = entry.deadLetter();
        Instant at = dl.getDeadLetteredAt();
        String key = dl.getRecordKey() != null ? dl.getRecordKey()
                : dl.getOriginal() != null ? dl.getOriginal().getRecordId() : null;
        return (flowId == null || flowId.equals(dl.getFlowId()))
                && (errorCode == null || errorCode.toUpperCase(Locale.ROOT).equals(
                        dl.getErrorCode() == null ? null : dl.getErrorCode().toUpperCase(Locale.ROOT)))
                && (from == null || !at.isBefore(from))
                && (to == null || at.isBefore(to))
                && (eventId == null || eventId.equals(dl.getEventId()))
                && (recordId == null || recordId.equals(key))
                && (state == State.ALL || (state == State.OPEN) == entry.isOpen());
    }
}
