package io.zsync.sync.engine;

import io.micronaut.context.annotation.Requires;
import io.zsync.contract.ChangeEvent;
import io.zsync.contract.DeadLetter;
import io.zsync.contract.LedgerEntry;
import io.zsync.contract.RecordRef;
import io.zsync.contract.RetryRequest;
import io.zsync.contract.SyncCompleted;
import io.zsync.contract.SyncStatus;
import io.zsync.contract.TargetRef;
import io.zsync.schemas.Topics;
import io.zsync.sync.api.FlowInput;
import io.zsync.sync.api.FlowResult;
import io.zsync.sync.api.SyncFlow;
import io.zsync.sync.domain.ApiCallShares;
import io.zsync.sync.domain.LedgerDecisions;
import io.zsync.sync.domain.Verdict;
import io.zsync.sync.ledger.LedgerStore;
import io.zsync.zoho.budget.ApiCallCounter;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs a flow over a batch of deliveries with exactly-once effect: settles duplicates, versions already
 * synced and our own echoes from the ledger; records an INTENT before the flow may create a target; then
 * commits, in one Kafka transaction with the consumer offsets, the ledger entries, one completion per
 * processed event, dead letters for permanent failures and parked retries for transient ones.
 */
@Singleton
@Requires(beans = SyncFlow.class)
public class SyncEngine {

    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);

    private final LedgerStore ledger;
    private final OutcomeTransactions transactions;
    private final SyncRuntimeConfig config;
    private final SyncMetrics metrics;
    private final ApiCallCounter apiCalls;
    private final CrashPoints crashPoints;
    private final RecordLocks recordLocks = new RecordLocks(256);
    private final Clock clock;

    public SyncEngine(LedgerStore ledger, OutcomeTransactions transactions, SyncRuntimeConfig config,
                      SyncMetrics metrics, ApiCallCounter apiCalls, CrashPoints crashPoints) {
        this.ledger = ledger;
        this.transactions = transactions;
        this.config = config;
        this.metrics = metrics;
        this.apiCalls = apiCalls;
        this.crashPoints = crashPoints;
        this.clock = Clock.systemUTC();
    }

    /** The main path: a batch as a micronaut-kafka listener received it. */
    public void process(SyncFlow flow, List<ConsumerRecord<String, ChangeEvent>> records, Consumer<?, ?> consumer) {
        Instant now = clock.instant();
        OutcomeTransactions.Batch skippedTombstones = new OutcomeTransactions.Batch();
        List<Delivery> deliveries = new ArrayList<>();
        for (ConsumerRecord<String, ChangeEvent> record : records) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            if (record.value() == null) {
                skippedTombstones.consumed(partition, record.offset()); // tombstones carry no change
                continue;
            }
            deliveries.add(new Delivery(record.value(), partition, record.offset(), 1, now, null));
        }
        run(flow, deliveries, consumer.groupMetadata(), skippedTombstones);
    }

    /** The retry path: one parked event whose time has come, consumed at {@code offset} of {@code retryPartition}. */
    public void retry(SyncFlow flow, RetryRequest request, TopicPartition retryPartition, long offset,
                      ConsumerGroupMetadata group) {
        OutcomeTransactions.Batch consumed = new OutcomeTransactions.Batch().consumed(retryPartition, offset);
        Delivery delivery = new Delivery(request.getEvent(),
                new TopicPartition(request.getSourceTopic(), request.getSourcePartition()), request.getSourceOffset(),
                request.getAttempts() + 1, request.getStartedAt(), request.getFirstFailedAt());
        run(flow, List.of(delivery), group, consumed);
    }

    void run(SyncFlow flow, List<Delivery> deliveries, ConsumerGroupMetadata group, OutcomeTransactions.Batch out) {
        // The main listener and the retry worker run on different threads: never let both work on one record
        // at once, or a retry and a fresh event of the same record could both create its target.
        List<java.util.concurrent.locks.Lock> locks = recordLocks.lockAll(deliveries.stream()
                .map(d -> LedgerDecisions.key(flow.id(), d.event().getRecordId())).toList());
        try {
            runLocked(flow, deliveries, group, out);
        } finally {
            locks.forEach(java.util.concurrent.locks.Lock::unlock);
        }
    }

    private void runLocked(SyncFlow flow, List<Delivery> deliveries, ConsumerGroupMetadata group, OutcomeTransactions.Batch out) {
        Instant now = clock.instant();
        List<LedgerEntry> committed = new ArrayList<>();
        OutcomeTransactions.Batch intents = new OutcomeTransactions.Batch();
        List<Delivery> toRun = new ArrayList<>();
        List<FlowInput> inputs = new ArrayList<>();
        java.util.Set<String> inThisBatch = new java.util.HashSet<>();
        // once per batch: flows may build these sets from their configuration on every call
        java.util.Set<String> writeBackFields = flow.writeBackFields();
        Optional<java.util.Set<String>> fieldsActedOn = flow.fieldsActedOn();
        for (Delivery delivery : deliveries) {
            ChangeEvent event = delivery.event();
            out.consumed(delivery.source(), delivery.offset());
            Optional<LedgerEntry> previous = ledger.get(flow.id(), event.getRecordId());
            if (!inThisBatch.add(event.getEventId())) {
                // A copy of an event earlier in this batch: the ledger cannot know it yet. Its outcome is the
                // first copy's; the ledger is left to that copy (a retry of it must not look processed).
                complete(out, flow, delivery, SyncStatus.SKIPPED, List.of(),
                        "event " + event.getEventId() + " was already processed: a copy of it came earlier in this batch", null, null, 0, Map.of());
                continue;
            }
            Verdict verdict = LedgerDecisions.classify(flow.id(), event, previous, writeBackFields, fieldsActedOn);
            if (verdict.action() == Verdict.Action.NOT_ADDRESSED) {
                continue;
            }
            if (verdict.skipped()) {
                LedgerEntry next = LedgerDecisions.afterSkip(flow.id(), event, previous, verdict, now);
                record(out, committed, next);
                complete(out, flow, delivery, SyncStatus.SKIPPED, List.of(), verdict.reason(), null, null, 0, Map.of());
                continue;
            }
            if (LedgerDecisions.needsIntent(previous)) {
                LedgerEntry intent = LedgerDecisions.intent(flow.id(), event, previous, now);
                intents.add(Topics.SYNC_LEDGER, LedgerDecisions.key(flow.id(), event.getRecordId()), intent);
                committed.add(intent);
            }
            toRun.add(delivery);
            inputs.add(new FlowInput(event, previous, delivery.attempt()));
        }
        if (!toRun.isEmpty()) {
            // The intent must be durable before any target write it guards.
            transactions.commit(intents, null);
            committed.forEach(ledger::applyCommitted);
            committed.clear();
            crashPoints.reached(CrashPoints.BEFORE_TARGET_WRITE);
            runFlow(flow, toRun, inputs, out, committed);
            crashPoints.reached(CrashPoints.BEFORE_COMMIT);
        }
        transactions.commit(out, group);
        committed.forEach(ledger::applyCommitted);
    }

    private void runFlow(SyncFlow flow, List<Delivery> toRun, List<FlowInput> inputs, OutcomeTransactions.Batch out,
                         List<LedgerEntry> committed) {
        List<FlowResult> results;
        long calls;
        try (ApiCallCounter.Scope scope = apiCalls.open()) {
            results = invoke(flow, inputs);
            calls = scope.count();
        }
        Instant now = clock.instant();
        for (int i = 0; i < toRun.size(); i++) {
            Delivery delivery = toRun.get(i);
            FlowInput input = inputs.get(i);
            FlowResult result = results.get(i);
            int share = ApiCallShares.share(calls, toRun.size(), i);
            ChangeEvent event = delivery.event();
            MDC.put("traceId", event.getTraceId());
            try {
                if (result instanceof FlowResult.Succeeded ok) {
                    record(out, committed, LedgerDecisions.after(flow.id(), event, input.previous(),
                            SyncStatus.SUCCEEDED, ok.ledgerTargets(), ok.mappedHash(), now));
                    complete(out, flow, delivery, SyncStatus.SUCCEEDED, ok.targets(), null, null, null, share, ok.details());
                } else if (result instanceof FlowResult.Skipped skip) {
                    record(out, committed, LedgerDecisions.after(flow.id(), event, input.previous(),
                            SyncStatus.SKIPPED, skip.ledgerTargets(), skip.mappedHash(), now));
                    complete(out, flow, delivery, SyncStatus.SKIPPED, List.of(), skip.reason(), null, null, share, Map.of());
                } else if (result instanceof FlowResult.Failed failed) {
                    fail(out, committed, flow, delivery, input, failed, share, now);
                }
            } finally {
                MDC.remove("traceId");
            }
        }
    }

    private List<FlowResult> invoke(SyncFlow flow, List<FlowInput> inputs) {
        try {
            List<FlowResult> results = flow.process(inputs);
            if (results.size() != inputs.size()) {
                throw new IllegalStateException(flow.id() + " returned " + results.size() + " results for "
                        + inputs.size() + " inputs");
            }
            return results;
        } catch (RuntimeException e) {
            FlowResult.Failed failed = Failures.classify(e);
            LOG.warn("{}: batch of {} failed: {} {}", flow.id(), inputs.size(), failed.code(), failed.message());
            return inputs.stream().map(i -> (FlowResult) failed).toList();
        }
    }

    private void fail(OutcomeTransactions.Batch out, List<LedgerEntry> committed, SyncFlow flow, Delivery delivery,
                      FlowInput input, FlowResult.Failed failed, int share, Instant now) {
        ChangeEvent event = delivery.event();
        Instant firstFailedAt = delivery.firstFailedAt() != null ? delivery.firstFailedAt() : now;
        if (!failed.ledgerTargets().isEmpty()) {
            // keep what was written before the failure, so the retry or redrive resumes after it
            record(out, committed, LedgerDecisions.after(flow.id(), event, input.previous(), SyncStatus.FAILED,
                    failed.ledgerTargets(), null, now));
        }
        if (failed.retryable() && config.backoff().allowsAnotherAfter(delivery.attempt())) {
            Duration delay = config.backoff().delayAfter(delivery.attempt(), failed.retryAfter(),
                    () -> ThreadLocalRandom.current().nextDouble());
            out.add(Topics.SYNC_RETRIES, event.getRecordId(), RetryRequest.newBuilder()
                    .setFlowId(flow.id()).setConsumerGroup(config.group()).setEvent(event)
                    .setSourceTopic(delivery.source().topic()).setSourcePartition(delivery.source().partition())
                    .setSourceOffset(delivery.offset()).setAttempts(delivery.attempt())
                    .setNotBefore(now.plus(delay)).setFirstFailedAt(firstFailedAt).setStartedAt(delivery.startedAt())
                    .setLastErrorCode(failed.code()).setLastErrorMessage(String.valueOf(failed.message()))
                    .build());
            metrics.retry(flow.id());
            LOG.info("{}: record {} attempt {} failed with {}; next attempt in {} ms", flow.id(), event.getRecordId(),
                    delivery.attempt(), failed.code(), delay.toMillis());
            return;
        }
        out.add(Topics.SYNC_DEADLETTERS, event.getRecordId(), DeadLetter.newBuilder()
                .setEventId(event.getEventId()).setFlowId(flow.id()).setOriginal(event).setRawValue(null)
                .setSourceTopic(delivery.source().topic()).setSourcePartition(delivery.source().partition())
                .setSourceOffset(delivery.offset()).setRecordKey(event.getRecordId()).setConsumerGroup(config.group())
                .setErrorCode(failed.code()).setErrorMessage(String.valueOf(failed.message()))
                .setErrorClass(null).setRetryable(failed.retryable()).setAttempts(delivery.attempt())
                .setFailedStep(failed.failedStep().orElse(null)).setFirstFailedAt(firstFailedAt).setDeadLetteredAt(now)
                .setRedriveCount(redriveCount(event)).setTraceId(event.getTraceId())
                .build());
        metrics.deadLetter(flow.id(), failed.code());
        // what was already written before the failure stays visible (a half-finished saga's ids)
        Map<String, String> details = new HashMap<>();
        failed.failedStep().ifPresent(step -> details.put("failedStep", step));
        failed.ledgerTargets().forEach((role, id) -> details.put("written." + role, id));
        complete(out, flow, delivery, SyncStatus.FAILED, List.of(), null, failed.code(), failed.message(), share, details);
        LOG.warn("{}: record {} dead-lettered after {} attempt(s): {} {}", flow.id(), event.getRecordId(),
                delivery.attempt(), failed.code(), failed.message());
    }

    private void complete(OutcomeTransactions.Batch out, SyncFlow flow, Delivery delivery, SyncStatus status,
                          List<TargetRef> targets, String skipReason, String errorCode, String errorMessage,
                          int apiCallShare, Map<String, String> details) {
        ChangeEvent event = delivery.event();
        Instant finished = clock.instant();
        out.add(Topics.SYNC_COMPLETIONS, event.getRecordId(), SyncCompleted.newBuilder()
                .setEventId(event.getEventId()).setFlowId(flow.id()).setStatus(status)
                .setSource(new RecordRef(event.getSource(), event.getOrgId(), event.getEntityType(), event.getRecordId()))
                .setTargets(new ArrayList<>(targets)).setAttempts(delivery.attempt()).setApiCalls(apiCallShare)
                .setEventReceivedAt(event.getReceivedAt()).setStartedAt(delivery.startedAt()).setFinishedAt(finished)
                .setErrorCode(errorCode).setErrorMessage(errorMessage).setSkipReason(skipReason)
                .setTraceId(event.getTraceId()).setDetails(new HashMap<>(details))
                .build());
        metrics.outcome(flow.id(), status, Duration.between(event.getReceivedAt(), finished), apiCallShare);
    }

    private static void record(OutcomeTransactions.Batch out, List<LedgerEntry> committed, LedgerEntry entry) {
        out.add(Topics.SYNC_LEDGER, LedgerDecisions.key(entry.getFlowId(), entry.getRecordId()), entry);
        committed.add(entry);
    }

    private static int redriveCount(ChangeEvent event) {
        String count = event.getAttributes().get("zsync.redrive.count");
        try {
            return count == null ? 0 : Integer.parseInt(count);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
