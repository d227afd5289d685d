package io.zsync.stack;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The processes {@code ./zsync up} starts: a broker JVM that survives a SIGKILL with its data, and the registry. */
class LocalStackIT {

    @TempDir
    static Path home;
    static KafkaBroker broker;

    @BeforeAll
    static void start() {
        broker = KafkaBroker.start(Ports.free(), Ports.free(), home.resolve("kafka"), home.resolve("logs/kafka.log"));
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void shouldKeepAcknowledgedRecordsAcrossAKillAndRestart() throws Exception {
        String topic = "stack-it-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, "k", "before the crash")).get();
        }

        broker.kill();
        assertThat(broker.process().isAlive()).isFalse();
        broker.restart();

        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, "k", "after the restart")).get();
        }
        assertThat(readAll(topic)).containsExactly("before the crash", "after the restart");
    }

    @Test
    void shouldRunTheRegistryWithBackwardCompatibilityAndRefuseATakenPort() {
        int port = Ports.free();
        try (ApicurioRegistry registry = ApicurioRegistry.start(port, home.resolve("logs/registry.log"))) {
            assertThat(ApicurioRegistry.answersOn(port)).isTrue();
            assertThat(registry.url()).endsWith("/apis/ccompat/v7");
            assertThatThrownBy(() -> ApicurioRegistry.start(port, home.resolve("logs/registry2.log")))
                    .isInstanceOf(StackException.class)
                    .hasMessageContaining("port " + port).hasMessageContaining("already in use");
        }
        assertThat(ApicurioRegistry.answersOn(port)).isFalse();
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new StringSerializer());
    }

    private List<String> readAll(String topic) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "stack-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            while (values.size() < 2 && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
