package io.zsync.sync.engine;

import io.micronaut.context.annotation.Requires;
import io.zsync.schemas.TopicSpec;
import io.zsync.schemas.serde.AvroSerializer;
import io.zsync.schemas.serde.SchemaRegistryClient;
import io.zsync.kafka.SchemaRegistryConfiguration;
import io.zsync.sync.api.SyncFlow;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes everything that follows from processing a batch (ledger entries, completions, dead letters, parked
 * retries) and the consumer offsets of the batch in one Kafka transaction: either all of it is visible, or
 * none of it and the batch is delivered again. One transactional producer per consuming thread (a producer
 * runs one transaction at a time); zombie instances are fenced through the consumer group metadata (KIP-447).
 */
@Singleton
@Requires(beans = SyncFlow.class)
public class OutcomeTransactions {

    private final KafkaClientProperties kafka;
    private final AvroSerializer<SpecificRecord> serializer;
    private final String transactionalPrefix;
    private final int transactionTimeoutMs;
    private final Map<Thread, KafkaProducer<String, SpecificRecord>> producers = new ConcurrentHashMap<>();

    public OutcomeTransactions(KafkaClientProperties kafka, SchemaRegistryClient registry,
                               SchemaRegistryConfiguration registryConfig, SyncRuntimeConfig config) {
        this.kafka = kafka;
        this.serializer = new AvroSerializer<>(registry, registryConfig.autoRegister(), false);
        this.transactionalPrefix = config.group() + "-" + UUID.randomUUID();
        this.transactionTimeoutMs = (int) config.transactionTimeout().toMillis();
    }

    /** A batch of outputs to commit together. */
    public static final class Batch {
        private final List<ProducerRecord<String, SpecificRecord>> records = new ArrayList<>();
        private final Map<TopicPartition, OffsetAndMetadata> offsets = new java.util.HashMap<>();

        public <V extends SpecificRecord> Batch add(TopicSpec<String, V> topic, String key, V value) {
            records.add(new ProducerRecord<>(topic.name(), key, value));
            return this;
        }

        /** Marks {@code offset} of {@code partition} consumed (the committed position is offset + 1). */
        public Batch consumed(TopicPartition partition, long offset) {
            offsets.merge(partition, new OffsetAndMetadata(offset + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
            return this;
        }

        public boolean isEmpty() {
            return records.isEmpty() && offsets.isEmpty();
        }
    }

    /**
     * Commits {@code batch} atomically with its consumer offsets for {@code group}. Throws
     * {@link OutcomeCommitException} when the transaction could not be committed; nothing of it is then
     * visible to read_committed readers.
     */
    public void commit(Batch batch, ConsumerGroupMetadata group) {
        if (batch.isEmpty()) {
            return;
        }
        KafkaProducer<String, SpecificRecord> producer = producers.computeIfAbsent(Thread.currentThread(), this::newProducer);
        try {
            producer.beginTransaction();
            for (ProducerRecord<String, SpecificRecord> record : batch.records) {
                producer.send(record);
            }
            if (!batch.offsets.isEmpty() && group != null) {
                producer.sendOffsetsToTransaction(batch.offsets, group);
            }
            producer.commitTransaction();
        } catch (KafkaException e) {
            // Fenced or broken: this producer can no longer be used; a new one is made on the next batch.
            abortQuietly(producer);
            producers.remove(Thread.currentThread());
            producer.close(java.time.Duration.ZERO);
            throw new OutcomeCommitException("outcomes of a batch were not committed: " + e.getMessage(), e);
        }
    }

    private static void abortQuietly(KafkaProducer<String, SpecificRecord> producer) {
        try {
            producer.abortTransaction();
        } catch (KafkaException ignored) {
            // a fenced producer cannot abort; the coordinator aborts its open transaction on its own
        }
    }

    private KafkaProducer<String, SpecificRecord> newProducer(Thread thread) {
        KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(kafka.with(Map.of(
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalPrefix + "-" + thread.getName(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, transactionTimeoutMs,
                ProducerConfig.CLIENT_ID_CONFIG, transactionalPrefix + "-" + thread.getName())),
                new StringSerializer(), serializer);
        producer.initTransactions();
        return producer;
    }

    @PreDestroy
    void close() {
        producers.values().forEach(p -> p.close(java.time.Duration.ofSeconds(5)));
        producers.clear();
    }
}
