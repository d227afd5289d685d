package io.zsync.externalsync.batch;

import io.micronaut.context.annotation.Requires;
import io.zsync.externalsync.config.BatchProperties;
import io.zsync.kafka.SchemaRegistryConfiguration;
import io.zsync.schemas.TopicSpec;
import io.zsync.schemas.serde.AvroSerializer;
import io.zsync.schemas.serde.SchemaRegistryClient;
import io.zsync.sync.engine.KafkaClientProperties;
import io.zsync.sync.engine.SyncRuntimeConfig;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes what a batch step produces (reconciliation events, failure completions, the new cursor) in one Kafka
 * transaction. The transactional id is the same on every instance, so the leader that takes over fences any
 * write a deposed leader still attempts: at most one instance's batch output is ever committed.
 */
@Singleton
@Requires(property = BatchProperties.PREFIX + ".enabled", notEquals = "false")
public class BatchPublisher {

    private final KafkaClientProperties kafka;
    private final AvroSerializer<SpecificRecord> serializer;
    private final String transactionalId;
    private KafkaProducer<String, SpecificRecord> producer;

    public BatchPublisher(KafkaClientProperties kafka, SchemaRegistryClient registry, SchemaRegistryConfiguration registryConfig,
                          SyncRuntimeConfig runtime) {
        this.kafka = kafka;
        this.serializer = new AvroSerializer<>(registry, registryConfig.autoRegister(), false);
        this.transactionalId = runtime.group() + "-crm-contact-batch";
    }

    /** Records to commit together. */
    public static final class Output {
        private final List<ProducerRecord<String, SpecificRecord>> records = new ArrayList<>();

        public <V extends SpecificRecord> Output add(TopicSpec<String, V> topic, String key, V value) {
            records.add(new ProducerRecord<>(topic.name(), key, value));
            return this;
        }

        public boolean isEmpty() {
            return records.isEmpty();
        }
    }

    /** Commits the output atomically; throws {@link KafkaException} when it was not committed (nothing of it is then visible). */
    public synchronized void commit(Output output) {
        if (output.isEmpty()) {
            return;
        }
        KafkaProducer<String, SpecificRecord> p = producer();
        try {
            p.beginTransaction();
            for (ProducerRecord<String, SpecificRecord> record : output.records) {
                p.send(record);
            }
            p.commitTransaction();
        } catch (KafkaException e) {
            // fenced by a new leader, or the broker failed: this producer is done; a new one is made next time
            discard();
            throw e;
        }
    }

    /** Called when the lead is lost: the next leader (maybe this instance again) starts a fresh producer. */
    public synchronized void discard() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } finally {
                producer = null;
            }
        }
    }

    private KafkaProducer<String, SpecificRecord> producer() {
        if (producer == null) {
            KafkaProducer<String, SpecificRecord> p = new KafkaProducer<>(kafka.with(Map.of(
                    ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId,
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.CLIENT_ID_CONFIG, transactionalId)),
                    new StringSerializer(), serializer);
            // fences every earlier producer with this id, including a deposed leader's
            p.initTransactions();
            producer = p;
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
