package io.zsync.gateway.reconcile;

import io.zsync.contract.ChangeEvent;
import io.zsync.contract.EventOrigin;
import io.zsync.contract.Operation;
import io.zsync.contract.SystemId;
import io.zsync.contract.Watermark;
import io.zsync.gateway.domain.Changes;
import io.zsync.gateway.domain.Delivery;
import io.zsync.gateway.domain.EventIds;
import io.zsync.gateway.domain.ReconciliationPlan;
import io.zsync.gateway.publish.EventSink;
import io.zsync.gateway.publish.PublishFailure;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;

/**
 * One reconciliation pass over one CRM module of one org: list what changed since the durable watermark,
 * publish it in (time, id) order as RECONCILIATION events whose id derives from record id and version (so a
 * change already delivered by webhook is recognisable downstream by the same record version), then save
 * the watermark advanced only over what the broker acknowledged.
 */
@Singleton
public class ReconciliationRun {

    public static final String COMPONENT = "gateway-reconciliation";
    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationRun.class);

    private final CrmRecordSource source;
    private final WatermarkStore watermarks;
    private final EventSink sink;
    private final ReconciliationConfiguration config;
    private final Clock clock;

    public ReconciliationRun(CrmRecordSource source, WatermarkStore watermarks, EventSink sink,
                             ReconciliationConfiguration config, Clock clock) {
        this.source = source;
        this.watermarks = watermarks;
        this.sink = sink;
        this.config = config;
        this.clock = clock;
    }

    /** What a pass did. */
    public record Outcome(int listed, int published, boolean complete, boolean disturbed, Watermark watermark) {
    }

    public static String key(String org, String module) {
        return COMPONENT + "/" + org + "/" + module;
    }

    public Outcome run(String org, String module) {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        try (var ignored = MDC.putCloseable("traceId", traceId)) {
            String key = key(org, module);
            Instant now = clock.instant();
            ReconciliationPlan.Mark mark = watermarks.load(key)
                    .map(w -> new ReconciliationPlan.Mark(w.getModifiedTime(), new HashSet<>(w.getLastRecordIds())))
                    .orElseGet(() -> new ReconciliationPlan.Mark(now.minus(config.initialLookback()), java.util.Set.of()));

            List<CrmRecordSource.Listed> listed = source.modifiedSince(org, module, mark.time().minus(config.overlap()));
            Map<String, Instant> created = new java.util.HashMap<>();
            listed.forEach(l -> created.put(l.stamp().id(), l.createdTime()));
            ReconciliationPlan plan = ReconciliationPlan.of(mark, listed.stream().map(CrmRecordSource.Listed::stamp).toList());
            Delivery context = new Delivery(org, new byte[0], null, traceId, now);
            List<ChangeEvent> events = plan.toPublish().stream()
                    .map(s -> event(org, module, s, created.get(s.id()), context)).toList();

            int published = publishInOrder(events);
            ReconciliationPlan.Mark advanced = plan.advance(published);
            Watermark saved = null;
            if (!advanced.equals(mark)) {
                saved = Watermark.newBuilder().setComponent(COMPONENT).setOrgId(org).setEntityType(module)
                        .setModifiedTime(advanced.time()).setLastRecordIds(List.copyOf(advanced.idsAtTime()))
                        .setUpdatedAt(clock.instant()).build();
                watermarks.save(key, saved);
            }
            LOG.info("reconciled {}/{}: {} listed, {} new, {} published{}; watermark {}", org, module, listed.size(),
                    events.size(), published, plan.disturbed() ? " (listing changed during the run)" : "", advanced.time());
            return new Outcome(listed.size(), published, published == events.size(), plan.disturbed(), saved);
        }
    }

    private int publishInOrder(List<ChangeEvent> events) {
        int published = 0;
        for (int from = 0; from < events.size(); from += config.batchSize()) {
            List<ChangeEvent> batch = events.subList(from, Math.min(events.size(), from + config.batchSize()));
            try {
                sink.publish(batch).join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof PublishFailure failure) {
                    // later batches are not tried: the watermark may only cover an acknowledged prefix
                    LOG.warn("reconciliation publish failed after {} events: {}", published, failure.getMessage());
                    return published;
                }
                throw e;
            }
            published += batch.size();
        }
        return published;
    }

    static ChangeEvent event(String org, String module, ReconciliationPlan.Stamp stamp, Instant createdTime, Delivery context) {
        Operation operation = stamp.modifiedTime().equals(createdTime) ? Operation.CREATED : Operation.UPDATED;
        return Changes.event(EventIds.of(SystemId.ZOHO_CRM.name(), org, module, stamp.id(), "version", stamp.version()),
                        SystemId.ZOHO_CRM, org, module, stamp.id(), operation, stamp.modifiedTime(),
                        EventOrigin.RECONCILIATION, context)
                .setRecordVersion(stamp.version())
                .setAttributes(Changes.attributes("reconciliationRun", context.traceId()))
                .build();
    }

}
