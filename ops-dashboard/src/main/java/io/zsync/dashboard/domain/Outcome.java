package io.zsync.dashboard.domain;

import java.util.List;
import java.util.Map;

/**
 * One event's end in one flow, whether it came as a {@code SyncCompleted} or as a {@code DeadLetter}: the one
 * shape every dashboard aggregate is computed from.
 *
 * @param recordId     source record id (the Kafka key of both outcome topics)
 * @param flowId       flow
 * @param eventId      the change event's id (unchanged by redrive)
 * @param status       how it ended
 * @param source       the source record, or null when a dead letter's original could not be decoded
 * @param targets      target records touched
 * @param attempts     processing attempts (1 = no retry)
 * @param apiCalls     SaaS calls spent (0 for dead letters, which do not report them)
 * @param latencyMs    gateway receipt to completion, or null when unknown (and for dead letters)
 * @param at           when it ended (finishedAt / deadLetteredAt), epoch millis
 * @param errorCode    error code when failed or dead-lettered
 * @param errorMessage error message when failed or dead-lettered
 * @param skipReason   reason when skipped
 * @param failedStep   saga step that failed, when known
 * @param traceId      trace id
 * @param details      per-step details and conflict losers
 */
public record Outcome(String recordId, String flowId, String eventId, OutcomeStatus status, SourceView source,
                      List<TargetView> targets, int attempts, int apiCalls, Long latencyMs, long at,
                      String errorCode, String errorMessage, String skipReason, String failedStep, String traceId,
                      Map<String, String> details) {

    public Outcome {
        targets = targets == null ? List.of() : List.copyOf(targets);
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** Retries spent: every attempt after the first. */
    public int retries() {
        return Math.max(0, attempts - 1);
    }
}
