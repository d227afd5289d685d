package io.zsync.externalsync.domain;

import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What both sides of a contact pair agreed on at the last sync: the values' fingerprint, one fingerprint per
 * field (so a later change can be attributed to the side that made it), when, and which sides the sync wrote.
 * It lives in the flows' ledger entries ({@link #toTargets()}); of the two flows' entries the newer one counts.
 *
 * @param hash        fingerprint of the agreed values ({@link ContactValues#hash()})
 * @param at          when the sync that agreed on them finished
 * @param wrote       sides the sync wrote to (their next webhook is the sync's own echo)
 * @param deleted     the pair was deleted on both sides
 * @param fieldHashes fingerprint per field
 */
public record Baseline(String hash, Instant at, Set<Side> wrote, boolean deleted, Map<ContactField, String> fieldHashes) {

    static final String HASH = "base.hash";
    static final String AT = "base.at";
    static final String WROTE = "base.wrote";
    static final String DELETED = "base.deleted";
    static final String FIELD = "base.f.";

    public Baseline {
        wrote = wrote.isEmpty() ? EnumSet.noneOf(Side.class) : EnumSet.copyOf(wrote);
        fieldHashes = fieldHashes.isEmpty() ? new EnumMap<>(ContactField.class) : new EnumMap<>(fieldHashes);
    }

    /** The baseline after a sync that left both sides holding {@code agreed}. */
    public static Baseline agreed(ContactValues agreed, Instant at, Set<Side> wrote) {
        Map<ContactField, String> fields = new EnumMap<>(ContactField.class);
        for (ContactField field : ContactField.values()) {
            fields.put(field, agreed.fieldHash(field));
        }
        return new Baseline(agreed.hash(), at, wrote, false, fields);
    }

    /** The baseline after a sync that deleted the pair's other side. */
    public static Baseline deletion(Instant at, Set<Side> wrote) {
        return new Baseline(Provenance.DELETED_HASH, at, wrote, true, Map.of());
    }

    public Optional<String> fieldHash(ContactField field) {
        return Optional.ofNullable(fieldHashes.get(field));
    }

    public boolean wroteTo(Side side) {
        return wrote.contains(side);
    }

    /** Ledger target entries that carry this baseline (merged into the flow's ledger entry). */
    public Map<String, String> toTargets() {
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put(HASH, hash);
        targets.put(AT, Long.toString(at.toEpochMilli()));
        targets.put(WROTE, wrote.stream().map(Side::label).sorted().collect(Collectors.joining(",")));
        targets.put(DELETED, Boolean.toString(deleted));
        for (ContactField field : ContactField.values()) {
            targets.put(FIELD + field.key(), fieldHashes.getOrDefault(field, ""));
        }
        return targets;
    }

    /** The baseline a ledger entry's targets carry, if any. */
    public static Optional<Baseline> fromTargets(Map<String, String> targets) {
        if (targets == null || targets.get(HASH) == null || targets.get(AT) == null) {
            return Optional.empty();
        }
        Instant at;
        try {
            at = Instant.ofEpochMilli(Long.parseLong(targets.get(AT)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Set<Side> wrote = EnumSet.noneOf(Side.class);
        String sides = targets.getOrDefault(WROTE, "");
        for (Side side : Side.values()) {
            if ((',' + sides + ',').contains(',' + side.label() + ',')) {
                wrote.add(side);
            }
        }
        Map<ContactField, String> fields = new EnumMap<>(ContactField.class);
        for (ContactField field : ContactField.values()) {
            String hash = targets.get(FIELD + field.key());
            if (hash != null && !hash.isEmpty()) {
                fields.put(field, hash);
            }
        }
        return Optional.of(new Baseline(targets.get(HASH), at, wrote, Boolean.parseBoolean(targets.get(DELETED)), fields));
    }

    /** The later of two baselines: the pair's state is what its most recent sync agreed on. */
    public static Optional<Baseline> newest(Optional<Baseline> a, Optional<Baseline> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return b.get().at().isAfter(a.get().at()) ? b : a;
    }
}
