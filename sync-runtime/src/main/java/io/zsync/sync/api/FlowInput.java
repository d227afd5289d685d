package io.zsync.sync.api;

import io.zsync.contract.ChangeEvent;
import io.zsync.contract.LedgerEntry;
import io.zsync.contract.LedgerState;

import java.util.Optional;

/**
 * An event to process and what the ledger knows about its record in this flow.
 *
 * @param event    the change event
 * @param previous the ledger entry of the record, if the flow has seen it before
 * @param attempt  1 for the first attempt, more for retries
 */
public record FlowInput(ChangeEvent event, Optional<LedgerEntry> previous, int attempt) {

    /**
     * True when an earlier attempt recorded its intent to write and never recorded the outcome: it may have
     * written to the target before it crashed, so the flow must look the target up before creating.
     */
    public boolean mayHaveWritten() {
        return previous.map(entry -> entry.getState() == LedgerState.INTENT).orElse(false);
    }

    /** A target id recorded for this record by an earlier run of the flow, by role (e.g. {@code books.contact_id}). */
    public Optional<String> knownTarget(String role) {
        return previous.map(entry -> entry.getTargets().get(role));
    }

    /** The hash of the mapped values last written to the target, if any. */
    public Optional<String> lastMappedHash() {
        return previous.map(LedgerEntry::getMappedHash);
    }

    public String recordId() {
        return event.getRecordId();
    }

    public String org() {
        return event.getOrgId();
    }
}
