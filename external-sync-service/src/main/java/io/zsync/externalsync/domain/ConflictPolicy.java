package io.zsync.externalsync.domain;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The per-field conflict rules of an org: a default rule, overrides per field, and the side that wins when
 * both records were modified in the same second (CRM reports whole seconds, so a finer comparison would favour
 * the external side for no reason).
 *
 * @param defaultRule rule of fields without an override
 * @param perField    overrides
 * @param tieWinner   winner of a {@link ConflictRule#LATEST} tie
 */
public record ConflictPolicy(ConflictRule defaultRule, Map<ContactField, ConflictRule> perField, Side tieWinner) {

    public ConflictPolicy {
        perField = perField.isEmpty() ? new EnumMap<>(ContactField.class) : new EnumMap<>(perField);
    }

    /** Most recent modification wins everywhere; CRM wins ties. */
    public static ConflictPolicy latestWins() {
        return new ConflictPolicy(ConflictRule.LATEST, Map.of(), Side.CRM);
    }

    public ConflictRule ruleFor(ContactField field) {
        return perField.getOrDefault(field, defaultRule);
    }

    /** The winning side of a conflict on {@code field}, given when each record was last modified (null if unknown). */
    public Side winner(ContactField field, Instant crmModified, Instant externalModified) {
        return switch (ruleFor(field)) {
            case CRM_WINS -> Side.CRM;
            case EXTERNAL_WINS -> Side.EXTERNAL;
            case LATEST -> latest(crmModified, externalModified);
        };
    }

    private Side latest(Instant crm, Instant external) {
        if (crm == null && external == null) {
            return tieWinner;
        }
        if (crm == null) {
            return Side.EXTERNAL;
        }
        if (external == null) {
            return Side.CRM;
        }
        long c = crm.getEpochSecond();
        long e = external.getEpochSecond();
        if (c == e) {
            return tieWinner;
        }
        return c > e ? Side.CRM : Side.EXTERNAL;
    }
}
