package io.zsync.externalsync.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A write this service is about to make to one side of a pair, recorded durably before the write so that the
 * webhook the write causes is recognised as our own even when it arrives before the sync's outcome is
 * committed: which values (by fingerprint), when, and by which flow.
 *
 * @param hash    fingerprint of the values the side holds after the write, or {@link #DELETED_HASH}
 * @param at      when the write was recorded (before it was sent)
 * @param writer  the flow that writes
 */
public record Provenance(String hash, Instant at, String writer) {

    /** The fingerprint of "this side was deleted by us". */
    public static final String DELETED_HASH = "deleted";

    static final String AT = "prov.at";
    static final String WRITER = "prov.writer";

    public boolean deleted() {
        return DELETED_HASH.equals(hash);
    }

    /** Target entries of the provenance record (its hash travels as the ledger entry's mapped hash). */
    public Map<String, String> toTargets() {
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put(AT, Long.toString(at.toEpochMilli()));
        targets.put(WRITER, writer);
        return targets;
    }

    public static Optional<Provenance> from(String mappedHash, Map<String, String> targets) {
        if (mappedHash == null || targets == null || targets.get(AT) == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Provenance(mappedHash, Instant.ofEpochMilli(Long.parseLong(targets.get(AT))),
                    targets.getOrDefault(WRITER, "unknown")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
