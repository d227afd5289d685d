package io.zsync.sync.domain;

import io.zsync.contract.ChangeEvent;
import io.zsync.contract.EventOrigin;
import io.zsync.contract.LedgerEntry;
import io.zsync.contract.LedgerState;
import io.zsync.contract.Operation;
import io.zsync.contract.SyncStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The idempotency rules, as pure functions of an event and the ledger entry of its record: an event id
 * already processed is a duplicate; a source version already synced needs no second sync; a change that
 * touches only the flow's write-back fields (and the source's own bookkeeping) is our own echo. And how the
 * ledger entry moves: INTENT before a possible target write, DONE once the outcome is known.
 */
public final class LedgerDecisions {

    /** Redrive events name the one flow they are for. */
    public static final String REDRIVE_FLOW = "zsync.redrive.flow";
    /** How many processed event ids a ledger entry remembers. */
    public static final int RECENT_EVENT_IDS = 20;

    /**
     * Fields every source changes on every write, ours included: they never make a change "real".
     * Zoho CRM sends Modified_Time/Modified_By (and Last_Activity_Time); HubSpot lastmodifieddate.
     */
    public static final Set<String> BOOKKEEPING_FIELDS = Set.of("Modified_Time", "Modified_By", "Last_Activity_Time",
            "modifiedTime", "lastmodifieddate", "hs_lastmodifieddate", "updatedAt");

    private LedgerDecisions() {
    }

    public static Verdict classify(String flowId, ChangeEvent event, Optional<LedgerEntry> entry, Set<String> writeBackFields) {
        return classify(flowId, event, entry, writeBackFields, Optional.empty());
    }

    /**
     * @param fieldsActedOn the flow's {@link io.zsync.sync.api.SyncFlow#fieldsActedOn()}: when present, an update
     *                      that names only other fields is {@link Verdict.Action#IRRELEVANT}
     */
    public static Verdict classify(String flowId, ChangeEvent event, Optional<LedgerEntry> entry, Set<String> writeBackFields,
                                   Optional<Set<String>> fieldsActedOn) {
        if (event.getOrigin() == EventOrigin.REDRIVE) {
            String addressed = event.getAttributes().get(REDRIVE_FLOW);
            if (addressed != null && !addressed.equals(flowId)) {
                return new Verdict(Verdict.Action.NOT_ADDRESSED, "redrive for " + addressed);
            }
            // a redrive is an operator's explicit request: it skips no idempotency check below except
            // the duplicate check, because a failed event was never recorded as processed
        }
        if (entry.isPresent()) {
            LedgerEntry known = entry.get();
            if (known.getRecentEventIds().contains(event.getEventId())) {
                return new Verdict(Verdict.Action.DUPLICATE, "event " + event.getEventId() + " was already processed");
            }
            if (known.getState() == LedgerState.DONE && event.getRecordVersion() != null
                    && event.getRecordVersion().equals(known.getRecordVersion()) && event.getOperation() != Operation.DELETED) {
                return new Verdict(Verdict.Action.SAME_VERSION, "version " + event.getRecordVersion() + " is already synced");
            }
        }
        if (isOwnEcho(event, writeBackFields)) {
            return new Verdict(Verdict.Action.OWN_ECHO, "own write-back: only " + String.join(", ", event.getChangedFields())
                    + " changed");
        }
        // Only for a record this flow has synced (DONE, with what it wrote or mapped): a record it has not (made
        // before us, whose first event was lost, or known only from an echo) is synced at its first change of any
        // kind, as before the flow named its fields. Never for a redrive, which an operator asked for.
        boolean synced = entry.map(e -> e.getState() == LedgerState.DONE
                && (!e.getTargets().isEmpty() || e.getMappedHash() != null)).orElse(false);
        if (synced && event.getOrigin() != EventOrigin.REDRIVE && fieldsActedOn.isPresent()
                && isIrrelevant(event, fieldsActedOn.get())) {
            return new Verdict(Verdict.Action.IRRELEVANT, "no field this flow acts on changed (only "
                    + String.join(", ", event.getChangedFields()) + ")");
        }
        return Verdict.PROCESS;
    }

    /**
     * True when an update names the fields it changed and none of them (bookkeeping aside) is one the flow acts
     * on. As with echoes, an update that names nothing is never irrelevant: the flow must look.
     */
    static boolean isIrrelevant(ChangeEvent event, Set<String> fieldsActedOn) {
        if (event.getOperation() != Operation.UPDATED) {
            return false;
        }
        List<String> real = event.getChangedFields().stream().filter(f -> !BOOKKEEPING_FIELDS.contains(f)).toList();
        return !real.isEmpty() && real.stream().noneMatch(fieldsActedOn::contains);
    }

