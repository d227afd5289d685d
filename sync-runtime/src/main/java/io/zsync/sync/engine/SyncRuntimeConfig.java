package io.zsync.sync.engine;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.zsync.sync.domain.Backoff;

import java.time.Duration;

/**
 * The runtime's settings ({@code zsync.sync.*}).
 *
 * @param group              the service's consumer group (also the prefix of its transactional ids)
 * @param retryBase          first retry delay
 * @param retryCap           longest delay between attempts
 * @param maxAttempts        attempts in all before a transient failure is dead-lettered; with the defaults a record
 *                           keeps being retried for about 40 minutes (0.5 s doubling to 5 min, jittered), so an outage
 *                           or a storm of 429s and 5xx of that length parks records instead of dead-lettering them
 * @param retryAfterCap      longest Retry-After honoured
 * @param ledgerLoadTimeout  how long startup may take to read the ledger
 * @param retryWorker        whether this instance runs the retry worker
 */
@ConfigurationProperties(SyncRuntimeConfig.PREFIX)
public record SyncRuntimeConfig(
        String group,
        @Bindable(defaultValue = "500ms") Duration retryBase,
        @Bindable(defaultValue = "5m") Duration retryCap,
        @Bindable(defaultValue = "20") int maxAttempts,
        @Bindable(defaultValue = "60s") Duration retryAfterCap,
        @Bindable(defaultValue = "60s") Duration ledgerLoadTimeout,
        @Bindable(defaultValue = "true") boolean retryWorker) {

    public static final String PREFIX = "zsync.sync";

    public Backoff backoff() {
        return new Backoff(retryBase, retryCap, maxAttempts, retryAfterCap);
    }
}
