package io.zsync.kafka;

import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.zsync.contract.ChangeEvent;
import io.zsync.contract.EventOrigin;
import io.zsync.contract.Operation;
import io.zsync.contract.SystemId;
import io.zsync.schemas.Topics;
import io.zsync.testing.KafkaStack;
import io.zsync.testing.RealKafka;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Micronaut {@code @KafkaClient} sends a contract record through a real broker to a {@code @KafkaListener},
 * with the Avro serde chosen by {@link AvroSerdeRegistry} (not Micronaut's JSON serde).
 */
@RealKafka
@MicronautTest
@Property(name = "spec.name", value = "AvroKafkaRoundTripIT")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AvroKafkaRoundTripIT implements TestPropertyProvider {

    @KafkaClient(acks = KafkaClient.Acknowledge.ALL)
    @Requires(property = "spec.name", value = "AvroKafkaRoundTripIT")
    interface ChangeProducer {
        @Topic(Topics.Names.CRM_CONTACTS)
        void send(@KafkaKey String recordId, ChangeEvent event);
    }

    @Singleton
    @KafkaListener(groupId = "avro-round-trip-it", offsetReset = OffsetReset.EARLIEST)
    @Requires(property = "spec.name", value = "AvroKafkaRoundTripIT")
    static class ChangeReceiver {
        final Map<String, ChangeEvent> received = new ConcurrentHashMap<>();

        @Topic(Topics.Names.CRM_CONTACTS)
        void receive(@KafkaKey String recordId, ChangeEvent event) {
            received.put(recordId, event);
        }
    }

    @Inject
    ChangeProducer producer;
    @Inject
    ChangeReceiver receiver;
    @Inject
    AdminClient admin;

    @Override
    public Map<String, String> getProperties() {
        return KafkaStack.get().micronautProperties();
    }

    @Test
    void shouldCreateCatalogueTopicsWithTheirPartitions() throws Exception {
        Map<String, TopicDescription> topics = admin.describeTopics(
                Topics.ALL.stream().map(t -> t.name()).toList()).allTopicNames().get();
        Topics.ALL.forEach(spec -> assertThat(topics.get(spec.name()).partitions()).hasSize(spec.partitions()));
    }

    @Test
    void shouldDeliverAvroEventFromClientToListener() throws Exception {
        String recordId = UUID.randomUUID().toString();
        ChangeEvent sent = ChangeEvent.newBuilder()
                .setEventId("evt-" + recordId).setSource(SystemId.ZOHO_CRM).setOrgId("org-1")
                .setEntityType("Contacts").setRecordId(recordId).setOperation(Operation.CREATED)
                .setChangedFields(List.of("Email")).setChangedValues(Map.of("Email", "ana@example.com"))
                .setPreviousValues(null).setRecordVersion(null).setOrigin(EventOrigin.WEBHOOK)
                .setOccurredAt(Instant.ofEpochMilli(1_700_000_000_000L)).setReceivedAt(Instant.ofEpochMilli(1_700_000_000_100L))
                .setTraceId("trace-" + recordId).setAttributes(Map.of())
                .build();

        producer.send(recordId, sent);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(receiver.received).containsEntry(recordId, sent));

        byte[] onTheWire = rawValue(recordId).orElseThrow();
        assertThat(onTheWire[0]).as("Confluent magic byte").isEqualTo((byte) 0);
        int schemaId = ByteBuffer.wrap(onTheWire, 1, 4).getInt();
        HttpResponse<String> schema = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(KafkaStack.get().schemaRegistryUrl() + "/schemas/ids/" + schemaId)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(schema.statusCode()).isEqualTo(200);
        String registered = new com.fasterxml.jackson.databind.ObjectMapper().readTree(schema.body()).get("schema").asText();
        assertThat(new org.apache.avro.Schema.Parser().parse(registered)).isEqualTo(ChangeEvent.getClassSchema());
    }

    private Optional<byte[]> rawValue(String key) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaStack.get().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "raw-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.CRM_CONTACTS.name()));
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        return Optional.of(record.value());
                    }
                }
            }
        }
        return Optional.empty();
    }
}
