package io.zsync.gateway.publish;

import io.zsync.contract.ChangeEvent;
import io.zsync.contract.EventOrigin;
import io.zsync.contract.Operation;
import io.zsync.contract.SystemId;
import io.zsync.contract.Watermark;
import io.zsync.gateway.config.GatewayConfiguration;
import io.zsync.gateway.domain.Changes;
import io.zsync.gateway.domain.Delivery;
import io.zsync.schemas.Topics;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acknowledgement rule of the gateway, against Kafka's own {@link MockProducer}: a request completes only when
 * the broker has acknowledged every event, and fails with the cause that decides its answer (413 or 503) as soon
 * as one event fails, for one-event requests (their own path) and for batches alike.
 */
class ChangePublisherTest {

    private final MockProducer<String, ChangeEvent> producer =
            new MockProducer<>(false, null, new StringSerializer(), (topic, event) -> new byte[0]);
    private final ChangePublisher publisher = new ChangePublisher(
            new GatewayProducers(producer, new MockProducer<String, Watermark>()),
            new GatewayConfiguration(1 << 20, Duration.ofMillis(300), Duration.ofSeconds(5), null, false));

    @Test
    void shouldCompleteOnlyWhenTheOneEventIsAcknowledged() throws Exception {
        CompletableFuture<List<RecordMetadata>> acks = publisher.publish(List.of(event("1")));

        assertThat(acks).isNotDone();
        producer.completeNext();
        assertThat(acks.get()).singleElement().satisfies(m -> assertThat(m.topic()).isEqualTo(Topics.CRM_LEADS.name()));
        assertThat(producer.history()).singleElement().satisfies(r -> assertThat(r.key()).isEqualTo("1"));
    }

    @Test
    void shouldCompleteABatchOnlyWhenEveryEventIsAcknowledgedInRequestOrder() throws Exception {
        CompletableFuture<List<RecordMetadata>> acks = publisher.publish(List.of(event("1"), event("2")));

        producer.completeNext();
        assertThat(acks).isNotDone();
        producer.completeNext();
        assertThat(acks.get()).hasSize(2);
        assertThat(producer.history()).extracting(r -> r.key()).containsExactly("1", "2");
    }

    @Test
    void shouldFailAsTooLargeWhenTheBrokerRefusesTheOneEventsSize() {
        CompletableFuture<List<RecordMetadata>> acks = publisher.publish(List.of(event("1")));

        producer.errorNext(new RecordTooLargeException("too large"));

        assertThat(causeOf(acks)).isEqualTo(PublishFailure.Cause.RECORD_TOO_LARGE);
    }

    @Test
    void shouldFailABatchAtItsFirstRefusalWithoutWaitingForTheRest() {
        CompletableFuture<List<RecordMetadata>> acks = publisher.publish(List.of(event("1"), event("2")));

        producer.errorNext(new NotEnoughReplicasException("not enough replicas"));

        assertThat(causeOf(acks)).isEqualTo(PublishFailure.Cause.BROKER_ERROR);
    }

    @Test
    void shouldFailAsTimeoutWhenNoAcknowledgementComesWithinTheBound() {
        assertThat(causeOf(publisher.publish(List.of(event("1"))))).isEqualTo(PublishFailure.Cause.TIMEOUT);
        assertThat(causeOf(publisher.publish(List.of(event("2"), event("3"))))).isEqualTo(PublishFailure.Cause.TIMEOUT);
    }

    @Test
    void shouldFailAndStopSendingWhenTheProducerRefusesToTakeAnEvent() {
        producer.sendException = new KafkaException("metadata not available within max.block.ms");

        CompletableFuture<List<RecordMetadata>> acks = publisher.publish(List.of(event("1"), event("2")));

        assertThat(causeOf(acks)).isEqualTo(PublishFailure.Cause.BROKER_ERROR);
        assertThat(producer.history()).isEmpty();
    }

    private static PublishFailure.Cause causeOf(CompletableFuture<?> acks) {
        try {
            acks.get();
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(PublishFailure.class);
            return ((PublishFailure) e.getCause()).failureCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("the publish did not fail");
    }

    private static ChangeEvent event(String recordId) {
        Delivery delivery = new Delivery("dev", new byte[0], "application/json", "trace-1", Instant.EPOCH);
        return Changes.event("event-" + recordId, SystemId.ZOHO_CRM, "dev", "Leads", recordId, Operation.CREATED,
                Instant.EPOCH, EventOrigin.WEBHOOK, delivery).build();
    }
}
