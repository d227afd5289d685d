package io.zsync.dashboard.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micronaut.context.annotation.Context;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The health verdicts as Prometheus metrics, so alerting works from metrics alone (docs/prometheus-alerts.yml).
 * Health gauges read 0 UP, 1 UNKNOWN, 2 WARN, 3 DOWN. Created eagerly, so the gauges exist before the first
 * evaluation and a scrape never mistakes "not evaluated yet" for "metric gone".
 */
@Context
public class DashboardMetrics {

    private final AtomicInteger overall = new AtomicInteger();
    private final MultiGauge flowHealth;
    private final MultiGauge flowFailureRate;
    private final MultiGauge flowEvents;
    private final MultiGauge groupHealth;
    private final MultiGauge groupLag;
    private final MultiGauge groupOldestAge;

    public DashboardMetrics(MeterRegistry registry) {
        Gauge.builder("zsync.dashboard.health", overall, AtomicInteger::get)
                .description("Overall dashboard verdict: 0 UP, 1 UNKNOWN, 2 WARN, 3 DOWN").register(registry);
        flowHealth = MultiGauge.builder("zsync.dashboard.flow.health")
                .description("Flow verdict over the alert window: 0 UP, 1 UNKNOWN, 2 WARN, 3 DOWN").register(registry);
        flowFailureRate = MultiGauge.builder("zsync.dashboard.flow.failure.rate")
                .description("Failed and dead-lettered outcomes over all outcomes in the alert window").register(registry);
        flowEvents = MultiGauge.builder("zsync.dashboard.flow.events")
                .description("Outcomes in the alert window").register(registry);
        groupHealth = MultiGauge.builder("zsync.dashboard.consumer.health")
                .description("Consumer group verdict: 0 UP, 1 UNKNOWN, 2 WARN, 3 DOWN").register(registry);
        groupLag = MultiGauge.builder("zsync.dashboard.consumer.lag")
                .description("Unprocessed records of the group, all partitions").register(registry);
        groupOldestAge = MultiGauge.builder("zsync.dashboard.consumer.oldest.unprocessed.age")
                .baseUnit("seconds").description("Age of the group's oldest unprocessed event").register(registry);
    }

    void publish(HealthSnapshot snapshot) {
        overall.set(snapshot.overall().level().severity());
        flowHealth.register(snapshot.flows().stream().map(f -> MultiGauge.Row.of(Tags.of("flow", f.flowId()),
                f.verdict().level().severity())).toList(), true);
        flowFailureRate.register(snapshot.flows().stream().map(f -> MultiGauge.Row.of(Tags.of("flow", f.flowId()),
                f.window().failureRate())).toList(), true);
        flowEvents.register(snapshot.flows().stream().map(f -> MultiGauge.Row.of(Tags.of("flow", f.flowId()),
                f.window().total())).toList(), true);
        groupHealth.register(snapshot.groups().stream().map(g -> MultiGauge.Row.of(Tags.of("group", g.groupId()),
                g.verdict().level().severity())).toList(), true);
        groupLag.register(snapshot.groups().stream().filter(g -> g.lag() != null && g.lag().found())
                .map(g -> MultiGauge.Row.of(Tags.of("group", g.groupId()), g.lag().totalLag())).toList(), true);
        groupOldestAge.register(snapshot.groups().stream().filter(g -> g.lag() != null && g.lag().found())
                .map(g -> {
                    Long age = g.lag().oldestUnprocessedAgeMs();
                    return MultiGauge.Row.of(Tags.of("group", g.groupId()), age == null ? 0.0 : age / 1000.0);
                }).toList(), true);
    }
}
