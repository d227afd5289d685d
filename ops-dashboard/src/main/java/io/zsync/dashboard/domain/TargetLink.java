package io.zsync.dashboard.domain;

/**
 * A target record pointing back at the source record a flow wrote it for.
 *
 * @param targetSystem     target system
 * @param targetEntityType target entity
 * @param targetId         id at the target
 * @param sourceRecordId   the source record id (key of its lineage)
 * @param flowId           the flow that wrote it
 */
public record TargetLink(String targetSystem, String targetEntityType, String targetId, String sourceRecordId,
                         String flowId) {
}
