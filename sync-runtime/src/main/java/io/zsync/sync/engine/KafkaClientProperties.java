package io.zsync.sync.engine;

import io.micronaut.configuration.kafka.config.KafkaDefaultConfiguration;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The application's {@code kafka.*} settings (bootstrap servers, security, SASL) as a map, for the Kafka
 * clients the runtime builds itself (transactional producer, ledger reader, retry worker), so they connect
 * exactly as micronaut-kafka's own clients do.
 */
@Singleton
public class KafkaClientProperties {

    private final Properties base;

    public KafkaClientProperties(KafkaDefaultConfiguration kafka) {
        this.base = kafka.getConfig();
    }

    public Map<String, Object> with(Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>();
        base.forEach((k, v) -> config.put(k.toString(), v));
        config.putAll(overrides);
        return config;
    }
}
