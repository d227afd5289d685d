package io.zsync.externalsync.batch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.zsync.contract.ChangeEvent;
import io.zsync.contract.EventOrigin;
import io.zsync.contract.Operation;
import io.zsync.contract.RecordRef;
import io.zsync.contract.SyncCompleted;
import io.zsync.contract.SyncStatus;
import io.zsync.contract.SystemId;
import io.zsync.contract.Watermark;
import io.zsync.externalsync.config.BatchProperties;
import io.zsync.externalsync.config.ExternalSyncOrgProperties;
import io.zsync.externalsync.config.OrgSettings;
import io.zsync.externalsync.crm.CrmContacts;
import io.zsync.externalsync.domain.BatchCursor;
import io.zsync.externalsync.domain.BatchPacing;
import io.zsync.externalsync.domain.BatchWalk;
import io.zsync.externalsync.domain.CrmContactMapping;
import io.zsync.externalsync.port.ExternalCrm;
import io.zsync.schemas.Topics;
import io.zsync.zoho.ZohoProduct;
import io.zsync.zoho.budget.BudgetRegistry;
import io.zsync.zoho.crm.CrmPage;
import io.zsync.zoho.crm.CrmRecord;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code crm-contact-batch-to-external}: on schedule, lists the CRM contacts modified since the org's cursor
 * (If-Modified-Since, oldest first, every page, all read before the first hand-over) and hands each one over to
 * {@code crm-contact-to-external} as a
 * RECONCILIATION change event, so the normal flow does the work exactly once, in order with the record's
 * webhooks, with its retries, dead letters and completions; a record's failure there never stops the batch.
 * The cursor advances only over records actually read and handed over, and is committed with the last events
 * in one transaction. One run per org at a time, on the leading instance only, paced by the backlog and the
 * API budgets real-time traffic leaves.
 */
@Singleton
@Requires(property = BatchProperties.PREFIX + ".enabled", notEquals = "false")
public class CrmContactBatch {

    public static final String ID = "crm-contact-batch-to-external";
    private static final Logger LOG = LoggerFactory.getLogger(CrmContactBatch.class);
    /** Without page tokens CRM serves only the first 2,000 records (10 pages of 200). */
    private static final int MAX_DISCRETE_PAGES = 10;
    private static final int MAX_LIST_FAILURES = 5;
    /** Pages read per tick while listing: one CRM credit each. */
    private static final int PAGES_PER_TICK = 10;

    private final OrgSettings orgs;
    private final CrmContacts crm;
    private final ExternalCrm external;
    private final BudgetRegistry budgets;
    private final BatchLeadership leadership;
    private final BatchPublisher publisher;
    private final BacklogProbe backlog;
    private final BatchProperties properties;
    private final BatchPacing pacing;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Run> active = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> finished = new HashMap<>();

    public CrmContactBatch(OrgSettings orgs, CrmContacts crm, ExternalCrm external, BudgetRegistry budgets,
                           BatchLeadership leadership, BatchPublisher publisher, BacklogProbe backlog,
                           BatchProperties properties, @Nullable MeterRegistry meters) {
        this.orgs = orgs;
        this.crm = crm;
        this.external = external;
        this.budgets = budgets;
        this.leadership = leadership;
        this.publisher = publisher;
        this.backlog = backlog;
        this.properties = properties;
        this.pacing = new BatchPacing(properties.maxBacklog(), properties.maxChunk(), properties.realtimeReserve(),
                properties.externalCallsPerRecord());
        this.meters = meters != null ? meters : new SimpleMeterRegistry();
    }

    /** The watermark key of an org: {@code crm-contact-batch-to-external/<org>/Contacts}. */
    public static String cursorKey(String org) {
        return ID + "/" + org + "/" + CrmContacts.MODULE;
    }

    /** Why a start was refused, or that it started. */
    public record Start(boolean started, String message, String runId) {
    }