    /**
     * True when an update changed nothing but fields this flow writes back (and bookkeeping fields). An
     * update that says nothing about what changed is not an echo: the flow must look.
     */
    static boolean isOwnEcho(ChangeEvent event, Set<String> writeBackFields) {
        if (event.getOperation() != Operation.UPDATED || writeBackFields.isEmpty()) {
            return false;
        }
        List<String> real = event.getChangedFields().stream().filter(f -> !BOOKKEEPING_FIELDS.contains(f)).toList();
        return !real.isEmpty() && writeBackFields.containsAll(real);
    }

    /** The entry that records an intent to write, before the flow runs (kept as it was if already INTENT). */
    public static LedgerEntry intent(String flowId, ChangeEvent event, Optional<LedgerEntry> previous, Instant now) {
        LedgerEntry base = previous.orElseGet(() -> empty(flowId, event.getRecordId(), event.getEventId(), now));
        return LedgerEntry.newBuilder(base)
                .setState(LedgerState.INTENT)
                .setLastEventId(event.getEventId())
                .setUpdatedAt(now)
                .build();
    }

    /** True when the flow may create a target for this record: nothing is known of it yet. */
    public static boolean needsIntent(Optional<LedgerEntry> previous) {
        return previous.map(e -> e.getState() != LedgerState.INTENT && e.getTargets().isEmpty()).orElse(true);
    }

    /**
     * The entry after an outcome. SUCCEEDED and SKIPPED mark the event processed (DONE) and remember the
     * version and mapped hash; FAILED keeps the state (an INTENT stays an INTENT) but keeps ids written so far.
     */
    public static LedgerEntry after(String flowId, ChangeEvent event, Optional<LedgerEntry> previous, SyncStatus status,
                                    Map<String, String> newTargets, String mappedHash, Instant now) {
        LedgerEntry base = previous.orElseGet(() -> empty(flowId, event.getRecordId(), event.getEventId(), now));
        Map<String, String> targets = new HashMap<>(base.getTargets());
        targets.putAll(newTargets);
        LedgerEntry.Builder next = LedgerEntry.newBuilder(base)
                .setTargets(targets)
                .setLastEventId(event.getEventId())
                .setUpdatedAt(now);
        if (status != SyncStatus.FAILED) {
            List<String> recent = new ArrayList<>(base.getRecentEventIds());
            recent.remove(event.getEventId());
            recent.add(event.getEventId());
            if (recent.size() > RECENT_EVENT_IDS) {
                recent = recent.subList(recent.size() - RECENT_EVENT_IDS, recent.size());
            }
            next.setState(LedgerState.DONE).setRecentEventIds(new ArrayList<>(recent));
            if (event.getRecordVersion() != null) {
                next.setRecordVersion(event.getRecordVersion());
            }
            if (mappedHash != null) {
                next.setMappedHash(mappedHash);
            }
        }
        return next.build();
    }

    /**
     * The entry after the runtime skipped an event without the flow ({@link Verdict#skipped()}). Our own echo
     * marks the record DONE at its version, as it always has: the write-back is an attempt's last step, so its
     * echo settles that attempt. Any other skip remembers the event id as processed and changes nothing else: a
     * duplicate (maybe of an older event) settles nothing about an earlier attempt, so an INTENT (a target write
     * in doubt, whose retry must look before it creates) stays an INTENT, and the synced version stays; an
     * {@link Verdict.Action#IRRELEVANT} change was never read, so the reconciliation copy of its version (which
     * names no fields) still reaches the flow and repairs a relevant change whose notification was lost.
     */
    public static LedgerEntry afterSkip(String flowId, ChangeEvent event, Optional<LedgerEntry> previous, Verdict verdict,
                                        Instant now) {
        LedgerEntry skipped = after(flowId, event, previous, SyncStatus.SKIPPED, Map.of(), null, now);
        if (verdict.action() == Verdict.Action.OWN_ECHO || previous.isEmpty()) {
            return skipped;
        }
        return LedgerEntry.newBuilder(skipped)
                .setState(previous.get().getState())
                .setRecordVersion(previous.get().getRecordVersion())
                .build();
    }

    /** The ledger key of a record in a flow. */
    public static String key(String flowId, String recordId) {
        return flowId + "/" + recordId;
    }

    private static LedgerEntry empty(String flowId, String recordId, String eventId, Instant now) {
        return LedgerEntry.newBuilder()
                .setFlowId(flowId).setRecordId(recordId).setState(LedgerState.UNKNOWN)
                .setLastEventId(eventId).setRecentEventIds(new ArrayList<>()).setRecordVersion(null)
                .setMappedHash(null).setTargets(new HashMap<>()).setUpdatedAt(now)
                .build();
    }
}
