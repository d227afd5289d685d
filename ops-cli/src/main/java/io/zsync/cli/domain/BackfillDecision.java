package io.zsync.cli.domain;

/**
 * What a backfill expects for one record.
 *
 * @param recordId the CRM id
 * @param action   match an existing target, create one, or skip the record (not published)
 * @param how      how it matched, or why it is skipped
 * @param targetId the matched target, or null
 */
public record BackfillDecision(String recordId, Action action, String how, String targetId) {

    /** The three outcomes a plan counts. */
    public enum Action { MATCH, CREATE, SKIP }
}
