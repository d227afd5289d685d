package io.zsync.schemas.serde;

import io.zsync.contract.ChangeEvent;
import io.zsync.contract.DeadLetter;
import io.zsync.contract.EventOrigin;
import io.zsync.contract.SyncCompleted;
import io.zsync.schemas.Fixtures;
import io.zsync.testing.KafkaStack;
import io.zsync.testing.RealKafka;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The serde against a real Confluent-compatible registry (Apicurio here, any of them in principle). */
@RealKafka
class AvroSerdeIT {

    private SchemaRegistryClient registry;
    private String topic;

    @BeforeEach
    void setUp(KafkaStack stack) {
        registry = new RestSchemaRegistryClient(stack.schemaRegistryUrl(), null, Duration.ofSeconds(10));
        topic = "serde-it-" + UUID.randomUUID(); // a subject of its own per test
    }

    @Test
    void shouldRoundTripChangeEvent() {
        assertRoundTrip(Fixtures.changeEvent("5725767000000524157"), ChangeEvent.class);
    }

    @Test
    void shouldRoundTripSyncCompleted() {
        assertRoundTrip(Fixtures.syncCompleted("5725767000000524157"), SyncCompleted.class);
    }

    @Test
    void shouldRoundTripDeadLetter() {
        assertRoundTrip(Fixtures.deadLetter("5725767000000524157"), DeadLetter.class);
    }

    private <T extends SpecificRecord> void assertRoundTrip(T record, Class<T> type) {
        byte[] bytes = new AvroSerializer<T>(registry, true, false).serialize(topic, record);

        assertThat(bytes[0]).isEqualTo((byte) 0);
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        assertThat(registry.byId(id)).isEqualTo(record.getSchema());
        assertThat(new AvroDeserializer<>(registry, type).deserialize(topic, bytes)).isEqualTo(record);
    }

    @Test
    void shouldRegisterUnderTopicNameStrategySubjectAndReuseTheId(KafkaStack stack) throws Exception {
        AvroSerializer<ChangeEvent> serializer = new AvroSerializer<>(registry, true, false);
        byte[] first = serializer.serialize(topic, Fixtures.changeEvent("1"));
        byte[] second = new AvroSerializer<ChangeEvent>(
                new RestSchemaRegistryClient(stack.schemaRegistryUrl(), null, Duration.ofSeconds(10)), true, false)
                .serialize(topic, Fixtures.changeEvent("2"));

        assertThat(ByteBuffer.wrap(second, 1, 4).getInt()).isEqualTo(ByteBuffer.wrap(first, 1, 4).getInt());
        assertThat(get(stack.schemaRegistryUrl() + "/subjects/" + topic + "-value/versions").body()).contains("1");
    }

    @Test
    void shouldReadRecordsWrittenWithAnOlderSchema() {
        // The first ChangeEvent schema had neither recordVersion, previousValues, origin nor attributes.
        Schema v1 = withoutFields(ChangeEvent.getClassSchema(), List.of("recordVersion", "previousValues", "origin", "attributes"));
        GenericRecord old = new GenericData.Record(v1);
        ChangeEvent current = Fixtures.changeEvent("42");
        for (Schema.Field field : v1.getFields()) {
            Object value = current.get(field.name());
            old.put(field.name(), value instanceof java.time.Instant instant ? instant.toEpochMilli()
                    : value instanceof Enum<?> e ? new GenericData.EnumSymbol(field.schema(), e.name()) : value);
        }
        byte[] bytes = new AvroSerializer<GenericRecord>(registry, true, false).serialize(topic, old);

        ChangeEvent read = new AvroDeserializer<>(registry, ChangeEvent.class).deserialize(topic, bytes);

        assertThat(read.getRecordId()).isEqualTo("42");
        assertThat(read.getChangedValues()).isEqualTo(current.getChangedValues());
        assertThat(read.getOccurredAt()).isEqualTo(current.getOccurredAt());
        assertThat(read.getRecordVersion()).isNull(); // the new field's default
        assertThat(read.getOrigin()).isEqualTo(EventOrigin.WEBHOOK);
        assertThat(read.getAttributes()).isEmpty();
    }

