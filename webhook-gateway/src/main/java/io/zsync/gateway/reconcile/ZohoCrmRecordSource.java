package io.zsync.gateway.reconcile;

import io.zsync.gateway.domain.ReconciliationPlan;
import io.zsync.zoho.crm.CrmClient;
import io.zsync.zoho.crm.CrmListQuery;
import io.zsync.zoho.crm.CrmRecord;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The CRM list API with {@code If-Modified-Since}, sorted by {@code Modified_Time} ascending, all pages
 * (zoho-clients walks page tokens). Records without an id or a modification time cannot be placed against
 * the watermark and are skipped.
 */
@Singleton
public class ZohoCrmRecordSource implements CrmRecordSource {

    private final CrmClient crm;

    public ZohoCrmRecordSource(CrmClient crm) {
        this.crm = crm;
    }

    @Override
    public List<Listed> modifiedSince(String org, String module, Instant since) {
        CrmListQuery query = CrmListQuery.of(module, "id", "Modified_Time", "Created_Time")
                .modifiedSince(OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
                .sort("Modified_Time", "asc")
                .perPage(200);
        return crm.listAll(org, query).stream()
                .filter(r -> r.id() != null && r.modifiedTime().isPresent())
                .map(ZohoCrmRecordSource::listed)
                .toList();
    }

    private static Listed listed(CrmRecord record) {
        OffsetDateTime modified = record.modifiedTime().orElseThrow();
        String version = record.string("Modified_Time");
        return new Listed(new ReconciliationPlan.Stamp(record.id(), modified.toInstant(), version == null ? modified.toString() : version),
                record.dateTime("Created_Time").map(OffsetDateTime::toInstant).orElse(null));
    }
}
