package io.zsync.cli.domain;

/**
 * A target record that might already be the synced copy of a CRM record.
 *
 * @param targetId     id at the target
 * @param email        its e-mail, or null
 * @param crmRecordId  the CRM id kept on it (a custom field), or null
 */
public record TargetCandidate(String targetId, String email, String crmRecordId) {
}
