package io.zsync.dashboard.domain;

/**
 * A record a flow created, updated or matched at its target.
 *
 * @param system     target system
 * @param entityType target entity
 * @param recordId   id at the target
 * @param action     CREATED, UPDATED, MATCHED, ...
 * @param label      human reference (invoice number), or null
 */
public record TargetView(String system, String entityType, String recordId, String action, String label) {
}
