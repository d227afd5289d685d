package io.zsync.dashboard.streams;

import io.zsync.contract.DeadLetter;
import io.zsync.dashboard.domain.DeadLetterEntry;
import io.zsync.dashboard.domain.OutcomeStatus;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Stores a {@link DeadLetterEntry} as a small header (format version, resolution time and status) followed by
 * the dead letter in the Confluent wire format, so the original event comes back exactly as it was published,
 * ready to be redriven.
 */
public final class DeadLetterEntrySerde implements Serde<DeadLetterEntry> {

    private static final byte FORMAT = 1;
    private static final int HEADER = 1 + 8 + 1;

    private final Serde<DeadLetter> deadLetters;

    public DeadLetterEntrySerde(Serde<DeadLetter> deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public Serializer<DeadLetterEntry> serializer() {
        return (topic, entry) -> {
            if (entry == null) {
                return null;
            }
            byte[] body = deadLetters.serializer().serialize(topic, entry.deadLetter());
            ByteBuffer out = ByteBuffer.allocate(HEADER + body.length);
            out.put(FORMAT);
            out.putLong(entry.resolvedAt() == null ? -1L : entry.resolvedAt());
            out.put(entry.resolvedStatus() == null ? (byte) -1 : (byte) entry.resolvedStatus().ordinal());
            out.put(body);
            return out.array();
        };
    }

    @Override
    public Deserializer<DeadLetterEntry> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length < HEADER || bytes[0] != FORMAT) {
                throw new SerializationException("not a dead-letter entry of format " + FORMAT);
            }
            ByteBuffer in = ByteBuffer.wrap(bytes);
            in.get();
            long resolvedAt = in.getLong();
            byte status = in.get();
            DeadLetter deadLetter = deadLetters.deserializer().deserialize(topic,
                    Arrays.copyOfRange(bytes, HEADER, bytes.length));
            return new DeadLetterEntry(deadLetter, resolvedAt < 0 ? null : resolvedAt,
                    status < 0 ? null : OutcomeStatus.values()[status]);
        };
    }
}
