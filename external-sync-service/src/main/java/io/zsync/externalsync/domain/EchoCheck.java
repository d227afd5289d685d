package io.zsync.externalsync.domain;

import java.util.Optional;

/**
 * Tells a change we made from a change a person made, by provenance, never by timing: a side that holds
 * exactly the values we recorded writing to it (before the write, or as the outcome of the last sync) is
 * showing us our own write; a side that holds what the last sync agreed on, and was not written by it, has
 * not changed; anything else is a real change. A recorded write counts only while no later sync superseded
 * it, so a person who restores an old value we once wrote is still heard.
 */
public final class EchoCheck {

    /** The verdict on one change notification. */
    public enum Kind { OWN_WRITE, UNCHANGED, CHANGED }

    public record Verdict(Kind kind, String reason) {
        public boolean skip() {
            return kind != Kind.CHANGED;
        }
    }

    private EchoCheck() {
    }

    /** A side's current values against what we wrote to it and what the last sync agreed on. */
    public static Verdict classify(Side side, ContactValues current, Optional<Baseline> base, Optional<Provenance> written) {
        String hash = current.hash();
        // our write's values, and no later sync agreed on anything else: the echo of our write, however late
        if (written.isPresent() && !written.get().deleted() && written.get().hash().equals(hash)
                && (isLatest(written.get(), base) || base.get().hash().equals(hash))) {
            Provenance p = written.get();
            return new Verdict(Kind.OWN_WRITE, "own write: the " + side.label() + " contact holds exactly the values "
                    + p.writer() + " wrote at " + p.at() + " (values " + hash + ")");
        }
        if (base.isPresent() && !base.get().deleted() && base.get().hash().equals(hash)) {
            Baseline b = base.get();
            if (b.wroteTo(side)) {
                return new Verdict(Kind.OWN_WRITE, "own write: the " + side.label()
                        + " contact holds exactly the values the sync of " + b.at() + " wrote (values " + hash + ")");
            }
            return new Verdict(Kind.UNCHANGED, "no synced field changed on the " + side.label()
                    + " contact since the sync of " + b.at() + " (values " + hash + ")");
        }
        return new Verdict(Kind.CHANGED, null);
    }

    /** A side's deletion against what we wrote to it and what the last sync agreed on. */
    public static Verdict classifyDeletion(Side side, Optional<Baseline> base, Optional<Provenance> written) {
        if (written.isPresent() && written.get().deleted() && isLatest(written.get(), base)) {
            return new Verdict(Kind.OWN_WRITE, "own write: " + written.get().writer() + " deleted the " + side.label()
                    + " contact at " + written.get().at());
        }
        if (base.isPresent() && base.get().deleted()) {
            if (base.get().wroteTo(side)) {
                return new Verdict(Kind.OWN_WRITE, "own write: the sync of " + base.get().at() + " deleted the "
                        + side.label() + " contact");
            }
            return new Verdict(Kind.UNCHANGED, "the pair was already deleted on both sides at " + base.get().at());
        }
        return new Verdict(Kind.CHANGED, null);
    }

    /**
     * A contact we kept and unlinked when its partner was deleted ({@code on-external-delete: UNLINK}), against the
     * values it held then: while it holds them, its notifications (a late echo of the pair's own writes, the echo
     * of the unlink, a batch run that lists it) are no reason to start a new pair; a change by a person is.
     *
     * @param unlinked the record of the unlink: the kept contact's values (by fingerprint), when, and by whom
     */
    public static Verdict classifyUnlinked(Side side, ContactValues current, Optional<Provenance> unlinked) {
        if (unlinked.isPresent() && unlinked.get().hash().equals(current.hash())) {
            return new Verdict(Kind.UNCHANGED, "unchanged since " + unlinked.get().writer() + " unlinked the "
                    + side.label() + " contact from its deleted partner at " + unlinked.get().at()
                    + "; its next change starts a new pair");
        }
        return new Verdict(Kind.CHANGED, null);
    }

    /** A recorded write is the latest word on its side unless a sync finished after it was recorded. */
    private static boolean isLatest(Provenance written, Optional<Baseline> base) {
        return base.isEmpty() || written.at().isAfter(base.get().at());
    }
}
