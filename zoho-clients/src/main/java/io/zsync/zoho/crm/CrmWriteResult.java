package io.zsync.zoho.crm;

import io.micronaut.core.annotation.Nullable;
import io.zsync.zoho.error.ZohoApiException;

import java.util.Map;
import java.util.Optional;

/**
 * The outcome of one record of a CRM write, in input order (zoho-api.md §3.2): a 207 or an all-failed 400 still
 * answers per record, so one bad record never hides the ids of the good ones.
 *
 * @param index          position in the request
 * @param success        element {@code status} was {@code success}
 * @param code           {@code SUCCESS} or the error code
 * @param message        {@code record added}, {@code record updated}, or the error text
 * @param id             record id on success ({@code details.id})
 * @param action         upsert: {@code insert} or {@code update}
 * @param duplicateField upsert: field that matched an existing record
 * @param details        the element's {@code details}
 * @param error          the mapped error when not successful
 */
public record CrmWriteResult(int index, boolean success, String code, String message, @Nullable String id,
                             @Nullable String action, @Nullable String duplicateField, Map<String, Object> details,
                             @Nullable ZohoApiException error) {

    /** The id, or the element's error thrown. */
    public String idOrThrow() {
        if (!success) {
            throw error;
        }
        return id;
    }

    public Optional<ZohoApiException> failure() {
        return Optional.ofNullable(error);
    }
}
