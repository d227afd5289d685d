package io.zsync.gateway.publish;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.zsync.contract.ChangeEvent;
import io.zsync.contract.Watermark;
import io.zsync.gateway.config.ProducerConfiguration;
import io.zsync.kafka.SchemaRegistryConfiguration;
import io.zsync.schemas.serde.AvroSerializer;
import io.zsync.schemas.serde.SchemaRegistryClient;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.HashMap;
import java.util.Map;

/**
 * The gateway's producers: idempotent with acks=all, so an acknowledged send is on every in-sync replica
 * and retries inside the producer never duplicate or reorder; values in the project's Confluent
 * wire-format Avro serde, sharing the application's schema registry client.
 */
@Factory
public class ProducerFactory {

    @Singleton
    @Bean(preDestroy = "close")
    GatewayProducers producers(@Value("${kafka.bootstrap.servers}") String bootstrapServers,
                               ProducerConfiguration config, SchemaRegistryClient registry,
                               SchemaRegistryConfiguration registryConfig) {
        SchemaRegistryClient ids = new SchemaIdCache(registry);
        Producer<String, ChangeEvent> changes = new KafkaProducer<>(
                properties(bootstrapServers, config, "webhook-gateway-changes"),
                new StringSerializer(), new AvroSerializer<>(ids, registryConfig.autoRegister(), false));
        Producer<String, Watermark> watermarks = new KafkaProducer<>(
                properties(bootstrapServers, config, "webhook-gateway-watermarks"),
                new StringSerializer(), new AvroSerializer<>(ids, registryConfig.autoRegister(), false));
        return new GatewayProducers(changes, watermarks);
    }

    static Map<String, Object> properties(String bootstrapServers, ProducerConfiguration config, String clientId) {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) config.maxBlock().toMillis());
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) config.requestTimeout().toMillis());
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(config.deliveryTimeout().toMillis(),
                config.linger().toMillis() + config.requestTimeout().toMillis()));
        p.put(ProducerConfig.LINGER_MS_CONFIG, (int) config.linger().toMillis());
        // reconnect quickly after a broker restart so the first requests after it do not wait long
        p.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        return p;
    }
}
