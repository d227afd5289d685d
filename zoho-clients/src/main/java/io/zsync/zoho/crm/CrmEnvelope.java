package io.zsync.zoho.crm;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * CRM's response envelope: {@code data} (records, or one result per written record), {@code info} (paging)
 * and, for notification channels, {@code watch}. Records stay maps because CRM modules carry arbitrary fields.
 *
 * @param data  records or per-record results
 * @param info  paging info
 * @param watch per-channel results or channel details
 */
@Serdeable
public record CrmEnvelope(@Nullable List<Map<String, Object>> data,
                          @Nullable Map<String, Object> info,
                          @Nullable List<Map<String, Object>> watch) {
}
