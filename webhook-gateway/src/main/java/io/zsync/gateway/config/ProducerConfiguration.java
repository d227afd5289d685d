package io.zsync.gateway.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * The gateway's Kafka producer ({@code zsync.gateway.producer.*}); acks=all and idempotence are fixed, not
 * configurable, because acknowledging a webhook is only safe after every in-sync replica has the event.
 *
 * @param maxBlock        how long {@code send} may wait for metadata or buffer space (bounded so a dead
 *                        broker turns into a quick 503, not a hung request)
 * @param requestTimeout  per produce request
 * @param deliveryTimeout how long the producer keeps retrying one event (must be at least
 *                        {@code linger + requestTimeout})
 * @param linger          batching delay; 5 ms, the Kafka 4 client's own default (KIP-1030), lets concurrent requests
 *                        share produce requests (at saturation about a third less broker CPU per webhook than 1 ms,
 *                        docs/benchmarks.md) for a few milliseconds of latency
 */
@ConfigurationProperties(ProducerConfiguration.PREFIX)
public record ProducerConfiguration(
        @Bindable(defaultValue = "2s") Duration maxBlock,
        @Bindable(defaultValue = "3s") Duration requestTimeout,
        @Bindable(defaultValue = "10s") Duration deliveryTimeout,
        @Bindable(defaultValue = "5ms") Duration linger) {

    public static final String PREFIX = "zsync.gateway.producer";
}
