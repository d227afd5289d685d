package io.zsync.dashboard.web;

import io.zsync.contract.ChangeEvent;
import io.zsync.contract.DeadLetter;
import io.zsync.dashboard.domain.DeadLetterEntry;
import io.zsync.dashboard.domain.DeadLetterSummary;
import io.zsync.dashboard.domain.FlowStats;
import io.zsync.dashboard.domain.GroupLag;
import io.zsync.dashboard.domain.RedriveDecision;
import io.zsync.dashboard.domain.RedriveRule;
import io.zsync.dashboard.domain.Verdict;
import io.zsync.dashboard.health.HealthSnapshot;
import io.zsync.dashboard.query.FlowView;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns query results into the API's JSON views. */
final class JsonMapping {

    private JsonMapping() {
    }

    static Views.HealthJson health(Verdict v) {
        return new Views.HealthJson(v.level().name(), v.reason());
    }

    static Views.FlowJson flow(FlowView view, Verdict verdict) {
        FlowStats t = view.totals();
        List<Views.MinuteJson> series = view.series().stream().map(p -> new Views.MinuteJson(p.minuteStart(),
                p.stats().succeeded(), p.stats().skipped(), p.stats().failed(), p.stats().deadLettered(),
                p.stats().latency().percentile(95))).toList();
        return new Views.FlowJson(view.flowId(), health(verdict), t.total(), t.succeeded(), t.skipped(), t.failed(),
                t.deadLettered(), t.failureRate(), t.retries(), t.maxAttempts(), t.apiCalls(), t.apiCallsPerEvent(),
                t.latency().percentile(50), t.latency().percentile(95), t.latency().percentile(99),
                t.latency().mean(), series);
    }

    static Views.GroupJson group(HealthSnapshot.GroupHealth g) {
        GroupLag lag = g.lag();
        if (lag == null) {
            return new Views.GroupJson(g.groupId(), health(g.verdict()), false, null, null, List.of());
        }
        return new Views.GroupJson(g.groupId(), health(g.verdict()), lag.found(), lag.found() ? lag.totalLag() : null,
                lag.oldestUnprocessedAgeMs(),
                lag.partitions().stream().map(p -> new Views.PartitionJson(p.topic(), p.partition(), p.committed(),
                        p.end(), p.lag())).toList());
    }

    static Views.DeadLetterCountJson count(DeadLetterSummary s) {
        return new Views.DeadLetterCountJson(s.flowId(), s.errorCode(), s.open(), s.resolved(),
                Instant.ofEpochMilli(s.lastAt()).toString());
    }

    static Views.DeadLetterJson deadLetter(DeadLetterEntry entry) {
        DeadLetter d = entry.deadLetter();
        RedriveDecision decision = RedriveRule.decide(d);
        String refused = decision instanceof RedriveDecision.Refuse r ? r.reason() : null;
        ChangeEvent o = d.getOriginal();
        String recordId = d.getRecordKey() != null ? d.getRecordKey() : o != null ? o.getRecordId() : null;
        return new Views.DeadLetterJson(entry.id(), d.getFlowId(), d.getEventId(), recordId, d.getErrorCode(),
                d.getErrorMessage(), d.getErrorClass(), d.getRetryable(), d.getAttempts(), d.getFailedStep(),
                iso(d.getFirstFailedAt()), iso(d.getDeadLetteredAt()), d.getRedriveCount(), d.getSourceTopic(),
                d.getSourcePartition(), d.getSourceOffset(), d.getConsumerGroup(), d.getTraceId(),
                entry.isOpen() ? "OPEN" : "RESOLVED",
                entry.resolvedAt() == null ? null : Instant.ofEpochMilli(entry.resolvedAt()).toString(),
                entry.resolvedStatus() == null ? null : entry.resolvedStatus().name(),
                refused == null, refused, o == null ? null : changeEvent(o), raw(d.getRawValue()));
    }

    static Views.ChangeEventJson changeEvent(ChangeEvent e) {
        return new Views.ChangeEventJson(e.getEventId(), e.getSource().name(), e.getOrgId(), e.getEntityType(),
                e.getRecordId(), e.getOperation().name(), e.getChangedFields().stream().map(String::valueOf).toList(),
                strings(e.getChangedValues()), strings(e.getPreviousValues()), e.getRecordVersion(),
                e.getOrigin().name(), iso(e.getOccurredAt()), iso(e.getReceivedAt()), e.getTraceId(),
                strings(e.getAttributes()));
    }

    private static Map<String, String> strings(Map<String, String> map) {
        if (map == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        return out;
    }

    private static String raw(ByteBuffer bytes) {
        if (bytes == null) {
            return null;
        }
        ByteBuffer copy = bytes.duplicate();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return Base64.getEncoder().encodeToString(out);
    }

    private static String iso(Instant t) {
        return t == null ? null : t.toString();
    }
}
