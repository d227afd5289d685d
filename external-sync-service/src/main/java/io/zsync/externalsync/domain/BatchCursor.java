package io.zsync.externalsync.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How far the hourly batch has handed CRM contacts over, by their own modification time (never the wall
 * clock): every contact modified before {@code time}, and those modified exactly at {@code time} whose ids are in
 * {@code idsAtTime}, were handed over. CRM times have whole seconds, so many contacts share one; the ids break
 * the tie without handing them over again.
 *
 * @param time       newest modification time fully handed over
 * @param idsAtTime  contacts already handed over that were modified exactly at {@code time}
 */
public record BatchCursor(Instant time, Set<String> idsAtTime) {

    public BatchCursor {
        idsAtTime = Set.copyOf(new TreeSet<>(idsAtTime));
    }

    /**
     * The {@code If-Modified-Since} of the next listing: {@code overlap} before the cursor, because CRM answers
     * only records modified strictly after it, and a record saved just before the cursor may become visible
     * late. Records re-read in the overlap are handed over again under the same event id, which the flow's
     * ledger recognises as already processed.
     */
    public static Optional<Instant> listSince(Optional<BatchCursor> cursor, Duration overlap) {
        return cursor.map(c -> c.time().minus(overlap));
    }

    /** True when the record in this version was handed over by an earlier run. */
    public static boolean alreadyHandedOver(Optional<BatchCursor> cursor, String id, Instant modified) {
        return cursor.isPresent() && cursor.get().time().equals(modified) && cursor.get().idsAtTime().contains(id);
    }
}
