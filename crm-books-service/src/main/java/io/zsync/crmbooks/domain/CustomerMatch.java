package io.zsync.crmbooks.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Picks, among Books contacts found by e-mail or by name, the customer of a CRM contact: the one that keeps this
 * CRM contact's id first; never one that keeps another CRM contact's id (that is a different person who happens
 * to share a name or an address); otherwise the one with the same e-mail, then the one with the same name.
 */
public final class CustomerMatch {

    private CustomerMatch() {
    }

    public static Optional<BooksCandidate> choose(List<BooksCandidate> candidates, CustomerPayload payload) {
        Optional<BooksCandidate> kept = candidates.stream()
                .filter(c -> payload.crmContactId().equals(c.crmContactId())).findFirst();
        if (kept.isPresent()) {
            return kept;
        }
        List<BooksCandidate> free = candidates.stream().filter(c -> c.crmContactId() == null).toList();
        if (payload.email() != null) {
            Optional<BooksCandidate> byEmail = free.stream()
                    .filter(c -> c.email() != null && same(c.email(), payload.email())).findFirst();
            if (byEmail.isPresent()) {
                return byEmail;
            }
        }
        return free.stream().filter(c -> c.contactName() != null && same(c.contactName(), payload.contactName()))
                .findFirst();
    }

    /** True when a candidate keeps the id of another CRM contact. */
    public static boolean belongsToAnother(BooksCandidate candidate, CustomerPayload payload) {
        return candidate.crmContactId() != null && !candidate.crmContactId().equals(payload.crmContactId());
    }

    private static boolean same(String a, String b) {
        return a.trim().toLowerCase(Locale.ROOT).equals(b.trim().toLowerCase(Locale.ROOT));
    }
}
