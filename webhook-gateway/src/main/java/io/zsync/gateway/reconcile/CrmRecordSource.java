package io.zsync.gateway.reconcile;

import io.zsync.gateway.domain.ReconciliationPlan;

import java.time.Instant;
import java.util.List;

/** Lists the CRM records of a module modified after a time, every page of them. */
public interface CrmRecordSource {

    /** One listed record with its creation time, so a first sighting can be told from an update. */
    record Listed(ReconciliationPlan.Stamp stamp, Instant createdTime) {
    }

    List<Listed> modifiedSince(String org, String module, Instant since);
}
