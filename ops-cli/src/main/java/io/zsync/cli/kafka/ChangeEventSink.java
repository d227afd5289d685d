package io.zsync.cli.kafka;

import io.micronaut.context.annotation.Value;
import io.zsync.cli.CliException;
import io.zsync.contract.ChangeEvent;
import io.zsync.schemas.TopicSpec;
import io.zsync.schemas.serde.AvroSerde;
import io.zsync.schemas.serde.AvroSerdeConfig;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes change events as the gateway does (Avro in the Confluent wire format, idempotent, acks=all), keyed by
 * record id so a backfilled record stays in order with its live changes. Connects on first use only, so
 * {@code --help} and dry runs never need Kafka.
 */
@Singleton
public class ChangeEventSink {

    private final String bootstrapServers;
    private final String registryUrl;
    private final String registryAuth;
    private final boolean autoRegister;
    private final Duration timeout;
    private KafkaProducer<String, ChangeEvent> producer;

    public ChangeEventSink(@Value("${kafka.bootstrap.servers}") String bootstrapServers,
                           @Value("${zsync.schema-registry.url}") String registryUrl,
                           @Value("${zsync.schema-registry.basic-auth-user-info:}") String registryAuth,
                           @Value("${zsync.schema-registry.auto-register:true}") boolean autoRegister,
                           @Value("${zsync.ops.kafka.timeout:30s}") Duration timeout) {
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
        this.registryAuth = registryAuth;
        this.autoRegister = autoRegister;
        this.timeout = timeout;
    }

    /** Sends one event; the returned future completes when Kafka acknowledged it. */
    public synchronized Future<RecordMetadata> send(TopicSpec<String, ChangeEvent> topic, ChangeEvent event) {
        return producer().send(new ProducerRecord<>(topic.name(), event.getRecordId(), event));
    }

    /** Waits for an acknowledgement, turning Kafka's failure into a one-line error. */
    public RecordMetadata await(Future<RecordMetadata> sent) {
        try {
            return sent.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new CliException("Kafka did not take the event: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new CliException("Kafka at " + bootstrapServers + " did not acknowledge within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted", e);
        }
    }

    private KafkaProducer<String, ChangeEvent> producer() {
        if (producer == null) {
            AvroSerdeConfig serde = new AvroSerdeConfig(registryUrl, autoRegister,
                    registryAuth == null || registryAuth.isBlank() ? null : registryAuth, Duration.ofSeconds(10));
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.CLIENT_ID_CONFIG, "zsync-ops-backfill",
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) timeout.toMillis()),
                    new StringSerializer(), AvroSerde.forValues(serde, ChangeEvent.class).serializer());
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
            producer = null;
        }
    }
}
