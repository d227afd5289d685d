package io.zsync.dashboard.domain;

import io.zsync.contract.ChangeEvent;
import io.zsync.contract.DeadLetter;
import io.zsync.contract.SyncCompleted;
import io.zsync.contract.TargetRef;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the two outcome contracts into {@link Outcome}s. Latency is {@code finishedAt - eventReceivedAt} and is
 * unknown (null) when the completion does not carry the gateway's receipt time; a clock skew that would make it
 * negative counts as zero rather than poisoning the percentiles.
 */
public final class Outcomes {

    private Outcomes() {
    }

    public static Outcome fromCompletion(String key, SyncCompleted c) {
        String recordId = key != null ? key : c.getSource().getRecordId();
        long finished = c.getFinishedAt().toEpochMilli();
        Instant received = c.getEventReceivedAt();
        Long latency = received == null ? null : Math.max(0L, finished - received.toEpochMilli());
        List<TargetView> targets = c.getTargets().stream().map(Outcomes::target).toList();
        return new Outcome(recordId, c.getFlowId(), c.getEventId(), OutcomeStatus.valueOf(c.getStatus().name()),
                new SourceView(c.getSource().getSystem().name(), c.getSource().getOrgId(),
                        c.getSource().getEntityType(), c.getSource().getRecordId()),
                targets, Math.max(1, c.getAttempts()), Math.max(0, c.getApiCalls()), latency, finished,
                c.getErrorCode(), c.getErrorMessage(), c.getSkipReason(), null, c.getTraceId(),
                copy(c.getDetails()));
    }

    public static Outcome fromDeadLetter(String key, DeadLetter d) {
        ChangeEvent original = d.getOriginal();
        String recordId = key != null ? key
                : d.getRecordKey() != null ? d.getRecordKey()
                : original != null ? original.getRecordId() : null;
        SourceView source = original == null ? null : new SourceView(original.getSource().name(),
                original.getOrgId(), original.getEntityType(), original.getRecordId());
        return new Outcome(recordId, d.getFlowId(), d.getEventId(), OutcomeStatus.DEAD_LETTERED, source, List.of(),
                Math.max(1, d.getAttempts()), 0, null, d.getDeadLetteredAt().toEpochMilli(), d.getErrorCode(),
                d.getErrorMessage(), null, d.getFailedStep(), d.getTraceId(), Map.of());
    }

    private static TargetView target(TargetRef t) {
        return new TargetView(t.getSystem().name(), t.getEntityType(), t.getRecordId(), t.getAction().name(),
                t.getLabel());
    }

    private static Map<String, String> copy(Map<String, String> details) {
        // Avro may hand out maps with null values or Utf8 keys; keep a plain, null-free copy.
        Map<String, String> out = new HashMap<>();
        if (details != null) {
            details.forEach((k, v) -> {
                if (k != null && v != null) {
                    out.put(String.valueOf(k), String.valueOf(v));
                }
            });
        }
        return out;
    }
}