    /** Starts a run for every org whose batch is enabled (the schedule's entry point). */
    public synchronized void startAll() {
        for (String org : orgs.names()) {
            if (orgs.get(org).batchEnabled()) {
                Start start = start(org);
                if (!start.started()) {
                    LOG.info("{}: scheduled run for {} not started: {}", ID, org, start.message());
                }
            }
        }
    }

    /** Starts a run for one org, unless one is running or this instance does not lead. */
    public synchronized Start start(String org) {
        Optional<ExternalSyncOrgProperties> settings = orgs.find(org);
        if (settings.isEmpty() || !settings.get().batchEnabled()) {
            return new Start(false, "org " + org + " has no batch (zsync.external-sync.orgs." + org + ".batch-enabled)", null);
        }
        if (!leadership.isLeader()) {
            return new Start(false, "another instance leads the batch (or the lead is being taken over)", null);
        }
        Run running = active.get(org);
        if (running != null) {
            return new Start(false, "run " + running.id + " is still running since " + running.startedAt, running.id);
        }
        Run run = new Run(org, UUID.randomUUID().toString(), leadership.epoch(), clock.instant(),
                leadership.cursor(cursorKey(org)));
        active.put(org, run);
        LOG.info("{}: run {} for {} starts from cursor {}", ID, run.id, org, run.start.map(Object::toString).orElse("(none)"));
        return new Start(true, "started", run.id);
    }

    /** Moves every active run one step: read a page, or hand over what the pacing allows, or finish. */
    public synchronized void tick() {
        for (Run run : List.copyOf(active.values())) {
            try {
                step(run);
            } catch (RuntimeException e) {
                end(run, "failed: " + e, false);
            }
        }
    }

