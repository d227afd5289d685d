package io.zsync.externalsync.it;

import io.zsync.contract.SyncCompleted;
import io.zsync.contract.SyncStatus;
import io.zsync.contract.TargetAction;
import io.zsync.contract.TargetRef;
import io.zsync.schemas.Topics;
import io.zsync.sync.TopicProbe;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The completion topic as a test reads it: filtered by the test's own record ids, since tests share the broker. */
final class Completions implements AutoCloseable {

    static final String CRM_FLOW = "crm-contact-to-external";
    static final String EXTERNAL_FLOW = "external-contact-to-crm";

    private final TopicProbe<SyncCompleted> probe = new TopicProbe<>(Topics.SYNC_COMPLETIONS);

    /** Completions of {@code flow} for source record {@code recordId}, in order. */
    List<SyncCompleted> of(String flow, String recordId) {
        return probe.values(c -> c.getFlowId().equals(flow) && c.getSource().getRecordId().equals(recordId));
    }

    /**
     * Completions of {@code flow} by source record id, from one poll: for conditions over many records (each
     * {@link #of} polls the topic once).
     */
    Map<String, List<SyncCompleted>> byRecord(String flow) {
        return probe.values(c -> c.getFlowId().equals(flow)).stream()
                .collect(Collectors.groupingBy(c -> c.getSource().getRecordId()));
    }

    /** The records among {@code recordIds} with exactly one SUCCEEDED completion of {@code flow}. */
    long succeededOnce(String flow, Collection<String> recordIds) {
        Map<String, List<SyncCompleted>> byRecord = byRecord(flow);
        return recordIds.stream().filter(id -> byRecord.getOrDefault(id, List.of()).stream()
                .filter(c -> c.getStatus() == SyncStatus.SUCCEEDED).count() == 1).count();
    }

    List<SyncCompleted> succeeded(String flow, String recordId) {
        return of(flow, recordId).stream().filter(c -> c.getStatus() == SyncStatus.SUCCEEDED).toList();
    }

    List<SyncCompleted> skipped(String flow, String recordId) {
        return of(flow, recordId).stream().filter(c -> c.getStatus() == SyncStatus.SKIPPED).toList();
    }

    /** The completions of both flows for these records, one line each, for assertion messages. */
    String describe(String... recordIds) {
        StringBuilder out = new StringBuilder();
        for (String id : recordIds) {
            for (String flow : List.of(CRM_FLOW, EXTERNAL_FLOW)) {
                for (SyncCompleted c : of(flow, id)) {
                    out.append('\n').append(flow).append(' ').append(id).append(' ').append(c.getStatus())
                            .append(c.getSkipReason() == null ? "" : " skip=" + c.getSkipReason())
                            .append(c.getErrorCode() == null ? "" : " error=" + c.getErrorCode() + " " + c.getErrorMessage())
                            .append(" targets=").append(c.getTargets()).append(" details=").append(c.getDetails());
                }
            }
        }
        return out.toString();
    }

    /** Waits for a condition; on timeout the failure shows the completions of the given records. */
    void await(java.time.Duration atMost, java.util.concurrent.Callable<Boolean> condition, String... recordIds) {
        try {
            org.awaitility.Awaitility.await().atMost(atMost).until(condition);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("timed out; completions so far:" + describe(recordIds), e);
        }
    }

    static String target(SyncCompleted completion, String entityType, TargetAction action) {
        return completion.getTargets().stream()
                .filter(t -> t.getEntityType().equals(entityType) && t.getAction() == action)
                .map(TargetRef::getRecordId).findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " " + entityType + " target in " + completion));
    }

    @Override
    public void close() {
        probe.close();
    }
}
