package io.zsync.cli.domain;

/**
 * What the backfill reads of one CRM record.
 *
 * @param recordId     CRM id
 * @param email        primary e-mail, or null
 * @param keptTargetId the target id the flow wrote back on the record (e.g. {@code Books_Customer_ID}), or null
 * @param modifiedTime {@code Modified_Time} as CRM sends it (the record's version), or null
 */
public record CrmContactFacts(String recordId, String email, String keptTargetId, String modifiedTime) {
}
