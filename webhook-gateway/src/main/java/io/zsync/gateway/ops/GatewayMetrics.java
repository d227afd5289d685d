package io.zsync.gateway.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.zsync.gateway.domain.WebhookRejection;
import io.zsync.gateway.publish.PublishFailure;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Locale;

/**
 * The gateway's meters. Every request ends in exactly one of accepted, rejected (with its reason) or a publish
 * failure, so the three counters add up to the requests served.
 */
@Singleton
public class GatewayMetrics {

    public static final String ACCEPTED = "zsync.gateway.webhooks.accepted";
    public static final String REJECTED = "zsync.gateway.webhooks.rejected";
    public static final String PUBLISH_FAILED = "zsync.gateway.webhooks.publish.failed";
    public static final String EVENTS = "zsync.gateway.events.published";
    public static final String PUBLISH_LATENCY = "zsync.gateway.publish.latency";

    private final MeterRegistry registry;

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void accepted(WebhookSource source, int events, Duration publishLatency) {
        registry.counter(ACCEPTED, "source", source.tag()).increment();
        registry.counter(EVENTS, "source", source.tag()).increment(events);
        latency(source, "acknowledged").record(publishLatency);
    }

    public void rejected(WebhookSource source, WebhookRejection.Reason reason) {
        registry.counter(REJECTED, "source", source.tag(), "reason", reason.tag()).increment();
    }

    public void publishFailed(WebhookSource source, PublishFailure.Cause cause, Duration publishLatency) {
        registry.counter(PUBLISH_FAILED, "source", source.tag(), "cause", cause.name().toLowerCase(Locale.ROOT)).increment();
        latency(source, "failed").record(publishLatency);
    }

    public void keysUnavailable(WebhookSource source) {
        registry.counter(PUBLISH_FAILED, "source", source.tag(), "cause", "keys_unavailable").increment();
    }

    private Timer latency(WebhookSource source, String outcome) {
        return Timer.builder(PUBLISH_LATENCY)
                .description("time from the first send to the broker's acknowledgement of every event of a request")
                .tags("source", source.tag(), "outcome", outcome)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }
}
