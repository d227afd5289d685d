package io.zsync.schemas.serde;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.util.Map;

/** The serializer and deserializer together, for Kafka Streams and for Micronaut's serde registry. */
public class AvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final AvroSerializer<T> serializer;
    private final AvroDeserializer<T> deserializer;

    /** Configured through {@link #configure}: the type comes from {@link AvroSerdeConfig#VALUE_TYPE}. */
    public AvroSerde() {
        this.serializer = new AvroSerializer<>();
        this.deserializer = new AvroDeserializer<>();
    }

    /** Ready to use, sharing one registry client (and its caches). */
    public AvroSerde(SchemaRegistryClient registry, boolean autoRegister, Class<T> type, boolean isKey) {
        this.serializer = new AvroSerializer<>(registry, autoRegister, isKey);
        this.deserializer = new AvroDeserializer<>(registry, type);
    }

    /** A value serde for {@code type} from serde configuration. */
    public static <T extends SpecificRecord> AvroSerde<T> forValues(AvroSerdeConfig config, Class<T> type) {
        return new AvroSerde<>(config.newClient(), config.autoRegister(), type, false);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }
}
