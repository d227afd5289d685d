package io.zsync.sandbox.crm;

import java.time.Instant;
import java.util.Map;

/**
 * An immutable snapshot of one stored CRM record: its module, id, times and raw field values (lookups as
 * {"id"} only: names are filled in when rendered, so a renamed account shows its new name).
 */
public record CrmRecord(String module, String id, Instant created, Instant modified, Map<String, Object> fields) {

    public long numericId() {
        return Long.parseLong(id);
    }
}
