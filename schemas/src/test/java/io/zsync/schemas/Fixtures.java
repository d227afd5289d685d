package io.zsync.schemas;

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

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Contract records with every field set, including unicode and nulls inside maps, for round trips. */
public final class Fixtures {

    private Fixtures() {
    }

    public static ChangeEvent changeEvent(String recordId) {
        Map<String, String> values = new HashMap<>();
        values.put("Last_Name", "Müller-Łukasiewicz 山田"); // non-ASCII must survive the round trip
        values.put("Phone", null); // a cleared field is a null value, not a missing key
        return ChangeEvent.newBuilder()
                .setEventId("evt-" + recordId)
                .setSource(SystemId.ZOHO_CRM)
                .setOrgId("org-1")
                .setEntityType("Contacts")
                .setRecordId(recordId)
                .setOperation(Operation.UPDATED)
                .setChangedFields(List.of("Last_Name", "Phone"))
                .setChangedValues(values)
                .setPreviousValues(null)
                .setRecordVersion("2024-05-10T01:10:47-07:00")
                .setOrigin(EventOrigin.WEBHOOK)
                .setOccurredAt(Instant.ofEpochMilli(1_700_000_000_123L))
                .setReceivedAt(Instant.ofEpochMilli(1_700_000_000_456L))
                .setTraceId("trace-" + recordId)
                .setAttributes(Map.of("channel_id", "1000000068001"))
                .build();
    }

    public static SyncCompleted syncCompleted(String recordId) {
        return SyncCompleted.newBuilder()
                .setEventId("evt-" + recordId)
                .setFlowId("crm-contact-to-books-customer")
                .setStatus(SyncStatus.SUCCEEDED)
                .setSource(new RecordRef(SystemId.ZOHO_CRM, "org-1", "Contacts", recordId))
                .setTargets(List.of(new TargetRef(SystemId.ZOHO_BOOKS, "contacts", "460000000026049", TargetAction.CREATED, null),
                        new TargetRef(SystemId.ZOHO_CRM, "Contacts", recordId, TargetAction.UPDATED, "write-back")))
                .setAttempts(2)
                .setApiCalls(3)
                .setEventReceivedAt(Instant.ofEpochMilli(1_700_000_000_456L))
                .setStartedAt(Instant.ofEpochMilli(1_700_000_000_500L))
                .setFinishedAt(Instant.ofEpochMilli(1_700_000_000_900L))
                .setErrorCode(null)
                .setErrorMessage(null)
                .setSkipReason(null)
                .setTraceId("trace-" + recordId)
                .setDetails(Map.of("step", "write-back"))
                .build();
    }

    public static DeadLetter deadLetter(String recordId) {
        return DeadLetter.newBuilder()
                .setEventId("evt-" + recordId)
                .setFlowId("crm-deal-to-books-invoice")
                .setOriginal(changeEvent(recordId))
                .setRawValue(null)
                .setSourceTopic(Topics.CRM_DEALS.name())
                .setSourcePartition(4)
                .setSourceOffset(1234L)
                .setRecordKey(recordId)
                .setConsumerGroup("crm-books-service")
                .setErrorCode("MISSING_BOOKS_ITEM")
                .setErrorMessage("product 5725767000000524001 has no Books_Item_ID")
                .setErrorClass("io.zsync.sync.PermanentSyncException")
                .setRetryable(false)
                .setAttempts(1)
                .setFailedStep(null)
                .setFirstFailedAt(Instant.ofEpochMilli(1_700_000_001_000L))
                .setDeadLetteredAt(Instant.ofEpochMilli(1_700_000_001_001L))
                .setRedriveCount(0)
                .setTraceId("trace-" + recordId)
                .build();
    }
}
