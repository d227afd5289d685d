package io.zsync.dashboard;

import io.zsync.contract.ChangeEvent;
import io.zsync.contract.DeadLetter;
import io.zsync.contract.EventOrigin;
import io.zsync.contract.Operation;
import io.zsync.contract.RecordRef;
import io.zsync.contract.SyncCompleted;
import io.zsync.contract.SyncStatus;
import io.zsync.contract.SystemId;
import io.zsync.contract.TargetAction;
import io.zsync.contract.TargetRef;
import io.zsync.schemas.Topics;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Contract records for the dashboard's tests, built from a few named values. */
public final class Fixtures {

    public static final String CONTACTS_FLOW = "crm-contact-to-books-customer";
    public static final String DEALS_FLOW = "crm-deal-to-books-invoice";
    public static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    private Fixtures() {
    }

    public static ChangeEvent change(String recordId, String eventId) {
        return ChangeEvent.newBuilder()
                .setEventId(eventId).setSource(SystemId.ZOHO_CRM).setOrgId("org-1").setEntityType("Contacts")
                .setRecordId(recordId).setOperation(Operation.UPDATED).setChangedFields(List.of("Email"))
                .setChangedValues(Map.of("Email", "ana@example.com")).setPreviousValues(null)
                .setRecordVersion("2026-11-27T09:59:00+00:00").setOrigin(EventOrigin.WEBHOOK)
                .setOccurredAt(T0.minusSeconds(5)).setReceivedAt(T0.minusSeconds(4))
                .setTraceId("trace-" + eventId).setAttributes(Map.of("channel", "ch-1"))
                .build();
    }

    /** A completion that finished {@code latencyMs} after the gateway received its event at {@code receivedAt}. */
    public static SyncCompleted completed(String flowId, String recordId, String eventId, SyncStatus status,
                                          Instant receivedAt, long latencyMs, int attempts, int apiCalls,
                                          String... targetIds) {
        List<TargetRef> targets = java.util.Arrays.stream(targetIds).map(id -> TargetRef.newBuilder()
                .setSystem(SystemId.ZOHO_BOOKS).setEntityType("contacts").setRecordId(id)
                .setAction(TargetAction.CREATED).setLabel(null).build()).toList();
        Instant finished = receivedAt.plusMillis(latencyMs);
        return SyncCompleted.newBuilder()
                .setEventId(eventId).setFlowId(flowId).setStatus(status)
                .setSource(RecordRef.newBuilder().setSystem(SystemId.ZOHO_CRM).setOrgId("org-1")
                        .setEntityType("Contacts").setRecordId(recordId).build())
                .setTargets(targets).setAttempts(attempts).setApiCalls(apiCalls)
                .setEventReceivedAt(receivedAt).setStartedAt(finished.minusMillis(Math.min(latencyMs, 50)))
                .setFinishedAt(finished)
                .setErrorCode(status == SyncStatus.FAILED ? "BOOKS_REJECTED" : null)
                .setErrorMessage(status == SyncStatus.FAILED ? "Books said no" : null)
                .setSkipReason(status == SyncStatus.SKIPPED ? "own write-back (echo)" : null)
                .setTraceId("trace-" + eventId).setDetails(Map.of())
                .build();
    }

    public static SyncCompleted succeeded(String flowId, String recordId, String eventId, Instant receivedAt,
                                          long latencyMs, String... targetIds) {
        return completed(flowId, recordId, eventId, SyncStatus.SUCCEEDED, receivedAt, latencyMs, 1, 2, targetIds);
    }

    public static DeadLetter deadLetter(String flowId, String recordId, String eventId, String errorCode,
                                        Instant at, int redriveCount) {
        return DeadLetter.newBuilder()
                .setEventId(eventId).setFlowId(flowId).setOriginal(change(recordId, eventId)).setRawValue(null)
                .setSourceTopic(Topics.CRM_CONTACTS.name()).setSourcePartition(2).setSourceOffset(41)
                .setRecordKey(recordId).setConsumerGroup("crm-books-service").setErrorCode(errorCode)
                .setErrorMessage("Books answered 400: " + errorCode).setErrorClass("ZohoValidationException")
                .setRetryable(false).setAttempts(3).setFailedStep("create-customer")
                .setFirstFailedAt(at.minusSeconds(30)).setDeadLetteredAt(at).setRedriveCount(redriveCount)
                .setTraceId("trace-" + eventId)
                .build();
    }
}
