package io.zsync.gateway.publish;

import io.zsync.contract.ChangeEvent;
import io.zsync.gateway.config.GatewayConfiguration;
import io.zsync.gateway.domain.Changes;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Publishes the events of one request to their change topics, keyed by record id, and completes only when
 * the broker has acknowledged every one of them; it fails, and so the request is answered 503, when any
 * event is refused or not acknowledged within the configured bound.
 */
@Singleton
public class ChangePublisher implements EventSink {

    private final Producer<String, ChangeEvent> producer;
    private final Duration timeout;

    public ChangePublisher(GatewayProducers producers, GatewayConfiguration config) {
        this.producer = producers.changes();
        this.timeout = config.publishTimeout();
    }

    /** Completes with the broker's acknowledgements, in request order, or exceptionally with a {@link PublishFailure}. */
    @Override
    public CompletableFuture<List<RecordMetadata>> publish(List<ChangeEvent> events) {
        List<CompletableFuture<RecordMetadata>> acks = new ArrayList<>(events.size());
        for (ChangeEvent event : events) {
            CompletableFuture<RecordMetadata> ack = new CompletableFuture<>();
            acks.add(ack);
            try {
                producer.send(new ProducerRecord<>(Changes.topicOf(event).name(), event.getRecordId(), event),
                        (metadata, error) -> {
                            if (error == null) {
                                ack.complete(metadata);
                            } else {
                                ack.completeExceptionally(error);
                            }
                        });
            } catch (KafkaException e) {
                // metadata or buffer wait exceeded max.block.ms, or the registry could not be reached:
                // the rest of the request would fail the same way, so stop sending
                ack.completeExceptionally(e);
                break;
            }
        }
        return allAcknowledged(acks)
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((metadata, error) -> {
                    if (error != null) {
                        throw failure(error);
                    }
                    return metadata;
                });
    }

    /** Completes when every ack has, or as soon as the first one fails (not after the slowest). */
    private static CompletableFuture<List<RecordMetadata>> allAcknowledged(List<CompletableFuture<RecordMetadata>> acks) {
        CompletableFuture<List<RecordMetadata>> all = new CompletableFuture<>();
        AtomicInteger remaining = new AtomicInteger(acks.size());
        for (CompletableFuture<RecordMetadata> ack : acks) {
            ack.whenComplete((metadata, error) -> {
                if (error != null) {
                    all.completeExceptionally(error);
                } else if (remaining.decrementAndGet() == 0) {
                    all.complete(acks.stream().map(CompletableFuture::join).toList());
                }
            });
        }
        if (acks.isEmpty()) {
            all.complete(List.of());
        }
        return all;
    }

    private PublishFailure failure(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof TimeoutException || cause instanceof org.apache.kafka.common.errors.TimeoutException) {
            return new PublishFailure(PublishFailure.Cause.TIMEOUT,
                    "the broker did not acknowledge every event within " + timeout.toMillis() + " ms", cause);
        }
        if (cause instanceof RecordTooLargeException) {
            return new PublishFailure(PublishFailure.Cause.RECORD_TOO_LARGE, "an event is larger than the broker accepts", cause);
        }
        if (cause instanceof SerializationException) {
            return new PublishFailure(PublishFailure.Cause.SERIALIZATION, "an event could not be serialized: " + cause.getMessage(), cause);
        }
        return new PublishFailure(PublishFailure.Cause.BROKER_ERROR, "the broker refused an event: " + cause, cause);
    }
}
