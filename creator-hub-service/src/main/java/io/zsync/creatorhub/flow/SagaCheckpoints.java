package io.zsync.creatorhub.flow;

import io.zsync.contract.ChangeEvent;
import io.zsync.contract.LedgerEntry;
import io.zsync.contract.LedgerState;
import io.zsync.contract.SyncStatus;
import io.zsync.creatorhub.domain.SagaState;
import io.zsync.schemas.Topics;
import io.zsync.sync.api.FlowInput;
import io.zsync.sync.domain.LedgerDecisions;
import io.zsync.sync.engine.OutcomeTransactions;
import io.zsync.sync.ledger.LedgerStore;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Makes each finished saga step durable before the next one starts: the order's ledger entry, with every id
 * so far, is committed to the runtime's compacted ledger topic in its own Kafka transaction (state INTENT:
 * the saga is not over). The runtime records a flow's results only once the whole flow returns; without
 * these checkpoints a crash in step 5 would leave no trace of steps 1 to 4, and the e-mail could not be made
 * at-most-once. The final outcome is still recorded by the runtime, with the offsets, as for any flow.
 */
@Singleton
public class SagaCheckpoints {

    private final OutcomeTransactions transactions;
    private final LedgerStore ledger;
    private final Clock clock = Clock.systemUTC();

    public SagaCheckpoints(OutcomeTransactions transactions, LedgerStore ledger) {
        this.transactions = transactions;
        this.ledger = ledger;
    }

    /** The newest saga state of the order: this instance's own checkpoints included, else the flow input's. */
    public SagaState current(String flowId, FlowInput input) {
        Map<String, String> targets = ledger.get(flowId, input.recordId())
                .or(input::previous)
                .map(LedgerEntry::getTargets)
                .orElse(Map.of());
        return SagaState.of(targets);
    }

    /**
     * Commits {@code state} as the order's ledger entry. Throws the runtime's {@code OutcomeCommitException}
     * when Kafka did not take it: the saga must then stop, so that no later step runs unrecorded.
     */
    public void record(String flowId, ChangeEvent event, SagaState state) {
        Optional<LedgerEntry> base = ledger.get(flowId, event.getRecordId());
        LedgerEntry entry = LedgerEntry.newBuilder(LedgerDecisions.after(flowId, event, base, SyncStatus.FAILED,
                        state.targets(), null, clock.instant()))
                .setState(LedgerState.INTENT) // whatever came before, a write of this saga may be in flight now
                .build();
        transactions.commit(new OutcomeTransactions.Batch()
                .add(Topics.SYNC_LEDGER, LedgerDecisions.key(flowId, event.getRecordId()), entry), null);
        ledger.applyCommitted(entry);
    }
}