    @Test
    void shouldRefuseAnIncompatibleChangeUnderBackwardCompatibility(KafkaStack stack) throws Exception {
        put(stack.schemaRegistryUrl() + "/config/" + topic + "-value", "{\"compatibility\":\"BACKWARD\"}");
        new AvroSerializer<ChangeEvent>(registry, true, false).serialize(topic, Fixtures.changeEvent("1"));
        // A new field without a default: new readers could not read the records already written.
        Schema breaking = SchemaBuilder.record("ChangeEvent").namespace("io.zsync.contract").fields()
                .requiredString("eventId").requiredString("tenantRegion").endRecord();
        GenericRecord record = new GenericData.Record(breaking);
        record.put("eventId", "e");
        record.put("tenantRegion", "eu");

        assertThatThrownBy(() -> new AvroSerializer<GenericRecord>(registry, true, false).serialize(topic, record))
                .isInstanceOfSatisfying(AvroSerdeException.class,
                        e -> assertThat(e.reason()).isEqualTo(AvroSerdeException.Reason.REGISTRY_REJECTED));
    }

    @Test
    void shouldRefuseToWriteUnregisteredSchemaWhenAutoRegistrationIsOff() {
        AvroSerializer<ChangeEvent> strict = new AvroSerializer<>(registry, false, false);
        assertThatThrownBy(() -> strict.serialize(topic, Fixtures.changeEvent("1")))
                .isInstanceOfSatisfying(AvroSerdeException.class,
                        e -> assertThat(e.reason()).isEqualTo(AvroSerdeException.Reason.SCHEMA_NOT_REGISTERED));

        new AvroSerializer<ChangeEvent>(registry, true, false).serialize(topic, Fixtures.changeEvent("1"));
        assertThat(strict.serialize(topic, Fixtures.changeEvent("2"))).startsWith((byte) 0);
    }

    @Test
    void shouldRejectUnknownSchemaId() {
        byte[] bytes = ByteBuffer.allocate(7).put((byte) 0).putInt(987_654_321).put((byte) 2).put((byte) 2).array();
        assertThatThrownBy(() -> new AvroDeserializer<>(registry, ChangeEvent.class).deserialize(topic, bytes))
                .isInstanceOfSatisfying(AvroSerdeException.class,
                        e -> assertThat(e.reason()).isEqualTo(AvroSerdeException.Reason.UNKNOWN_SCHEMA_ID));
    }

    @Test
    void shouldRejectTruncatedPayload() {
        byte[] whole = new AvroSerializer<ChangeEvent>(registry, true, false).serialize(topic, Fixtures.changeEvent("7"));
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);
        assertThatThrownBy(() -> new AvroDeserializer<>(registry, ChangeEvent.class).deserialize(topic, cut))
                .isInstanceOfSatisfying(AvroSerdeException.class,
                        e -> assertThat(e.reason()).isIn(AvroSerdeException.Reason.TRUNCATED,
                                AvroSerdeException.Reason.MALFORMED_PAYLOAD));
    }

    @Test
    void shouldRejectSchemaOfAnotherType() {
        byte[] completion = new AvroSerializer<SyncCompleted>(registry, true, false)
                .serialize(topic, Fixtures.syncCompleted("9"));
        assertThatThrownBy(() -> new AvroDeserializer<>(registry, DeadLetter.class).deserialize(topic, completion))
                .isInstanceOfSatisfying(AvroSerdeException.class,
                        e -> assertThat(e.reason()).isEqualTo(AvroSerdeException.Reason.INCOMPATIBLE_SCHEMA));
    }

    private static Schema withoutFields(Schema schema, List<String> dropped) {
        List<Schema.Field> kept = schema.getFields().stream()
                .filter(f -> !dropped.contains(f.name()))
                .map(f -> new Schema.Field(f, f.schema()))
                .toList();
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, kept);
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), Function.identity());
    }

    private static void put(String url, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)), Function.identity());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request,
                                             Function<HttpResponse<String>, HttpResponse<String>> check)
            throws IOException, InterruptedException {
        return check.apply(HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }
}
