package io.zsync.creatorhub.domain;

import java.util.Optional;

/**
 * A record the saga produced or linked, for the completion event.
 *
 * @param system     system name as the contract spells it ({@code ZOHO_CRM}, {@code EMAIL}, ...)
 * @param entityType module or object ({@code Contacts}, {@code invoices}, {@code message})
 * @param id         its id
 * @param action     what this attempt did to it
 * @param label      a human reference (invoice number, ticket number)
 */
public record TargetLink(String system, String entityType, String id, Action action, Optional<String> label) {

    /** What this attempt did; {@link #UNCHANGED} is an id an earlier attempt recorded. */
    public enum Action { CREATED, MATCHED, UPDATED, UNCHANGED }
}
