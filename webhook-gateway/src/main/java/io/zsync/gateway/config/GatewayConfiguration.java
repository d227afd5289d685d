package io.zsync.gateway.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How the gateway answers ({@code zsync.gateway.*}).
 *
 * @param maxBodyBytes    largest accepted body; larger ones get 413 (default 1 MiB)
 * @param publishTimeout  longest a request waits for the broker to acknowledge every event before it is
 *                        answered 503 (default 3 s: Desk counts anything over 5 s as a failure)
 * @param retryAfter      the {@code Retry-After} sent with a 503
 * @param publicBaseUrl   scheme and host the senders call (e.g. {@code https://sync.example.com}); HubSpot
 *                        signs the full URL it called, which behind a proxy differs from what the gateway
 *                        sees. Blank: taken from the {@code Host}/{@code X-Forwarded-*} headers
 * @param bareEndpoint    expose {@code POST /bench/bare} answering 200 with no work, as the benchmark's
 *                        baseline (off by default)
 */
@ConfigurationProperties(GatewayConfiguration.PREFIX)
public record GatewayConfiguration(
        @Bindable(defaultValue = "1048576") int maxBodyBytes,
        @Bindable(defaultValue = "3s") Duration publishTimeout,
        @Bindable(defaultValue = "5s") Duration retryAfter,
        @Nullable String publicBaseUrl,
        @Bindable(defaultValue = "false") boolean bareEndpoint) {

    public static final String PREFIX = "zsync.gateway";
}
