package io.zsync.schemas.serde;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

import java.io.EOFException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the Confluent wire format into an Avro-generated class. The writer's schema is resolved by the id
 * in the header, then read into the reader's own schema, so a newer reader reads older records (and the
 * other way round, as far as the compatibility rule allows). Bytes that cannot be read raise
 * {@link AvroSerdeException}; nothing is silently turned into null.
 */
public class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private SchemaRegistryClient registry;
    private Class<T> type;
    private Schema readerSchema;
    private final Map<Integer, SpecificDatumReader<T>> readers = new ConcurrentHashMap<>();

    /** For Kafka, which instantiates deserializers by class name; the type comes from configuration. */
    public AvroDeserializer() {
    }

    public AvroDeserializer(SchemaRegistryClient registry, Class<T> type) {
        this.registry = registry;
        setType(type);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (registry != null) {
            // built ready to use (e.g. by Micronaut's serde registry, which still calls configure)
            return;
        }
        this.registry = AvroSerdeConfig.from(configs).newClient();
        if (type == null) {
            Object name = configs.get(isKey ? AvroSerdeConfig.KEY_TYPE : AvroSerdeConfig.VALUE_TYPE);
            if (name == null) {
                throw new IllegalArgumentException((isKey ? AvroSerdeConfig.KEY_TYPE : AvroSerdeConfig.VALUE_TYPE)
                        + " must name the Avro class to read into");
            }
            try {
                setType(name instanceof Class<?> c ? (Class<T>) c
                        : (Class<T>) Class.forName(name.toString(), true, Thread.currentThread().getContextClassLoader()));
            } catch (ClassNotFoundException e) {
                throw new IllegalArgumentException("Avro class not found: " + name, e);
            }
        }
    }

    private void setType(Class<T> type) {
        this.type = type;
        this.readerSchema = SpecificData.get().getSchema(type);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (registry == null) {
            throw new IllegalStateException("AvroDeserializer used before configure()");
        }
        int id = WireFormat.schemaId(data);
        SpecificDatumReader<T> reader = readers.computeIfAbsent(id, this::newReader);
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_LENGTH,
                data.length - WireFormat.HEADER_LENGTH, null);
        try {
            T record = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new AvroSerdeException(AvroSerdeException.Reason.MALFORMED_PAYLOAD,
                        "trailing bytes after a " + readerSchema.getFullName() + " on topic " + topic);
            }
            return record;
        } catch (EOFException e) {
            throw new AvroSerdeException(AvroSerdeException.Reason.TRUNCATED,
                    "payload ends before the " + readerSchema.getFullName() + " record does (topic " + topic + ")", e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof AvroSerdeException serde) {
                throw serde;
            }
            throw new AvroSerdeException(AvroSerdeException.Reason.MALFORMED_PAYLOAD,
                    "cannot decode a " + readerSchema.getFullName() + " written with schema id " + id
                            + " on topic " + topic + ": " + e.getMessage(), e);
        }
    }

    private SpecificDatumReader<T> newReader(int schemaId) {
        Schema writer = registry.byId(schemaId);
        SchemaCompatibility.SchemaPairCompatibility compatibility =
                SchemaCompatibility.checkReaderWriterCompatibility(readerSchema, writer);
        if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            throw new AvroSerdeException(AvroSerdeException.Reason.INCOMPATIBLE_SCHEMA,
                    "writer schema " + schemaId + " (" + writer.getFullName() + ") cannot be read as "
                            + readerSchema.getFullName() + ": " + compatibility.getDescription());
        }
        return new SpecificDatumReader<>(writer, readerSchema, SpecificData.getForClass(type));
    }
}
