package io.zsync.zoho.crm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * Body of CRM insert/update/upsert. {@code trigger} null runs every automation, an empty list runs none
 * (zoho-api.md §3.5), so null is omitted but an empty list is sent.
 *
 * @param data                 the records (at most 100)
 * @param trigger              automations to run
 * @param duplicateCheckFields upsert: fields that identify an existing record
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CrmWriteRequest(List<Map<String, Object>> data,
                              @Nullable List<String> trigger,
                              @JsonProperty("duplicate_check_fields") @Nullable List<String> duplicateCheckFields) {
}
