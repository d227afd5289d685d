package io.zsync.gateway.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.zsync.contract.ChangeEvent;
import io.zsync.gateway.auth.KeysUnavailable;
import io.zsync.gateway.config.GatewayConfiguration;
import io.zsync.gateway.domain.WebhookRejection;
import io.zsync.gateway.ops.GatewayMetrics;
import io.zsync.gateway.ops.WebhookSource;
import io.zsync.gateway.publish.ChangePublisher;
import io.zsync.gateway.publish.PublishFailure;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The one path every webhook takes: size check, authenticate and normalize (pure code), publish, and only
 * when the broker has acknowledged every event answer 200. A rejection answers 4xx with nothing published;
 * a publish that fails or is too slow answers 503 with {@code Retry-After}, never 2xx.
 */
@Singleton
public class WebhookIntake {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookIntake.class);
    public static final String MDC_TRACE = "traceId";

    private final ChangePublisher publisher;
    private final GatewayMetrics metrics;
    private final GatewayConfiguration config;

    public WebhookIntake(ChangePublisher publisher, GatewayMetrics metrics, GatewayConfiguration config) {
        this.publisher = publisher;
        this.metrics = metrics;
        this.config = config;
    }

    /**
     * Runs {@code normalize} (which authenticates and parses) and publishes what it returns.
     *
     * @param bodyLength size of the raw body, checked against the limit before anything else
     */
    public CompletableFuture<HttpResponse<?>> accept(WebhookSource source, String traceId, int bodyLength,
                                                     Supplier<List<ChangeEvent>> normalize) {
        try (var ignored = MDC.putCloseable(MDC_TRACE, traceId)) {
            List<ChangeEvent> events;
            try {
                if (bodyLength > config.maxBodyBytes()) {
                    throw tooLarge(config.maxBodyBytes());
                }
                events = normalize.get();
            } catch (WebhookRejection rejection) {
                return CompletableFuture.completedFuture(rejected(source, rejection, traceId));
            } catch (KeysUnavailable unavailable) {
                metrics.keysUnavailable(source);
                LOG.warn("{} webhook not verifiable now, answering 503: {}", source.tag(), unavailable.getMessage());
                return CompletableFuture.completedFuture(unavailable(traceId, "KEYS_UNAVAILABLE",
                        "the keys to verify the webhook could not be fetched; retry later"));
            }
            long start = System.nanoTime();
            return publisher.publish(events).handle((acks, error) -> {
                Duration latency = Duration.ofNanos(System.nanoTime() - start);
                if (error == null) {
                    metrics.accepted(source, events.size(), latency);
                    if (LOG.isDebugEnabled()) {
                        // the trace id in the MDC only when there is a line to carry it: this runs on the
                        // producer's I/O thread for every accepted webhook
                        try (var ignoredToo = MDC.putCloseable(MDC_TRACE, traceId)) {
                            LOG.debug("accepted {} webhook: {} events in {} ms", source.tag(), events.size(), latency.toMillis());
                        }
                    }
                    return ok(events, traceId);
                }
                try (var ignoredToo = MDC.putCloseable(MDC_TRACE, traceId)) {
                    return publishFailed(source, unwrap(error), latency, traceId);
                }
            });
        }
    }

    /** The answer to a rejection, also used for rejections raised outside {@link #accept} (413 by the server). */
    public MutableHttpResponse<ErrorBody> rejected(WebhookSource source, WebhookRejection rejection, String traceId) {
        metrics.rejected(source, rejection.reason());
        // the message is built by the domain from field names only; no header or secret value is in it
        LOG.info("rejected {} webhook: {} [{}]", source.tag(), rejection.getMessage(), rejection.reason().tag());
        HttpStatus status = switch (rejection.kind()) {
            case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case TOO_LARGE -> HttpStatus.REQUEST_ENTITY_TOO_LARGE;
        };
        String code = switch (rejection.kind()) {
            case BAD_REQUEST -> rejection.reason().name();
            // one code for every authentication failure: a forger learns nothing about what was wrong
            case UNAUTHENTICATED -> "UNAUTHENTICATED";
            case TOO_LARGE -> "PAYLOAD_TOO_LARGE";
        };
        return HttpResponse.<ErrorBody>status(status)
                .header(TraceIds.TRACE_HEADER, traceId)
                .body(new ErrorBody(code, rejection.getMessage(), traceId));
    }

    public static WebhookRejection tooLarge(int limit) {
        return new WebhookRejection(WebhookRejection.Reason.BODY_TOO_LARGE,
                "the body exceeds the limit of " + limit + " bytes");
    }

    private HttpResponse<?> ok(List<ChangeEvent> events, String traceId) {
        return HttpResponse.ok(new AcceptedBody(events.size(), events.stream().map(ChangeEvent::getEventId).toList(), traceId))
                .header(TraceIds.TRACE_HEADER, traceId);
    }

    private HttpResponse<?> publishFailed(WebhookSource source, Throwable error, Duration latency, String traceId) {
        if (!(error instanceof PublishFailure failure)) {
            // not a Kafka outcome: a programming error, let the server's error handling answer 500
            throw error instanceof RuntimeException r ? r : new CompletionException(error);
        }
        metrics.publishFailed(source, failure.failureCause(), latency);
        LOG.warn("{} webhook not acknowledged, answering 503: {}", source.tag(), failure.getMessage());
        if (failure.failureCause() == PublishFailure.Cause.RECORD_TOO_LARGE) {
            return HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)
                    .header(TraceIds.TRACE_HEADER, traceId)
                    .body(new ErrorBody("PAYLOAD_TOO_LARGE", failure.getMessage(), traceId));
        }
        return unavailable(traceId, "BROKER_UNAVAILABLE", "the event store did not acknowledge the webhook; retry later");
    }

    private HttpResponse<?> unavailable(String traceId, String code, String message) {
        return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(TraceIds.TRACE_HEADER, traceId)
                .header("Retry-After", Long.toString(Math.max(1, config.retryAfter().toSeconds())))
                .body(new ErrorBody(code, message, traceId));
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
