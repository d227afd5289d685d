package io.zsync.cli.domain;

import io.zsync.contract.ChangeEvent;
import io.zsync.contract.EventOrigin;
import io.zsync.contract.Operation;
import io.zsync.contract.SystemId;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The change event a backfill publishes for one existing record: origin BACKFILL, operation UPDATED, the record's
 * {@code Modified_Time} as its version, and an event id that is a name-based UUID of
 * {@code backfill/org/module/id/version}, so running the same backfill twice publishes the same events and the
 * services' ledger treats the second as a duplicate.
 */
public final class BackfillEvents {

    private BackfillEvents() {
    }

    public static String eventId(String org, String module, String recordId, String version) {
        String name = "backfill/" + org + "/" + module + "/" + recordId + "/" + version;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static ChangeEvent event(String org, String module, String recordId, String version, Instant now,
                                    String traceId) {
        Instant occurred;
        try {
            occurred = OffsetDateTime.parse(version).toInstant();
        } catch (DateTimeParseException e) {
            occurred = now;
        }
        return ChangeEvent.newBuilder()
                .setEventId(eventId(org, module, recordId, version))
                .setSource(SystemId.ZOHO_CRM).setOrgId(org).setEntityType(module).setRecordId(recordId)
                .setOperation(Operation.UPDATED).setChangedFields(List.of()).setChangedValues(null)
                .setPreviousValues(null).setRecordVersion(version).setOrigin(EventOrigin.BACKFILL)
                .setOccurredAt(occurred).setReceivedAt(now).setTraceId(traceId)
                .setAttributes(Map.of())
                .build();
    }
}
