package io.zsync.gateway.reconcile;

import io.zsync.contract.Watermark;
import io.zsync.gateway.publish.GatewayProducers;
import io.zsync.schemas.Topics;
import io.zsync.schemas.serde.AvroDeserializer;
import io.zsync.schemas.serde.SchemaRegistryClient;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

/**
 * Watermarks on the compacted {@link Topics#WATERMARKS} topic: a load reads the topic to its end and keeps the
 * last value of the key (so it sees every earlier save, from this or another instance); a save returns only
 * after the broker acknowledged it (acks=all).
 */
@Singleton
public class KafkaWatermarkStore implements WatermarkStore {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final GatewayProducers producers;
    private final SchemaRegistryClient registry;
    private final String bootstrapServers;

    public KafkaWatermarkStore(GatewayProducers producers, SchemaRegistryClient registry,
                               @Value("${kafka.bootstrap.servers}") String bootstrapServers) {
        this.producers = producers;
        this.registry = registry;
        this.bootstrapServers = bootstrapServers;
    }

    @Override
    public Optional<Watermark> load(String key) {
        try (KafkaConsumer<String, Watermark> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new AvroDeserializer<>(registry, Watermark.class))) {
            List<TopicPartition> partitions = IntStream.range(0, Topics.WATERMARKS.partitions())
                    .mapToObj(p -> new TopicPartition(Topics.WATERMARKS.name(), p)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            Watermark found = null;
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, TIMEOUT) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new WatermarkUnavailable("the watermark topic could not be read to its end within " + TIMEOUT, null);
                }
                for (ConsumerRecord<String, Watermark> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        found = record.value();
                    }
                }
            }
            return Optional.ofNullable(found);
        } catch (KafkaException e) {
            throw new WatermarkUnavailable("the watermark topic could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public void save(String key, Watermark watermark) {
        try {
            producers.watermarks().send(new ProducerRecord<>(Topics.WATERMARKS.name(), key, watermark))
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            throw new WatermarkUnavailable("the watermark " + key + " was not acknowledged: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WatermarkUnavailable("interrupted while saving the watermark " + key, e);
        }
    }
}
