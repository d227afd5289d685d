package io.zsync.dashboard.domain;

/**
 * The source record an outcome is about.
 *
 * @param system     source system ({@code ZOHO_CRM}, ...)
 * @param orgId      org / tenant
 * @param entityType module or object name
 * @param recordId   the record's id at the source (the Kafka key)
 */
public record SourceView(String system, String orgId, String entityType, String recordId) {
}
