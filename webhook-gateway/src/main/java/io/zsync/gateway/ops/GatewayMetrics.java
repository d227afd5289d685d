package io.zsync.gateway.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.zsync.gateway.domain.WebhookRejection;
import io.zsync.gateway.publish.PublishFailure;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

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
    // the hot path's meters, built once per source instead of looked up on every request
    private final Map<WebhookSource, Counter> accepted = new EnumMap<>(WebhookSource.class);
    private final Map<WebhookSource, Counter> events = new EnumMap<>(WebhookSource.class);
    private final Map<WebhookSource, Timer> acknowledged = new EnumMap<>(WebhookSource.class);

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (WebhookSource source : WebhookSource.values()) {
            accepted.put(source, registry.counter(ACCEPTED, "source", source.tag()));
            events.put(source, registry.counter(EVENTS, "source", source.tag()));
            acknowledged.put(source, latency(source, "acknowledged"));
        }
    }

    public void accepted(WebhookSource source, int eventCount, Duration publishLatency) {
        accepted.get(source).increment();
        events.get(source).increment(eventCount);
        acknowledged.get(source).record(publishLatency);
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
