package io.zsync.externalsync.batch;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.zsync.externalsync.config.BatchProperties;
import jakarta.inject.Singleton;

/** Starts the contact batch on its cron schedule (hourly by default) and moves running batches on every tick. */
@Singleton
@Requires(property = BatchProperties.PREFIX + ".enabled", notEquals = "false")
public class BatchScheduler {

    private final CrmContactBatch batch;

    public BatchScheduler(CrmContactBatch batch) {
        this.batch = batch;
    }

    @Scheduled(cron = "${zsync.external-sync.batch.cron:0 0 * * * *}")
    void onSchedule() {
        batch.startAll();
    }

    @Scheduled(fixedDelay = "${zsync.external-sync.batch.tick:500ms}", initialDelay = "${zsync.external-sync.batch.tick:500ms}")
    void onTick() {
        batch.tick();
    }
}
