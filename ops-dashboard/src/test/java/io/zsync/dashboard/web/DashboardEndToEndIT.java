package io.zsync.dashboard.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.zsync.contract.ChangeEvent;
import io.zsync.contract.DeadLetter;
import io.zsync.contract.EventOrigin;
import io.zsync.dashboard.domain.RedriveRule;
import io.zsync.schemas.Topics;
import io.zsync.schemas.serde.AvroSerde;
import io.zsync.schemas.serde.AvroSerdeConfig;
import io.zsync.testing.KafkaStack;
import io.zsync.testing.RealKafka;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.zsync.dashboard.Fixtures.deadLetter;
import static io.zsync.dashboard.Fixtures.succeeded;
import static io.zsync.dashboard.web.ItSupport.OPERATOR;
import static io.zsync.dashboard.web.ItSupport.OPERATOR_PASSWORD;
import static io.zsync.dashboard.web.ItSupport.basic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard against a real broker and registry: outcomes produced the way the services produce them show up
 * in the JSON API, a redrive lands on the source topic as the contract says, lag and health follow the numbers.
 */
@RealKafka
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardEndToEndIT implements TestPropertyProvider {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LAG_GROUP = "lag-it-" + UUID.randomUUID();
    private static final String AUTH = basic(OPERATOR, OPERATOR_PASSWORD);

    @Inject
    EmbeddedServer server;
    @Inject
    AdminClient admin;

    private final ItSupport.OutcomeProducer producer = new ItSupport.OutcomeProducer();

    @Override
    public Map<String, String> getProperties() {
        return ItSupport.properties(LAG_GROUP);
    }

    @AfterAll
    void closeProducer() {
        producer.close();
    }

    private String url(String path) {
        return server.getURL() + path;
    }

    private JsonNode json(String path) throws Exception {
        HttpResponse<String> r = ItSupport.get(url(path), AUTH);
        assertThat(r.statusCode()).as(path + " -> " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private Optional<JsonNode> flow(String flowId) throws Exception {
        for (JsonNode f : json("/api/flows?minutes=15")) {
            if (flowId.equals(f.get("flowId").asText())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    @Test
    void shouldShowProducedCompletionsInTheFlowStats() {
        String flowId = "it-flow-" + UUID.randomUUID();
        Instant now = Instant.now();
        producer.completed("r1", succeeded(flowId, "r1", "e-" + UUID.randomUUID(), now.minusMillis(800), 800));
        producer.completed("r2", succeeded(flowId, "r2", "e-" + UUID.randomUUID(), now.minusMillis(300), 300));

        await().ignoreExceptions().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(flow(flowId))
                .hasValueSatisfying(f -> {
                    assertThat(f.get("total").asLong()).isEqualTo(2);
                    assertThat(f.get("succeeded").asLong()).isEqualTo(2);
                    assertThat(f.get("latencyP99Ms").asLong()).isBetween(250L, 800L);
                    assertThat(f.get("series")).hasSizeGreaterThanOrEqualTo(1);
                }));
    }

    @Test
    void shouldShowARecordsLineageBySourceAndByTargetId() {
        String recordId = "crm-" + UUID.randomUUID();
        String booksId = "books-" + UUID.randomUUID();
        producer.completed(recordId, succeeded("crm-contact-to-books-customer", recordId, "e-" + UUID.randomUUID(),
                Instant.now().minusMillis(100), 100, booksId));

        await().ignoreExceptions().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode lineage = json("/api/lineage/" + recordId);
            assertThat(lineage.get("latestByFlow").get("crm-contact-to-books-customer").get("status").asText())
                    .isEqualTo("SUCCEEDED");
            assertThat(lineage.get("history").get(0).get("targets").get(0).get("recordId").asText()).isEqualTo(booksId);
            assertThat(json("/api/lineage?targetId=" + booksId).get(0).get("recordId").asText()).isEqualTo(recordId);
        });
        assertThat(ItSupport.get(url("/api/lineage/never-seen-" + UUID.randomUUID()), AUTH).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldListADeadLetterAndRedriveItToItsSourceTopic() throws Exception {
        String recordId = "crm-" + UUID.randomUUID();
        String eventId = "e-" + UUID.randomUUID();
        DeadLetter dl = deadLetter("crm-contact-to-books-customer", recordId, eventId, "INVALID_EMAIL", Instant.now(), 1);
        producer.deadLettered(recordId, dl);

        JsonNode listed = await().ignoreExceptions().atMost(Duration.ofSeconds(60)).until(
                () -> json("/api/dead-letters?eventId=" + eventId), l -> l.size() == 1).get(0);
        assertThat(listed.get("errorCode").asText()).isEqualTo("INVALID_EMAIL");
        assertThat(listed.get("original").get("recordId").asText()).isEqualTo(recordId);
        assertThat(listed.get("redrivable").asBoolean()).isTrue();

        HttpResponse<String> redriven = ItSupport.postJson(url("/api/dead-letters/" + listed.get("id").asText()
                + "/redrive"), AUTH, "{}");
        assertThat(redriven.statusCode()).as(redriven.body()).isEqualTo(200);
        assertThat(JSON.readTree(redriven.body()).get("operator").asText()).isEqualTo(OPERATOR);

        ChangeEvent published = RedrivenEvents.find(recordId, eventId, Duration.ofSeconds(30)).orElseThrow();
        assertThat(published.getOrigin()).isEqualTo(EventOrigin.REDRIVE);
        assertThat(published.getAttributes()).containsEntry(RedriveRule.FLOW_ATTRIBUTE, "crm-contact-to-books-customer")
                .containsEntry(RedriveRule.COUNT_ATTRIBUTE, "2");
        assertThat(published.getEventId()).isEqualTo(eventId);
    }

    @Test
    void shouldRefuseToRedriveADeadLetterWhoseOriginalWasUndecodable() throws Exception {
        String recordId = "crm-" + UUID.randomUUID();
        String eventId = "e-" + UUID.randomUUID();
        DeadLetter dl = deadLetter("crm-contact-to-books-customer", recordId, eventId, "UNDECODABLE", Instant.now(), 0);
        dl.setOriginal(null);
        dl.setRawValue(ByteBuffer.wrap(new byte[]{0, 0, 0, 0, 9, 42}));
        producer.deadLettered(recordId, dl);

        JsonNode listed = await().ignoreExceptions().atMost(Duration.ofSeconds(60)).until(
                () -> json("/api/dead-letters?eventId=" + eventId), l -> l.size() == 1).get(0);
        assertThat(listed.get("redrivable").asBoolean()).isFalse();
        assertThat(listed.get("rawValueBase64").asText()).isEqualTo("AAAAAAkq");

        HttpResponse<String> refused = ItSupport.postJson(url("/api/dead-letters/" + listed.get("id").asText()
                + "/redrive"), AUTH, "{}");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("could not be decoded");
    }

    @Test
    void shouldReportTheLagOfAServiceGroupAndItsOldestUnprocessedEvent() throws Exception {
        TopicPartition partition = new TopicPartition(Topics.CRM_LEADS.name(), 0);
        long start = admin.listOffsets(Map.of(partition, org.apache.kafka.clients.admin.OffsetSpec.latest()))
                .partitionResult(partition).get().offset();
        admin.alterConsumerGroupOffsets(LAG_GROUP, Map.of(partition, new OffsetAndMetadata(start))).all().get();
        try (var raw = new org.apache.kafka.clients.producer.KafkaProducer<String, byte[]>(Map.of(
                "bootstrap.servers", KafkaStack.get().bootstrapServers()), new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            for (int i = 0; i < 3; i++) {
                raw.send(new org.apache.kafka.clients.producer.ProducerRecord<>(partition.topic(), partition.partition(),
                        "lead-" + i, new byte[]{1})).get();
            }
        }

        await().ignoreExceptions().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode group = json("/api/lag").get(0);
            assertThat(group.get("groupId").asText()).isEqualTo(LAG_GROUP);
            assertThat(group.get("lag").asLong()).isEqualTo(3);
            assertThat(group.get("oldestUnprocessedAgeMs").isNumber()).isTrue();
        });
    }

    @Test
    void shouldTurnHealthAndTheMetricDownWhenAFlowFailsTooOften() throws Exception {
        String flowId = "failing-flow-" + UUID.randomUUID();
        for (int i = 0; i < 6; i++) {
            String record = "r-" + i + "-" + UUID.randomUUID();
            producer.deadLettered(record, deadLetter(flowId, record, "e-" + UUID.randomUUID(), "BOOKS_DOWN",
                    Instant.now(), 0));
        }

        await().ignoreExceptions().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> health = ItSupport.get(url("/health"), AUTH);
            assertThat(health.statusCode()).isEqualTo(503);
            JsonNode details = JSON.readTree(health.body()).get("details").get("syncFlows");
            assertThat(details.get("status").asText()).isEqualTo("DOWN");
            assertThat(details.get("details").get("flows").get(flowId).get("reason").asText())
                    .contains("6 of 6 events failed");
        });
        HttpResponse<String> metrics = ItSupport.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/prometheus")))
                .header("Authorization", AUTH).GET().build());
        assertThat(metrics.body()).contains("zsync_dashboard_flow_health{flow=\"" + flowId + "\"} 3.0");
    }

    /** Reads a change topic from the start for the redriven copy of an event. */
    static final class RedrivenEvents {
        static Optional<ChangeEvent> find(String key, String eventId, Duration within) {
            AvroSerdeConfig serde = new AvroSerdeConfig(KafkaStack.get().schemaRegistryUrl(), true, null, Duration.ofSeconds(5));
            try (KafkaConsumer<String, ChangeEvent> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaStack.get().bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "redrive-check-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    new StringDeserializer(), AvroSerde.forValues(serde, ChangeEvent.class).deserializer())) {
                consumer.subscribe(List.of(Topics.CRM_CONTACTS.name()));
                long deadline = System.currentTimeMillis() + within.toMillis();
                while (System.currentTimeMillis() < deadline) {
                    for (ConsumerRecord<String, ChangeEvent> r : consumer.poll(Duration.ofMillis(500))) {
                        if (key.equals(r.key()) && eventId.equals(r.value().getEventId())
                                && r.value().getOrigin() == EventOrigin.REDRIVE) {
                            return Optional.of(r.value());
                        }
                    }
                }
            }
            return Optional.empty();
        }
    }
}
