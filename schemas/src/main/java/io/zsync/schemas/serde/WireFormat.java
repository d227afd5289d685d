package io.zsync.schemas.serde;

import java.nio.ByteBuffer;

/**
 * The Confluent wire format: magic byte {@code 0}, the writer schema's registry id as a 4-byte big-endian
 * int, then the Avro binary encoding of the record.
 */
final class WireFormat {

    static final byte MAGIC_BYTE = 0;
    static final int HEADER_LENGTH = 5;

    private WireFormat() {
    }

    static ByteBuffer header(int schemaId, int payloadLength) {
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_LENGTH + payloadLength);
        buffer.put(MAGIC_BYTE).putInt(schemaId);
        return buffer;
    }

    /** Returns the schema id of {@code data}, or throws when the header is missing or wrong. */
    static int schemaId(byte[] data) {
        if (data.length < HEADER_LENGTH) {
            throw new AvroSerdeException(AvroSerdeException.Reason.TRUNCATED,
                    "payload of " + data.length + " bytes is shorter than the 5-byte header");
        }
        if (data[0] != MAGIC_BYTE) {
            throw new AvroSerdeException(AvroSerdeException.Reason.WRONG_MAGIC_BYTE,
                    String.format("first byte is 0x%02x, expected 0x00", data[0]));
        }
        return ByteBuffer.wrap(data, 1, 4).getInt();
    }
}
