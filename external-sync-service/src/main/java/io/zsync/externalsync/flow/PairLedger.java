package io.zsync.externalsync.flow;

import io.zsync.contract.LedgerEntry;
import io.zsync.contract.LedgerState;
import io.zsync.externalsync.domain.Baseline;
import io.zsync.externalsync.domain.Provenance;
import io.zsync.externalsync.domain.Side;
import io.zsync.schemas.Topics;
import io.zsync.sync.domain.LedgerDecisions;
import io.zsync.sync.engine.OutcomeTransactions;
import io.zsync.sync.ledger.LedgerStore;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the service knows about contact pairs, kept in the sync runtime's ledger topic: each flow's ledger entry
 * carries the pair's link and the baseline of its last sync, and provenance records (pseudo-flows
 * {@value #WROTE_CRM} and {@value #WROTE_EXTERNAL}) say what we are about to write to a side. Provenance is
 * committed before the write it describes, so every instance recognises the write's webhook as our own, even
 * when the webhook overtakes the sync's outcome.
 */
@Singleton
public class PairLedger {

    /** Ledger role of the CRM contact id in a flow's entry. */
    public static final String CRM_ID = "crm.contact_id";
    /** Ledger role of the external contact id in a flow's entry. */
    public static final String EXTERNAL_ID = "external.contact_id";
    /** Provenance of writes to CRM contacts, keyed {@code <org>/<external id>}. */
    public static final String WROTE_CRM = "external-sync.wrote-crm";
    /** Provenance of writes to external contacts, keyed {@code <org>/<crm id>}. */
    public static final String WROTE_EXTERNAL = "external-sync.wrote-external";
    /**
     * CRM contacts kept and unlinked because their external partner was deleted, keyed {@code <org>/<crm id>}:
     * the values the kept contact held (by fingerprint), so that only a later change starts a new pair.
     */
    public static final String UNLINKED_CRM = "external-sync.unlinked-crm";

    private final LedgerStore ledger;
    private final OutcomeTransactions transactions;
    private final Clock clock = Clock.systemUTC();

    public PairLedger(LedgerStore ledger, OutcomeTransactions transactions) {
        this.ledger = ledger;
        this.transactions = transactions;
    }

    public Instant now() {
        return clock.instant();
    }

    /** The baseline of the pair: the newer of the two flows' entries. */
    public Optional<Baseline> baseline(String crmId, String externalId) {
        Optional<Baseline> fromCrmFlow = crmId == null ? Optional.empty()
                : ledger.get(CrmContactToExternalFlow.ID, crmId).flatMap(e -> Baseline.fromTargets(e.getTargets()));
        Optional<Baseline> fromExternalFlow = externalId == null ? Optional.empty()
                : ledger.get(ExternalContactToCrmFlow.ID, externalId).flatMap(e -> Baseline.fromTargets(e.getTargets()));
        return Baseline.newest(fromCrmFlow, fromExternalFlow);
    }

    /**
     * What we last recorded writing to {@code side} of the pair: writes to CRM are keyed by the external id,
     * writes to the external CRM by the CRM id (the id the writer knows before it writes).
     */
    public Optional<Provenance> wroteTo(Side side, String org, String key) {
        if (key == null) {
            return Optional.empty();
        }
        return provenance(flowOf(side), org, key);
    }

    /** The record of the unlink that kept CRM contact {@code crmId} when its external partner was deleted. */
    public Optional<Provenance> unlinkedCrm(String org, String crmId) {
        return provenance(UNLINKED_CRM, org, crmId);
    }

    private Optional<Provenance> provenance(String flow, String org, String key) {
        return ledger.get(flow, org + "/" + key).flatMap(e -> Provenance.from(e.getMappedHash(), e.getTargets()));
    }

    /** A write about to happen, recorded under a pseudo-flow's key. */
    public record Intent(String flow, String org, String key, Provenance provenance, String eventId) {

        /** A write to {@code side}, keyed as {@link #wroteTo} reads it. */
        static Intent wrote(Side side, String org, String key, Provenance provenance, String eventId) {
            return new Intent(flowOf(side), org, key, provenance, eventId);
        }

        /** The unlink of a kept CRM contact; {@code provenance} holds the values the contact keeps. */
        static Intent unlinkedCrm(String org, String crmId, Provenance provenance, String eventId) {
            return new Intent(UNLINKED_CRM, org, crmId, provenance, eventId);
        }
    }

    /** Commits the provenance of the writes about to happen, in one transaction, before any of them is sent. */
    public void record(List<Intent> intents) {
        if (intents.isEmpty()) {
            return;
        }
        OutcomeTransactions.Batch batch = new OutcomeTransactions.Batch();
        List<LedgerEntry> entries = new ArrayList<>();
        for (Intent intent : intents) {
            Map<String, String> targets = new HashMap<>(intent.provenance().toTargets());
            LedgerEntry entry = LedgerEntry.newBuilder()
                    .setFlowId(intent.flow()).setRecordId(intent.org() + "/" + intent.key())
                    .setState(LedgerState.DONE).setLastEventId(intent.eventId()).setRecentEventIds(new ArrayList<>())
                    .setRecordVersion(null).setMappedHash(intent.provenance().hash()).setTargets(targets)
                    .setUpdatedAt(intent.provenance().at())
                    .build();
            batch.add(Topics.SYNC_LEDGER, LedgerDecisions.key(entry.getFlowId(), entry.getRecordId()), entry);
            entries.add(entry);
        }
        try {
            transactions.commit(batch, null);
        } catch (RuntimeException e) {
            // nothing was written yet, so the writes can simply be tried again: report it as transient
            throw new UncheckedIOException("the provenance of the writes was not recorded: " + e.getMessage(),
                    new IOException(e));
        }
        entries.forEach(ledger::applyCommitted);
    }

    private static String flowOf(Side side) {
        return side == Side.CRM ? WROTE_CRM : WROTE_EXTERNAL;
    }
}
