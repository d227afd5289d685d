package io.zsync.dashboard.health;

import io.micronaut.scheduling.annotation.Scheduled;
import io.zsync.dashboard.domain.AlertThresholds;
import io.zsync.dashboard.domain.GroupLag;
import io.zsync.dashboard.domain.HealthLevel;
import io.zsync.dashboard.domain.HealthRules;
import io.zsync.dashboard.domain.Verdict;
import io.zsync.dashboard.lag.ConsumerLagMonitor;
import io.zsync.dashboard.lag.LagUnavailableException;
import io.zsync.dashboard.query.DashboardReader;
import io.zsync.dashboard.query.StoresUnavailableException;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Judges every flow (failure rate over the alert window) and every consumer group (lag, oldest unprocessed event)
 * on a schedule, and publishes the result to the health endpoint and the metrics. What cannot be measured yet is
 * UNKNOWN with the reason, never silently UP; state stores that will not come back without a restart (Kafka
 * Streams failed to start or died) are DOWN, so the health endpoint answers 503.
 */
@Singleton
public class HealthMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);

    private final DashboardReader reader;
    private final ConsumerLagMonitor lag;
    private final AlertThresholds thresholds;
    private final DashboardMetrics metrics;
    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<HealthSnapshot> latest = new AtomicReference<>();

    public HealthMonitor(DashboardReader reader, ConsumerLagMonitor lag, AlertProperties alerts,
                         DashboardMetrics metrics) {
        this.reader = reader;
        this.lag = lag;
        this.thresholds = alerts.thresholds();
        this.metrics = metrics;
    }

    @Scheduled(fixedDelay = "${zsync.dashboard.alerts.evaluate-every:15s}",
            initialDelay = "${zsync.dashboard.alerts.first-evaluation-after:3s}")
    void onSchedule() {
        evaluate();
    }

    /** Evaluates now and publishes the result. */
    public HealthSnapshot evaluate() {
        Instant now = clock.instant();
        List<HealthSnapshot.FlowHealth> flows = new ArrayList<>();
        List<Verdict> verdicts = new ArrayList<>();
        try {
            reader.flows(now.minus(thresholds.failureWindow()), now).forEach(f -> {
                Verdict v = HealthRules.forFlow(f.flowId(), f.totals(), thresholds);
                flows.add(new HealthSnapshot.FlowHealth(f.flowId(), f.totals(), v));
                verdicts.add(v);
            });
        } catch (StoresUnavailableException e) {
            // starting or rebalancing: not known yet; failed: the dashboard cannot judge anything until restarted
            verdicts.add(new Verdict(e.failed() ? HealthLevel.DOWN : HealthLevel.UNKNOWN,
                    "flow stats unavailable: " + e.getMessage()));
        } catch (InvalidStateStoreException e) {
            verdicts.add(new Verdict(HealthLevel.UNKNOWN, "flow stats unavailable: " + e.getMessage()));
        }
        List<HealthSnapshot.GroupHealth> groups = new ArrayList<>();
        try {
            for (GroupLag g : lag.measure()) {
                Verdict v = HealthRules.forGroup(g, thresholds);
                groups.add(new HealthSnapshot.GroupHealth(g.groupId(), g, v));
                verdicts.add(v);
            }
        } catch (LagUnavailableException e) {
            LOG.warn("consumer lag not measured: {}", e.getMessage());
            for (String group : lag.groups()) {
                Verdict v = new Verdict(HealthLevel.UNKNOWN, "group " + group + ": " + e.getMessage());
                groups.add(new HealthSnapshot.GroupHealth(group, null, v));
                verdicts.add(v);
            }
        }
        HealthSnapshot snapshot = new HealthSnapshot(now, Verdict.worst(verdicts), flows, groups);
        HealthSnapshot previous = latest.getAndSet(snapshot);
        if (previous == null || previous.overall().level() != snapshot.overall().level()) {
            LOG.info("dashboard health {}: {}", snapshot.overall().level(), snapshot.overall().reason());
        }
        metrics.publish(snapshot);
        return snapshot;
    }

    /**
     * The last evaluation; before the first one, UNKNOWN. It never evaluates inline, because the health endpoint
     * calls it on an event-loop thread and a measurement waits for Kafka.
     */
    public HealthSnapshot latest() {
        HealthSnapshot snapshot = latest.get();
        return snapshot != null ? snapshot : new HealthSnapshot(clock.instant(),
                new Verdict(HealthLevel.UNKNOWN, "first evaluation pending"), List.of(), List.of());
    }
}
