package io.zsync.sync.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stable fingerprint of the values a flow maps to its target: equal values give equal hashes whatever
 * the map's order, so "nothing I map changed" is one string comparison against the ledger.
 */
public final class MappedHash {

    private MappedHash() {
    }

    public static String of(Map<String, ?> mapped) {
        StringBuilder canonical = new StringBuilder();
        new TreeMap<>(mapped).forEach((k, v) -> canonical.append(k).append('\u0001')
                .append(v == null ? "\u0000" : v.toString()).append('\u0002'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
