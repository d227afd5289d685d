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
 * @param ledgerLoadTimeout  how long startup may take to read the ledger; longer than {@code transactionTimeout}, since
 *                           a restart after a kill mid-commit waits for the broker to abort that transaction
 * @param transactionTimeout the outcome transactions' {@code transaction.timeout.ms}: how long a transaction left open
 *                           by a killed process holds readers of its topics (the ledger's loader included) before the
 *                           broker aborts it. A commit takes milliseconds; keep it below the consumer session timeout,
 *                           so a dead instance's transactions end before its partitions are taken over
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
        @Bindable(defaultValue = "10s") Duration transactionTimeout,
        @Bindable(defaultValue = "true") boolean retryWorker) {

    public static final String PREFIX = "zsync.sync";

    public Backoff backoff() {
        return new Backoff(retryBase, retryCap, maxAttempts, retryAfterCap);
    }
}
