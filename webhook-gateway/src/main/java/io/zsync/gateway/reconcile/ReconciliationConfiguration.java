package io.zsync.gateway.reconcile;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * The reconciliation poller ({@code zsync.gateway.reconciliation.*}).
 *
 * @param enabled         run at all (orgs opt out one by one with {@code crm.orgs.<org>.reconcile=false})
 * @param interval        pause between runs (default 15 min): a lost notification is repaired within it
 * @param initialLookback where a module without a watermark starts (a full backfill is a separate job)
 * @param overlap         how far before the watermark {@code If-Modified-Since} asks, since CRM times have
 *                        whole seconds; records at or before the watermark are filtered out again
 * @param batchSize       events published (and acknowledged) together before the next batch
 */
@ConfigurationProperties(ReconciliationConfiguration.PREFIX)
public record ReconciliationConfiguration(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "15m") Duration interval,
        @Bindable(defaultValue = "1d") Duration initialLookback,
        @Bindable(defaultValue = "1s") Duration overlap,
        @Bindable(defaultValue = "100") int batchSize) {

    public static final String PREFIX = "zsync.gateway.reconciliation";
}
