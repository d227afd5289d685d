package io.zsync.schemas.serde;

import io.zsync.contract.ChangeEvent;
import io.zsync.contract.DeadLetter;
import io.zsync.schemas.Fixtures;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.avro.Schema;

import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever bytes arrive on a topic, the deserializer either returns a record or raises the one exception
 * consumers route to dead letters; no other exception, no silent null.
 */
class DeserializerFuzzTest {

    /** Knows one schema, id 1, like a registry with our ChangeEvent registered. */
    private static final SchemaRegistryClient ONE_SCHEMA = new SchemaRegistryClient() {
        @Override
        public int register(String subject, Schema schema) {
            return 1;
        }

        @Override
        public int lookup(String subject, Schema schema) {
            return 1;
        }

        @Override
        public Schema byId(int id) {
            if (id != 1) {
                throw new AvroSerdeException(AvroSerdeException.Reason.UNKNOWN_SCHEMA_ID, "no schema " + id);
            }
            return ChangeEvent.getClassSchema();
        }
    };

    private static final byte[] VALID = new AvroSerializer<ChangeEvent>(ONE_SCHEMA, true, false)
            .serialize("t", Fixtures.changeEvent("5725767000000524157"));

    private final AvroDeserializer<ChangeEvent> deserializer = new AvroDeserializer<>(ONE_SCHEMA, ChangeEvent.class);

    @Property(tries = 10_000)
    void randomBytesDecodeOrRaiseTheSerdeException(@ForAll("anyBytes") byte[] bytes) {
        assertDecodesOrRejects(bytes);
    }

    @Property(tries = 10_000)
    void mutatedValidPayloadsDecodeOrRaiseTheSerdeException(@ForAll("mutatedValid") byte[] bytes) {
        assertDecodesOrRejects(bytes);
    }

    @Property(tries = 2_000)
    void anotherContractTypeIsRejectedNotMisread(@ForAll("mutatedValid") byte[] bytes) {
        AvroDeserializer<DeadLetter> wrongReader = new AvroDeserializer<>(ONE_SCHEMA, DeadLetter.class);
        try {
            wrongReader.deserialize("t", bytes);
            throw new AssertionError("a ChangeEvent was read as a DeadLetter");
        } catch (AvroSerdeException expected) {
            assertThat(expected.reason()).isNotNull();
        }
    }

    private void assertDecodesOrRejects(byte[] bytes) {
        try {
            assertThat(deserializer.deserialize("t", bytes)).isNotNull();
        } catch (AvroSerdeException expected) {
            assertThat(expected.reason()).isNotNull();
        }
    }

    @Provide
    Arbitrary<byte[]> anyBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(512);
    }

    /** The valid payload with a few bytes flipped, cut short or extended: deep inside the Avro decoder. */
    @Provide
    Arbitrary<byte[]> mutatedValid() {
        Arbitrary<int[]> flips = Arbitraries.integers().between(0, VALID.length - 1).array(int[].class).ofMinSize(1).ofMaxSize(6);
        Arbitrary<Integer> cut = Arbitraries.integers().between(1, VALID.length + 16);
        return net.jqwik.api.Combinators.combine(flips, cut, Arbitraries.bytes()).as((positions, length, value) -> {
            byte[] mutated = java.util.Arrays.copyOf(VALID, length);
            for (int position : positions) {
                if (position < mutated.length && position >= 5) { // keep the header: reach the Avro decoder
                    mutated[position] ^= value == 0 ? 0x5a : value;
                }
            }
            ByteBuffer.wrap(mutated).put(0, (byte) 0);
            return mutated;
        });
    }
}
