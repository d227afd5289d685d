package io.zsync.zoho.crm;

import io.micronaut.core.annotation.Nullable;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A CRM list request: the {@code fields} are mandatory since v3 (at most 50); {@code modifiedSince} becomes the
 * {@code If-Modified-Since} header that limits the answer to records changed after it.
 *
 * @param module        module API name
 * @param fields        field API names to return
 * @param modifiedSince only records modified after this instant
 * @param perPage       page size, at most 200
 * @param sortBy        {@code id}, {@code Created_Time} or {@code Modified_Time}
 * @param sortOrder     {@code asc} or {@code desc}
 * @param cvid          custom view id (exclusive with sortBy)
 */
public record CrmListQuery(String module, List<String> fields, @Nullable OffsetDateTime modifiedSince,
                           @Nullable Integer perPage, @Nullable String sortBy, @Nullable String sortOrder,
                           @Nullable String cvid) {

    public CrmListQuery {
        if (fields == null || fields.isEmpty()) {
            throw new IllegalArgumentException("CRM list needs fields (mandatory since v3)");
        }
        if (fields.size() > 50) {
            throw new IllegalArgumentException("CRM list takes at most 50 fields, got " + fields.size());
        }
        if (perPage != null && (perPage < 1 || perPage > 200)) {
            throw new IllegalArgumentException("per_page must be 1..200");
        }
        fields = List.copyOf(fields);
    }

    public static CrmListQuery of(String module, String... fields) {
        return new CrmListQuery(module, List.of(fields), null, null, null, null, null);
    }

    public CrmListQuery modifiedSince(OffsetDateTime since) {
        return new CrmListQuery(module, fields, since, perPage, sortBy, sortOrder, cvid);
    }

    public CrmListQuery perPage(int n) {
        return new CrmListQuery(module, fields, modifiedSince, n, sortBy, sortOrder, cvid);
    }

    public CrmListQuery sort(String by, String order) {
        return new CrmListQuery(module, fields, modifiedSince, perPage, by, order, cvid);
    }
}
