package io.zsync.schemas.serde;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes Avro-generated records in the Confluent wire format, registering (or, with auto-registration
 * off, looking up) the record's schema under the TopicNameStrategy subject {@code <topic>-value} or
 * {@code <topic>-key}. A null record is written as null (a tombstone). Generated (specific) records are
 * what services send; generic records serve tools and tests that write other schema versions.
 */
public class AvroSerializer<T extends IndexedRecord> implements Serializer<T> {

    private SchemaRegistryClient registry;
    private boolean autoRegister;
    private boolean isKey;
    private final Map<Class<?>, DatumWriter<Object>> writers = new ConcurrentHashMap<>();

    /** For Kafka, which instantiates serializers by class name and then calls {@link #configure}. */
    public AvroSerializer() {
    }

    /** Ready to use: Kafka does not call {@code configure} on instances passed to a client's constructor. */
    public AvroSerializer(SchemaRegistryClient registry, boolean autoRegister, boolean isKey) {
        this.registry = registry;
        this.autoRegister = autoRegister;
        this.isKey = isKey;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.isKey = isKey;
        if (registry != null) {
            // built ready to use (e.g. by Micronaut's serde registry, which still calls configure)
            return;
        }
        AvroSerdeConfig config = AvroSerdeConfig.from(configs);
        this.registry = config.newClient();
        this.autoRegister = config.autoRegister();
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        if (registry == null) {
            throw new IllegalStateException("AvroSerializer used before configure()");
        }
        Schema schema = record.getSchema();
        String subject = topic + (isKey ? "-key" : "-value");
        int id = autoRegister ? registry.register(subject, schema) : registry.lookup(subject, schema);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            out.write(WireFormat.MAGIC_BYTE);
            out.write(new byte[] {(byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8), (byte) id});
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writerFor(record).write(record, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new AvroSerdeException(AvroSerdeException.Reason.MALFORMED_PAYLOAD,
                    "cannot encode " + schema.getFullName() + " for topic " + topic + ": " + e.getMessage(), e);
        }
    }

    private DatumWriter<Object> writerFor(T record) {
        if (!(record instanceof SpecificRecord)) {
            return new GenericDatumWriter<>(record.getSchema(), GenericData.get());
        }
        return writers.computeIfAbsent(record.getClass(),
                type -> new SpecificDatumWriter<>(record.getSchema(), SpecificData.getForClass(type)));
    }
}
