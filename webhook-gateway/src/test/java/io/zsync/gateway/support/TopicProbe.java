package io.zsync.gateway.support;

import io.zsync.contract.ChangeEvent;
import io.zsync.schemas.TopicSpec;
import io.zsync.schemas.Topics;
import io.zsync.schemas.serde.AvroDeserializer;
import io.zsync.schemas.serde.RestSchemaRegistryClient;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Reads change topics from the beginning with the project's Avro deserializer, which resolves each
 * record's writer schema from the registry by the id in its header: what a downstream consumer does.
 */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, ChangeEvent> consumer;

    public TopicProbe(String bootstrapServers, String registryUrl) {
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(),
                new AvroDeserializer<>(new RestSchemaRegistryClient(registryUrl, null, Duration.ofSeconds(5)), ChangeEvent.class));
    }

    /** Every record now on the topic. */
    public List<ConsumerRecord<String, ChangeEvent>> readAll(TopicSpec<String, ChangeEvent> topic) {
        List<TopicPartition> partitions = partitions(topic);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        List<ConsumerRecord<String, ChangeEvent>> records = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("could not read " + topic.name() + " to its end within 30 s");
            }
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }

    /** The records on {@code topic} whose event matches. */
    public List<ChangeEvent> events(TopicSpec<String, ChangeEvent> topic, Predicate<ChangeEvent> filter) {
        return readAll(topic).stream().map(ConsumerRecord::value).filter(filter).toList();
    }

    /** The sum of end offsets of every change topic: unchanged means nothing was published. */
    public long changeTopicsEnd() {
        List<TopicPartition> all = Topics.ALL.stream().filter(t -> t.valueType() == ChangeEvent.class)
                .flatMap(t -> IntStream.range(0, t.partitions()).mapToObj(p -> new TopicPartition(t.name(), p)))
                .collect(Collectors.toList());
        return consumer.endOffsets(all).values().stream().mapToLong(Long::longValue).sum();
    }

    private static List<TopicPartition> partitions(TopicSpec<?, ?> topic) {
        return IntStream.range(0, topic.partitions()).mapToObj(p -> new TopicPartition(topic.name(), p)).toList();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
