package io.zsync.kafka;

import io.micronaut.configuration.kafka.serde.SerdeRegistry;
import io.micronaut.core.order.Ordered;
import io.zsync.schemas.serde.AvroSerde;
import io.zsync.schemas.serde.SchemaRegistryClient;
import jakarta.inject.Singleton;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes micronaut-kafka use the Confluent wire-format Avro serde for every Avro-generated type, ahead of its
 * JSON serde (which would otherwise write our contracts as JSON). Other types fall through to the next
 * registry. One registry client, and so one cache of schema ids, serves the whole application.
 */
@Singleton
public class AvroSerdeRegistry implements SerdeRegistry {

    private final SchemaRegistryClient registry;
    private final boolean autoRegister;
    private final Map<Class<?>, Serde<?>> serdes = new ConcurrentHashMap<>();

    public AvroSerdeRegistry(SchemaRegistryClient registry, SchemaRegistryConfiguration configuration) {
        this.registry = registry;
        this.autoRegister = configuration.autoRegister();
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> Serde<T> getSerde(Class<T> type) {
        if (!SpecificRecord.class.isAssignableFrom(type)) {
            return null;
        }
        return (Serde<T>) serdes.computeIfAbsent(type,
                t -> new AvroSerde(registry, autoRegister, (Class) t, false));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
