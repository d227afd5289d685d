package io.zsync.cli.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Predicts, for one CRM contact, what the contact-to-Books flow will do with a backfilled event, using the same
 * order the flow matches in (search before create): the Books id written back on the contact if Books still has
 * it, then a Books contact keeping this CRM id, then one with the same e-mail that keeps no other contact's id;
 * otherwise a new customer. A record without {@code Modified_Time} has no version to key the event on and is
 * skipped (never published).
 */
public final class BackfillPlanner {

    private BackfillPlanner() {
    }

    public static BackfillDecision decide(CrmContactFacts contact, boolean keptTargetExists,
                                          List<TargetCandidate> candidates) {
        String id = contact.recordId();
        if (contact.modifiedTime() == null || contact.modifiedTime().isBlank()) {
            return new BackfillDecision(id, BackfillDecision.Action.SKIP, "no Modified_Time to version the event", null);
        }
        if (contact.keptTargetId() != null && keptTargetExists) {
            return new BackfillDecision(id, BackfillDecision.Action.MATCH, "target id kept on the CRM record",
                    contact.keptTargetId());
        }
        Optional<TargetCandidate> keeping = candidates.stream().filter(c -> id.equals(c.crmRecordId())).findFirst();
        if (keeping.isPresent()) {
            return new BackfillDecision(id, BackfillDecision.Action.MATCH, "CRM id kept on the target",
                    keeping.get().targetId());
        }
        if (contact.email() != null && !contact.email().isBlank()) {
            Optional<TargetCandidate> byEmail = candidates.stream()
                    .filter(c -> c.crmRecordId() == null || c.crmRecordId().isBlank())
                    .filter(c -> c.email() != null && same(c.email(), contact.email()))
                    .findFirst();
            if (byEmail.isPresent()) {
                return new BackfillDecision(id, BackfillDecision.Action.MATCH, "same e-mail", byEmail.get().targetId());
            }
        }
        return new BackfillDecision(id, BackfillDecision.Action.CREATE,
                contact.keptTargetId() != null ? "kept target id no longer exists at the target" : "no existing target",
                null);
    }

    private static boolean same(String a, String b) {
        return a.trim().toLowerCase(Locale.ROOT).equals(b.trim().toLowerCase(Locale.ROOT));
    }
}
