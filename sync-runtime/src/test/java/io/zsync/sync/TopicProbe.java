package io.zsync.sync;

import io.zsync.schemas.TopicSpec;
import io.zsync.schemas.serde.AvroDeserializer;
import io.zsync.schemas.serde.RestSchemaRegistryClient;
import io.zsync.testing.KafkaStack;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Reads a topic from the beginning, committed records only (as the dashboard does), and keeps what it
 * saw, so tests can await and count outcomes. Poll it from the test thread.
 */
public final class TopicProbe<V extends SpecificRecord> implements AutoCloseable {

    private final KafkaConsumer<String, V> consumer;
    private final List<ConsumerRecord<String, V>> seen = new CopyOnWriteArrayList<>();

    public TopicProbe(TopicSpec<String, V> topic) {
        KafkaStack stack = KafkaStack.get();
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(),
                new AvroDeserializer<>(new RestSchemaRegistryClient(stack.schemaRegistryUrl(), null, Duration.ofSeconds(10)),
                        topic.valueType()));
        consumer.subscribe(List.of(topic.name()));
    }

    /** Polls until the consumer has caught up (for now) and returns every value seen so far that matches. */
    public List<V> values(Predicate<V> filter) {
        // one poll answers at most max.poll.records (500): a benchmark's tens of thousands of outcomes need many;
        // and one addAll per poll, since each add to a copy-on-write list copies the list
        long until = System.nanoTime() + Duration.ofSeconds(2).toNanos(); // a steady stream must not hold the caller
        ConsumerRecords<String, V> polled = consumer.poll(Duration.ofMillis(300));
        while (!polled.isEmpty()) {
            List<ConsumerRecord<String, V>> batch = new ArrayList<>(polled.count());
            polled.forEach(batch::add);
            seen.addAll(batch);
            if (System.nanoTime() >= until) {
                break;
            }
            polled = consumer.poll(Duration.ofMillis(50));
        }
        List<V> values = new ArrayList<>();
        for (ConsumerRecord<String, V> record : seen) {
            if (record.value() != null && filter.test(record.value())) {
                values.add(record.value());
            }
        }
        return values;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
