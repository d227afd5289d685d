package io.zsync.externalsync.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * The hourly batch ({@code zsync.external-sync.batch.*}); its schedule is {@code cron} (default hourly,
 * {@code 0 0 * * * *}) and its pace is re-evaluated every {@code tick}.
 *
 * @param enabled                this instance may run batches (it still needs to be the leader)
 * @param overlap                how far before the cursor each listing starts again
 * @param pageSize               CRM records per page (at most 200)
 * @param maxBacklog             unprocessed contact events at which the batch waits
 * @param maxChunk               most contacts handed over per tick
 * @param realtimeReserve        share of each API budget window left to webhooks
 * @param externalCallsPerRecord external API calls a reconciled contact may cost
 * @param maxRecordsPerRun       records one run lists at most; the next run continues from its cursor
 * @param leaderCatchUpTimeout   how long a new leader may take to read the stored cursors
 */
@ConfigurationProperties(BatchProperties.PREFIX)
public record BatchProperties(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "2s") Duration overlap,
        @Bindable(defaultValue = "200") int pageSize,
        @Bindable(defaultValue = "20") long maxBacklog,
        @Bindable(defaultValue = "50") int maxChunk,
        @Bindable(defaultValue = "0.5") double realtimeReserve,
        @Bindable(defaultValue = "2") int externalCallsPerRecord,
        @Bindable(defaultValue = "100000") int maxRecordsPerRun,
        @Bindable(defaultValue = "30s") Duration leaderCatchUpTimeout) {

    public static final String PREFIX = "zsync.external-sync.batch";
}
