package io.zsync.externalsync.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Merges the two sides of a contact pair field by field against the last agreed baseline: a field changed on
 * one side only takes that side's value; a field changed on both sides to different values is a conflict the
 * org's {@link ConflictPolicy} settles; without a baseline for a field (first link), a value present on one
 * side only fills the gap on the other and two different values are a conflict. The result says what each
 * side must be given so that both hold the merged contact.
 */
public final class ContactMerge {

    /** One side as read: its values and when its record was last modified (null if unknown). */
    public record Snapshot(ContactValues values, Instant modifiedAt) {
    }

    /**
     * The merge.
     *
     * @param merged          what both sides hold after the writes
     * @param crmChanges      fields to write to CRM (null value: clear)
     * @param externalChanges fields to write to the external CRM (null value: clear)
     * @param conflicts       conflicts settled by the policy
     */
    public record Result(ContactValues merged, Map<ContactField, String> crmChanges,
                         Map<ContactField, String> externalChanges, List<Conflict> conflicts) {
        public Result {
            crmChanges = Collections.unmodifiableMap(crmChanges);
            externalChanges = Collections.unmodifiableMap(externalChanges);
            conflicts = List.copyOf(conflicts);
        }

        public Map<ContactField, String> changesFor(Side side) {
            return side == Side.CRM ? crmChanges : externalChanges;
        }
    }

    private ContactMerge() {
    }

    public static Result merge(Optional<Baseline> base, Snapshot crm, Snapshot external, ConflictPolicy policy) {
        Map<ContactField, String> merged = new EnumMap<>(ContactField.class);
        Map<ContactField, String> toCrm = new EnumMap<>(ContactField.class);
        Map<ContactField, String> toExternal = new EnumMap<>(ContactField.class);
        List<Conflict> conflicts = new ArrayList<>();
        Optional<Baseline> usable = base.filter(b -> !b.deleted());
        for (ContactField field : ContactField.values()) {
            String c = crm.values().get(field);
            String e = external.values().get(field);
            String value;
            if (field.same(c, e)) {
                value = c != null ? c : e;
            } else {
                Optional<String> agreed = usable.flatMap(b -> b.fieldHash(field));
                Side taken;
                if (agreed.isPresent()) {
                    boolean crmChanged = !agreed.get().equals(ContactValues.fieldHash(field, c));
                    boolean externalChanged = !agreed.get().equals(ContactValues.fieldHash(field, e));
                    taken = crmChanged == externalChanged ? null : crmChanged ? Side.CRM : Side.EXTERNAL;
                } else if (c == null || e == null) {
                    // first link: a value on one side only fills the other's gap, nothing is lost
                    taken = c == null ? Side.EXTERNAL : Side.CRM;
                } else {
                    taken = null;
                }
                if (taken == null) {
                    taken = policy.winner(field, crm.modifiedAt(), external.modifiedAt());
                    String kept = taken == Side.CRM ? c : e;
                    String lost = taken == Side.CRM ? e : c;
                    conflicts.add(new Conflict(field, taken, policy.ruleFor(field), kept, lost));
                }
                value = taken == Side.CRM ? c : e;
            }
            if (value != null) {
                merged.put(field, value);
            }
            if (!field.same(c, value)) {
                toCrm.put(field, value);
            }
            if (!field.same(e, value)) {
                toExternal.put(field, value);
            }
        }
        return new Result(ContactValues.of(merged), toCrm, toExternal, conflicts);
    }
}
