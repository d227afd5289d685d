package io.zsync.sync.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.zsync.contract.SyncStatus;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Per-flow metrics: outcomes by status ({@code zsync.sync.outcomes}), latency from webhook receipt to
 * completion ({@code zsync.sync.latency}), retries parked ({@code zsync.sync.retries}), dead letters
 * ({@code zsync.sync.deadletters}) and SaaS API calls spent ({@code zsync.sync.api.calls}).
 */
@Singleton
public class SyncMetrics {

    private final MeterRegistry registry;

    public SyncMetrics(@Nullable MeterRegistry registry) {
        this.registry = registry != null ? registry : new SimpleMeterRegistry();
    }

    void outcome(String flow, SyncStatus status, Duration latency, int apiCalls) {
        Counter.builder("zsync.sync.outcomes").tag("flow", flow).tag("status", status.name()).register(registry).increment();
        Timer.builder("zsync.sync.latency").tag("flow", flow).publishPercentileHistogram()
                .register(registry).record(latency.isNegative() ? Duration.ZERO : latency);
        if (apiCalls > 0) {
            Counter.builder("zsync.sync.api.calls").tag("flow", flow).register(registry).increment(apiCalls);
        }
    }

    void retry(String flow) {
        Counter.builder("zsync.sync.retries").tag("flow", flow).register(registry).increment();
    }

    void deadLetter(String flow, String code) {
        Counter.builder("zsync.sync.deadletters").tag("flow", flow).tag("code", code).register(registry).increment();
    }

    public MeterRegistry registry() {
        return registry;
    }
}
