package io.zsync.schemas.serde;

import io.zsync.contract.ChangeEvent;
import io.zsync.stack.Ports;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad bytes that are recognisable without a registry never reach one. */
class BadBytesTest {

    /** Counts calls, to prove the header checks happen before any registry call. */
    private static final class CountingRegistry implements SchemaRegistryClient {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public int register(String subject, Schema schema) {
            calls.incrementAndGet();
            return 1;
        }

        @Override
        public int lookup(String subject, Schema schema) {
            calls.incrementAndGet();
            return 1;
        }

        @Override
        public Schema byId(int id) {
            calls.incrementAndGet();
            return ChangeEvent.getClassSchema();
        }
    }

    private final CountingRegistry registry = new CountingRegistry();
    private final AvroDeserializer<ChangeEvent> deserializer = new AvroDeserializer<>(registry, ChangeEvent.class);

    @Test
    void shouldRejectWrongMagicByte() {
        byte[] json = "{\"eventId\":\"x\"}".getBytes(); // a JSON producer writing to our topic
        assertThatThrownBy(() -> deserializer.deserialize("t", json))
                .isInstanceOfSatisfying(AvroSerdeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(AvroSerdeException.Reason.WRONG_MAGIC_BYTE);
                    assertThat(e.retryable()).isFalse();
                });
        assertThat(registry.calls).hasValue(0);
    }

    @Test
    void shouldRejectPayloadShorterThanHeader() {
        assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {0, 0, 1}))
                .isInstanceOfSatisfying(AvroSerdeException.class,
                        e -> assertThat(e.reason()).isEqualTo(AvroSerdeException.Reason.TRUNCATED));
        assertThatThrownBy(() -> deserializer.deserialize("t", new byte[0]))
                .isInstanceOfSatisfying(AvroSerdeException.class,
                        e -> assertThat(e.reason()).isEqualTo(AvroSerdeException.Reason.TRUNCATED));
        assertThat(registry.calls).hasValue(0);
    }

    @Test
    void shouldTurnNullIntoNullBothWays() {
        assertThat(deserializer.deserialize("t", null)).isNull();
        assertThat(new AvroSerializer<ChangeEvent>(registry, true, false).serialize("t", null)).isNull();
    }

    @Test
    void shouldReportUnreachableRegistryAsRetryable() {
        int closedPort = Ports.free(); // nothing listens there
        SchemaRegistryClient unreachable = new RestSchemaRegistryClient("http://127.0.0.1:" + closedPort, null,
                Duration.ofSeconds(2));
        AvroDeserializer<ChangeEvent> reader = new AvroDeserializer<>(unreachable, ChangeEvent.class);
        assertThatThrownBy(() -> reader.deserialize("t", new byte[] {0, 0, 0, 0, 7, 2, 2}))
                .isInstanceOfSatisfying(AvroSerdeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(AvroSerdeException.Reason.REGISTRY_UNAVAILABLE);
                    assertThat(e.retryable()).isTrue();
                });
        AvroSerializer<ChangeEvent> writer = new AvroSerializer<>(unreachable, true, false);
        assertThatThrownBy(() -> writer.serialize("t", io.zsync.schemas.Fixtures.changeEvent("1")))
                .isInstanceOfSatisfying(AvroSerdeException.class,
                        e -> assertThat(e.reason()).isEqualTo(AvroSerdeException.Reason.REGISTRY_UNAVAILABLE));
    }

    @Test
    void shouldRequireRegistryUrlWhenConfiguredByKafka() {
        assertThatThrownBy(() -> new AvroSerializer<ChangeEvent>().configure(java.util.Map.of(), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(AvroSerdeConfig.SCHEMA_REGISTRY_URL);
    }

    @Test
    void shouldNotPrintCredentials() {
        AvroSerdeConfig config = new AvroSerdeConfig("http://r", true, "user:s3cret", Duration.ofSeconds(1));
        assertThat(config.toString()).doesNotContain("s3cret").contains("basicAuth=set");
    }
}
