package io.zsync.sync.engine;

import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.zsync.contract.ChangeEvent;
import io.zsync.contract.DeadLetter;
import io.zsync.contract.EventOrigin;
import io.zsync.contract.Operation;
import io.zsync.contract.SyncCompleted;
import io.zsync.contract.SyncStatus;
import io.zsync.contract.SystemId;
import io.zsync.schemas.Topics;
import io.zsync.sync.TopicProbe;
import io.zsync.testing.KafkaStack;
import io.zsync.testing.RealKafka;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The runtime's guarantees through a real broker, with a scripted flow standing in for a SaaS. */
@RealKafka
@MicronautTest
@Property(name = "spec.name", value = "SyncEngineIT")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncEngineIT implements TestPropertyProvider {

    @KafkaClient(acks = KafkaClient.Acknowledge.ALL)
    @Requires(property = "spec.name", value = "SyncEngineIT")
    interface Changes {
        @Topic(Topics.Names.CRM_LEADS)
        void send(@KafkaKey String recordId, ChangeEvent event);
    }

    @Singleton
    @SyncListener
    @Requires(property = "spec.name", value = "SyncEngineIT")
    static class Listener {
        private final SyncEngine engine;
        private final ScriptedFlow flow;

        Listener(SyncEngine engine, ScriptedFlow flow) {
            this.engine = engine;
            this.flow = flow;
        }

        @Topic(Topics.Names.CRM_LEADS)
        void on(List<ConsumerRecord<String, ChangeEvent>> records, Consumer<?, ?> consumer) {
            engine.process(flow, records, consumer);
        }
    }

    @Inject
    Changes changes;
    @Inject
    ScriptedFlow flow;

    private final TopicProbe<SyncCompleted> completions = new TopicProbe<>(Topics.SYNC_COMPLETIONS);
    private final TopicProbe<DeadLetter> deadLetters = new TopicProbe<>(Topics.SYNC_DEADLETTERS);

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(KafkaStack.get().micronautProperties());
        properties.put("zsync.sync.group", "sync-engine-it-" + UUID.randomUUID());
        properties.put("zsync.sync.retry-base", "100ms");
        properties.put("zsync.sync.max-attempts", "4");
        return properties;
    }

    @AfterAll
    void closeProbes() {
        completions.close();
        deadLetters.close();
    }

    private static ChangeEvent event(String recordId, String eventId, List<String> changed) {
        return ChangeEvent.newBuilder()
                .setEventId(eventId).setSource(SystemId.ZOHO_CRM).setOrgId("acme").setEntityType("Leads")
                .setRecordId(recordId).setOperation(changed.isEmpty() ? Operation.CREATED : Operation.UPDATED)
                .setChangedFields(changed).setChangedValues(null).setPreviousValues(null)
                .setRecordVersion("v-" + eventId).setOrigin(EventOrigin.WEBHOOK)
                .setOccurredAt(Instant.now()).setReceivedAt(Instant.now()).setTraceId("trace-" + eventId)
                .setAttributes(new HashMap<>()).build();
    }

    private List<SyncCompleted> completionsOf(String recordId) {
        return completions.values(c -> c.getSource().getRecordId().equals(recordId));
    }

    @Test
    void shouldWriteOnceAndCompleteOnceForOneEvent() {
        String id = "ok-" + UUID.randomUUID();
        changes.send(id, event(id, "e-" + id, List.of()));

        await().atMost(Duration.ofSeconds(30)).until(() -> completionsOf(id).size() == 1);
        SyncCompleted completion = completionsOf(id).get(0);
        assertThat(completion.getStatus()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(completion.getFlowId()).isEqualTo("scripted-flow");
        assertThat(completion.getTargets()).extracting(t -> t.getRecordId()).containsExactly("target-" + id);
        assertThat(completion.getAttempts()).isEqualTo(1);
        assertThat(completion.getTraceId()).isEqualTo("trace-e-" + id);
        assertThat(flow.writes.get(id)).hasValue(1);
    }

    @Test
    void shouldNotWriteTwiceWhenTheSameEventIsDeliveredTenTimes() {
        String id = "ok-" + UUID.randomUUID();
        ChangeEvent once = event(id, "e-" + id, List.of());
        for (int i = 0; i < 10; i++) {
            changes.send(id, once);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> completionsOf(id).size() == 10);
        assertThat(completionsOf(id)).extracting(SyncCompleted::getStatus)
                .containsOnlyOnce(SyncStatus.SUCCEEDED).containsOnly(SyncStatus.SUCCEEDED, SyncStatus.SKIPPED);
        assertThat(completionsOf(id)).filteredOn(c -> c.getStatus() == SyncStatus.SKIPPED)
                .allSatisfy(c -> assertThat(c.getSkipReason()).containsAnyOf("already processed", "copy of one earlier"));
        assertThat(flow.writes.get(id)).hasValue(1);
    }

    @Test
    void shouldRetryAFailedEventEvenWhenItsCopyArrivedInTheSameBatch() {
        String flaky = "flaky1-" + UUID.randomUUID();
        ChangeEvent once = event(flaky, "e-" + flaky, List.of());
        changes.send(flaky, once);
        changes.send(flaky, once); // most likely in the same batch as the first

        await().atMost(Duration.ofSeconds(30)).until(() -> completionsOf(flaky).stream()
                .anyMatch(c -> c.getStatus() == SyncStatus.SUCCEEDED));
        assertThat(completionsOf(flaky)).extracting(SyncCompleted::getStatus)
                .containsOnlyOnce(SyncStatus.SUCCEEDED).doesNotContain(SyncStatus.FAILED);
        assertThat(flow.writes.get(flaky)).hasValue(1);
    }

    @Test
    void shouldRetryTransientFailuresWithoutBlockingOthersAndSucceedOnce() {
        String flaky = "flaky2-" + UUID.randomUUID();
        String behind = "ok-" + UUID.randomUUID(); // same partition or not, it must not wait for the flaky one
        changes.send(flaky, event(flaky, "e-" + flaky, List.of()));
        changes.send(behind, event(behind, "e-" + behind, List.of()));

        await().atMost(Duration.ofSeconds(30)).until(() -> completionsOf(flaky).size() == 1);
        SyncCompleted completion = completionsOf(flaky).get(0);
        assertThat(completion.getStatus()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(completion.getAttempts()).isEqualTo(3);
        assertThat(flow.writes.get(flaky)).hasValue(1);
        assertThat(completionsOf(behind)).hasSize(1);
        // the retries of an event that never wrote still carry the INTENT of the first attempt
        assertThat(flow.attempts.get(flaky)).hasValue(3);
    }

    @Test
    void shouldDeadLetterAfterTheLastAttempt() {
        String hopeless = "flaky9-" + UUID.randomUUID(); // fails more often than max-attempts (4)
        changes.send(hopeless, event(hopeless, "e-" + hopeless, List.of()));

        await().atMost(Duration.ofSeconds(30)).until(() -> completionsOf(hopeless).size() == 1);
        assertThat(completionsOf(hopeless).get(0).getStatus()).isEqualTo(SyncStatus.FAILED);
        List<DeadLetter> letters = deadLetters.values(d -> d.getRecordKey() != null && d.getRecordKey().equals(hopeless));
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).getRetryable()).isTrue();
        assertThat(letters.get(0).getAttempts()).isEqualTo(4);
        assertThat(flow.writes).doesNotContainKey(hopeless);
    }

    @Test
    void shouldDeadLetterPermanentFailureAtOnceWithEverythingToRedriveIt() {
        String id = "bad-" + UUID.randomUUID();
        changes.send(id, event(id, "e-" + id, List.of()));

        await().atMost(Duration.ofSeconds(30)).until(() -> completionsOf(id).size() == 1);
        SyncCompleted completion = completionsOf(id).get(0);
        assertThat(completion.getStatus()).isEqualTo(SyncStatus.FAILED);
        assertThat(completion.getErrorCode()).isEqualTo("NO_MAPPING");
        DeadLetter letter = deadLetters.values(d -> id.equals(d.getRecordKey())).get(0);
        assertThat(letter.getOriginal().getEventId()).isEqualTo("e-" + id);
        assertThat(letter.getSourceTopic()).isEqualTo(Topics.CRM_LEADS.name());
        assertThat(letter.getAttempts()).isEqualTo(1);
        assertThat(letter.getRetryable()).isFalse();
        assertThat(flow.attempts.get(id)).hasValue(1);
    }

    @Test
    void shouldSkipOurOwnWriteBackEcho() {
        String id = "ok-" + UUID.randomUUID();
        changes.send(id, event(id, "e1-" + id, List.of()));
        changes.send(id, event(id, "e2-" + id, List.of("Target_ID", "Modified_Time")));

        await().atMost(Duration.ofSeconds(30)).until(() -> completionsOf(id).size() == 2);
        assertThat(completionsOf(id)).extracting(SyncCompleted::getStatus).containsExactly(SyncStatus.SUCCEEDED, SyncStatus.SKIPPED);
        assertThat(completionsOf(id).get(1).getSkipReason()).contains("own write-back");
        assertThat(flow.writes.get(id)).hasValue(1);
    }

    @Test
    void shouldDeadLetterUndecodableBytesAndKeepGoing() {
        String key = "garbage-" + UUID.randomUUID();
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of("bootstrap.servers",
                KafkaStack.get().bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(Topics.CRM_LEADS.name(), key, "{\"not\":\"avro\"}".getBytes())).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        String after = "ok-" + UUID.randomUUID();
        changes.send(after, event(after, "e-" + after, List.of()));

        await().atMost(Duration.ofSeconds(30)).until(() -> completionsOf(after).size() == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> !deadLetters.values(d -> d.getOriginal() == null
                && d.getErrorCode().equals("UNDECODABLE_WRONG_MAGIC_BYTE")
                && new String(d.getRawValue().array()).contains("not")).isEmpty());
    }
}
