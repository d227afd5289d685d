package io.zsync.dashboard.health;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.zsync.dashboard.domain.Verdict;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Alerts as health: the {@code syncFlows} indicator is DOWN (HTTP 503) when any flow's failure rate or any group's
 * lag passed its DOWN threshold, WARN (still HTTP 200) past a WARN threshold, each with the reason.
 */
@Singleton
public class SyncHealthIndicator implements HealthIndicator {

    /** Operational, so a warning alone does not make the endpoint answer 503. */
    public static final HealthStatus WARN = new HealthStatus("WARN", "a flow or consumer group passed a WARN threshold",
            true, 500);

    private final HealthMonitor monitor;

    public SyncHealthIndicator(HealthMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        HealthSnapshot snapshot = monitor.latest();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", snapshot.overall().reason());
        details.put("evaluatedAt", snapshot.evaluatedAt().toString());
        Map<String, Object> flows = new LinkedHashMap<>();
        snapshot.flows().forEach(f -> flows.put(f.flowId(), describe(f.verdict())));
        Map<String, Object> groups = new LinkedHashMap<>();
        snapshot.groups().forEach(g -> groups.put(g.groupId(), describe(g.verdict())));
        details.put("flows", flows);
        details.put("groups", groups);
        return Publishers.just(HealthResult.builder("syncFlows", status(snapshot.overall()))
                .details(details).build());
    }

    static HealthStatus status(Verdict verdict) {
        return switch (verdict.level()) {
            case UP -> HealthStatus.UP;
            case UNKNOWN -> HealthStatus.UNKNOWN;
            case WARN -> WARN;
            case DOWN -> HealthStatus.DOWN;
        };
    }

    private static Map<String, String> describe(Verdict verdict) {
        return Map.of("status", verdict.level().name(), "reason", verdict.reason());
    }
}
