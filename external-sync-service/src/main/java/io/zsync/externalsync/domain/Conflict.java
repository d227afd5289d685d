package io.zsync.externalsync.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One field both sides changed to different values since the last sync, and how it was settled. The losing
 * value is kept in the completion event so an operator can restore it.
 *
 * @param field        the field
 * @param winner       the side whose value was kept
 * @param rule         the rule that decided
 * @param winningValue the value both sides now hold (null: cleared)
 * @param losingValue  the value that was overwritten (null: it was empty)
 */
public record Conflict(ContactField field, Side winner, ConflictRule rule, String winningValue, String losingValue) {

    public Side loser() {
        return winner.other();
    }

    /** Completion details: {@code conflicts}, then per field its winner, rule, kept and lost value. */
    public static Map<String, String> details(List<Conflict> conflicts) {
        Map<String, String> details = new LinkedHashMap<>();
        if (conflicts.isEmpty()) {
            return details;
        }
        details.put("conflicts", conflicts.stream().map(c -> c.field().key()).collect(Collectors.joining(",")));
        for (Conflict c : conflicts) {
            String prefix = "conflict." + c.field().key() + ".";
            details.put(prefix + "winner", c.winner().label());
            details.put(prefix + "rule", c.rule().name());
            details.put(prefix + "kept", c.winningValue() == null ? "" : c.winningValue());
            details.put(prefix + "lostSide", c.loser().label());
            details.put(prefix + "lost", c.losingValue() == null ? "" : c.losingValue());
        }
        return details;
    }
}
