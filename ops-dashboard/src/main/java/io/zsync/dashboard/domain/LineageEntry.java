package io.zsync.dashboard.domain;

import java.util.List;
import java.util.Map;

/**
 * One step of a record's history: how one event ended in one flow.
 *
 * @param flowId       flow
 * @param eventId      event
 * @param status       outcome
 * @param at           when it ended, epoch millis
 * @param attempts     attempts spent
 * @param targets      target records touched
 * @param errorCode    error code when failed
 * @param errorMessage error message when failed
 * @param skipReason   why it was skipped
 * @param failedStep   saga step that failed
 * @param latencyMs    receipt to completion, when known
 * @param apiCalls     SaaS calls spent
 * @param traceId      trace id, to find the logs
 * @param details      per-step details
 */
public record LineageEntry(String flowId, String eventId, OutcomeStatus status, long at, int attempts,
                           List<TargetView> targets, String errorCode, String errorMessage, String skipReason,
                           String failedStep, Long latencyMs, int apiCalls, String traceId,
                           Map<String, String> details) {

    public LineageEntry {
        targets = targets == null ? List.of() : List.copyOf(targets);
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static LineageEntry of(Outcome o) {
        return new LineageEntry(o.flowId(), o.eventId(), o.status(), o.at(), o.attempts(), o.targets(),
                o.errorCode(), o.errorMessage(), o.skipReason(), o.failedStep(), o.latencyMs(), o.apiCalls(),
                o.traceId(), o.details());
    }

    /** The same outcome delivered twice (at-least-once) must not appear twice in a history. */
    boolean sameOutcomeAs(LineageEntry other) {
        return flowId.equals(other.flowId) && eventId.equals(other.eventId) && status == other.status
                && at == other.at;
    }
}