    /** Active and last finished runs per org, for the management endpoint and tests. */
    public synchronized Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("leader", leadership.isLeader());
        Map<String, Object> byOrg = new LinkedHashMap<>();
        for (String org : orgs.names()) {
            Map<String, Object> one = new LinkedHashMap<>();
            Run run = active.get(org);
            if (run != null) {
                one.put("running", run.describe());
            }
            if (finished.containsKey(org)) {
                one.put("last", finished.get(org));
            }
            leadership.cursor(cursorKey(org)).ifPresent(c -> one.put("cursor", Map.of("modifiedTime", c.time().toString(),
                    "idsAtTime", c.idsAtTime().size())));
            byOrg.put(org, one);
        }
        status.put("orgs", byOrg);
        return status;
    }

    /** The last finished run of an org, if any. */
    public synchronized Optional<Map<String, Object>> lastRun(String org) {
        return Optional.ofNullable(finished.get(org));
    }

    public synchronized boolean isRunning(String org) {
        return active.containsKey(org);
    }

    private void step(Run run) {
        if (!leadership.isLeader() || leadership.epoch() != run.epoch) {
            publisher.discard();
            end(run, "stopped: this instance no longer leads the batch", false);
            return;
        }
        if (!run.listed) {
            // The whole listing is read before anything is handed over: handing over makes the flow write the
            // External_System_ID back, which moves those records to the end of a live, offset-paged listing and
            // would shift unread records past page boundaries.
            for (int i = 0; i < PAGES_PER_TICK && !run.listed; i++) {
                if (run.lastPageRead || run.walk.listedCount() >= properties.maxRecordsPerRun()) {
                    run.listed = true;
                } else if (!readPage(run)) {
                    return;
                }
            }
            return;
        }
        if (run.pending.isEmpty()) {
            finish(run);
            return;
        }
        String org = run.org;
        ExternalCrm.Budget ext = external.budget(org);
        Long crmLeft = budgets.remaining(org, ZohoProduct.CRM).get("day");
        long crmLimit = budgets.limits(org, ZohoProduct.CRM).dailyCap();
        BatchPacing.Allowance allowance = pacing.allow(backlog.backlog(Topics.CRM_CONTACTS), ext.left(), ext.limit(),
                crmLeft == null ? -1 : crmLeft, crmLimit);
        run.pacing = allowance.reason();
        if (allowance.records() == 0) {
            return;
        }
        List<BatchWalk.Listed> chunk = new ArrayList<>();
        while (chunk.size() < allowance.records() && !run.pending.isEmpty()) {
            chunk.add(run.pending.poll());
        }
        BatchPublisher.Output output = new BatchPublisher.Output();
        Instant now = clock.instant();
        for (BatchWalk.Listed record : chunk) {
            output.add(Topics.CRM_CONTACTS, record.id(), event(run, record, now));
        }
        publisher.commit(output);
        run.walk.doneThrough(chunk.get(chunk.size() - 1));
        if (run.pending.isEmpty()) {
            run.walk.allListedDone();
        }
        run.handedOver += chunk.size();
        meters.counter("zsync.external.batch.handed.over", "org", org).increment(chunk.size());
    }

    /** Reads the next page; false when the listing failed and should be tried again on a later tick. */
    private boolean readPage(Run run) {
        CrmPage page;
        try {
            page = crm.listModified(run.org, BatchCursor.listSince(run.start, properties.overlap()), run.pageToken,
                    run.pageToken == null && run.pageNumber > 1 ? run.pageNumber : null, properties.pageSize());
            run.listFailures = 0;
        } catch (RuntimeException e) {
            // a 429 or an outage: try the same page again on a later tick, give up after a few attempts
            if (++run.listFailures >= MAX_LIST_FAILURES) {
                throw e;
            }
            run.pacing = "listing failed (" + e.getMessage() + "); trying again";
            return false;
        }
        List<BatchWalk.Listed> listed = new ArrayList<>();
        BatchPublisher.Output failures = new BatchPublisher.Output();
        for (CrmRecord record : page.records()) {
            Instant modified = modified(record.string(CrmContactMapping.MODIFIED_TIME));
            if (record.id() == null || modified == null) {
                // cannot be placed in time, so cannot move the cursor: report it and go on with the rest
                run.failed++;
                failures.add(Topics.SYNC_COMPLETIONS, String.valueOf(record.id()), failure(run, record));
                continue;
            }
            listed.add(new BatchWalk.Listed(record.id(), modified));
        }
        publisher.commit(failures);
        run.pending.addAll(run.walk.page(listed));
        if (run.pending.isEmpty()) {
            run.walk.allListedDone();
        }
        run.pages++;
        if (!page.moreRecords() || page.records().isEmpty()) {
            run.lastPageRead = true;
        } else if (page.nextPageToken() != null && !page.nextPageToken().equals(run.pageToken)) {
            run.pageToken = page.nextPageToken();
        } else if (run.pageToken == null && page.page() < MAX_DISCRETE_PAGES) {
            run.pageNumber = page.page() + 1;
        } else {
            // no way to reach further pages in this run: the cursor covers what was read, the next run goes on
            run.lastPageRead = true;
        }
        return true;
    }

    private void finish(Run run) {
        Optional<BatchCursor> cursor = run.walk.cursor();
        if (cursor.isPresent() && !cursor.equals(run.start)) {
            Watermark watermark = Watermark.newBuilder()
                    .setComponent(ID).setOrgId(run.org).setEntityType(CrmContacts.MODULE)
                    .setModifiedTime(cursor.get().time()).setLastRecordIds(new ArrayList<>(cursor.get().idsAtTime()))
                    .setUpdatedAt(clock.instant())
                    .build();
            publisher.commit(new BatchPublisher.Output().add(Topics.WATERMARKS, cursorKey(run.org), watermark));
            leadership.applyCommitted(cursorKey(run.org), watermark);
        }
        run.end = cursor;
        end(run, run.walk.sawMoves() ? "completed (records changed during the run; the next run re-reads from the cursor)"
                : "completed", true);
    }

    private void end(Run run, String outcome, boolean ok) {
        active.remove(run.org);
        Map<String, Object> description = run.describe();
        description.put("outcome", outcome);
        description.put("finishedAt", clock.instant().toString());
        run.end.ifPresent(c -> description.put("cursor", c.time().toString()));
        finished.put(run.org, description);
        meters.counter("zsync.external.batch.runs", "org", run.org, "outcome", ok ? "completed" : "failed").increment();
        if (ok) {
            LOG.info("{}: run {} for {} {}: {} listed, {} handed over, {} unreadable", ID, run.id, run.org, outcome,
                    run.walk.listedCount(), run.handedOver, run.failed);
        } else {
            LOG.warn("{}: run {} for {} {}; the cursor stays where it was", ID, run.id, run.org, outcome);
        }
    }

    private static ChangeEvent event(Run run, BatchWalk.Listed record, Instant now) {
        // the same record version always gets the same id, so a repeated hand-over is recognised as a duplicate
        String eventId = UUID.nameUUIDFromBytes((ID + "|" + run.org + "|" + record.id() + "|"
                + record.modified().toEpochMilli()).getBytes(StandardCharsets.UTF_8)).toString();
        Map<String, String> attributes = new HashMap<>();
        attributes.put("component", ID);
        attributes.put("batchRun", run.id);
        return ChangeEvent.newBuilder()
                .setEventId(eventId).setSource(SystemId.ZOHO_CRM).setOrgId(run.org).setEntityType(CrmContacts.MODULE)
                .setRecordId(record.id()).setOperation(Operation.UPDATED).setChangedFields(new ArrayList<>())
                .setChangedValues(null).setPreviousValues(null).setRecordVersion(record.modified().toString())
                .setOrigin(EventOrigin.RECONCILIATION).setOccurredAt(record.modified()).setReceivedAt(now)
                .setTraceId("batch-" + run.id + "-" + record.id()).setAttributes(attributes)
                .build();
    }

    private SyncCompleted failure(Run run, CrmRecord record) {
        Instant now = clock.instant();
        String id = String.valueOf(record.id());
        return SyncCompleted.newBuilder()
                .setEventId(UUID.nameUUIDFromBytes((ID + "|" + run.id + "|" + id).getBytes(StandardCharsets.UTF_8)).toString())
                .setFlowId(ID).setStatus(SyncStatus.FAILED)
                .setSource(new RecordRef(SystemId.ZOHO_CRM, run.org, CrmContacts.MODULE, id))
                .setTargets(new ArrayList<>()).setAttempts(1).setApiCalls(0).setEventReceivedAt(null)
                .setStartedAt(run.startedAt).setFinishedAt(now).setErrorCode("UNREADABLE_MODIFIED_TIME")
                .setErrorMessage("the listing gave no id or no readable Modified_Time for this record")
                .setSkipReason(null).setTraceId("batch-" + run.id).setDetails(new HashMap<>(Map.of("batchRun", run.id)))
                .build();
    }

    private static Instant modified(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** One run's state between ticks. */
    private static final class Run {
        final String org;
        final String id;
        final long epoch;
        final Instant startedAt;
        final Optional<BatchCursor> start;
        final BatchWalk walk;
        final Deque<BatchWalk.Listed> pending = new ArrayDeque<>();
        String pageToken;
        int pageNumber = 1;
        int pages;
        int listFailures;
        boolean lastPageRead;
        boolean listed;
        int handedOver;
        int failed;
        String pacing = "";
        Optional<BatchCursor> end = Optional.empty();

        Run(String org, String id, long epoch, Instant startedAt, Optional<BatchCursor> start) {
            this.org = org;
            this.id = id;
            this.epoch = epoch;
            this.startedAt = startedAt;
            this.start = start;
            this.walk = new BatchWalk(start);
        }

        Map<String, Object> describe() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("runId", id);
            d.put("startedAt", startedAt.toString());
            d.put("startCursor", start.map(c -> c.time().toString()).orElse(""));
            d.put("phase", listed ? "handing over" : "listing");
            d.put("pages", pages);
            d.put("listed", walk.listedCount());
            d.put("handedOver", handedOver);
            d.put("pending", pending.size());
            d.put("unreadable", failed);
            d.put("pacing", pacing);
            return d;
        }
    }
}
