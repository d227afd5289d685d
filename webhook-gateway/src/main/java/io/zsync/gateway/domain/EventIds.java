package io.zsync.gateway.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Deterministic event ids: a name-based UUID (version 5, SHA-1) over the identifying parts of a change,
 * so the same delivery retried by its sender, or the same record version seen twice by the poller,
 * always maps to the same id and consumers can deduplicate on it.
 */
public final class EventIds {

    /** Fixed namespace of zsync change events; changing it would change every id. */
    private static final UUID NAMESPACE = UUID.fromString("6f1c6a36-6d1e-4f0b-9f62-2f8a4c1d7e10");

    private EventIds() {
    }

    /**
     * The id for the given parts, in order. Each part is length-prefixed, so {@code ("ab","c")} and
     * {@code ("a","bc")} differ; a null part is distinct from an empty one.
     */
    public static String of(String... parts) {
        MessageDigest sha1 = digest("SHA-1");
        ByteBuffer ns = ByteBuffer.allocate(16);
        ns.putLong(NAMESPACE.getMostSignificantBits()).putLong(NAMESPACE.getLeastSignificantBits());
        sha1.update(ns.array());
        for (String part : parts) {
            if (part == null) {
                sha1.update(ByteBuffer.allocate(4).putInt(-1).array());
                continue;
            }
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha1.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
            sha1.update(bytes);
        }
        byte[] hash = sha1.digest();
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
        ByteBuffer bits = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bits.getLong(), bits.getLong()).toString();
    }

    /** Hex SHA-256 of a body: the identity of a delivery whose source sends no delivery id or time. */
    public static String bodyDigest(byte[] body) {
        return HexFormat.of().formatHex(digest("SHA-256").digest(body));
    }

    static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every Java runtime", e);
        }
    }
}
