package io.zsync.externalsync.flow;

import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes the two flows take turns on a contact pair within this instance. They consume different topics on
 * different consumer threads; without turns, both could read both sides and compare them with the same old
 * baseline before either recorded its provenance, and both would write the same change (or settle the same
 * conflict twice). A flow therefore holds its pairs' locks from reading both sides through writing them and
 * recording the provenance in {@link PairLedger} (which updates the in-memory ledger at once): the flow that comes
 * second reads the first one's writes and provenance, and its echo check skips, or it writes only what still
 * differs.
 * <p>
 * A pair is locked under every id a flow knows for it before reading ({@link #crmKey}, {@link #externalKey}):
 * its own record's id, and the partner's id when the flow's ledger entry links it. The flow that linked a pair
 * recorded both ids, so two flows working on one linked pair always share at least one key. Locks are striped
 * and a batch takes its stripes in ascending order, so two batches never deadlock.
 * <p>
 * Only within one process: several instances of the service would each have their own locks. One instance per
 * service is the tested shape (README); across instances the provenance check still absorbs most echoes, at the
 * cost of the duplicate writes this class prevents.
 */
@Singleton
public class PairLocks {

    static final int STRIPES = 8192;

    private final ReentrantLock[] locks;

    public PairLocks() {
        this(STRIPES);
    }

    PairLocks(int stripes) {
        locks = new ReentrantLock[stripes];
        for (int i = 0; i < stripes; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** The lock key of a pair known by its CRM contact id. */
    static String crmKey(String org, String crmId) {
        return "crm/" + org + "/" + crmId;
    }

    /** The lock key of a pair known by its external contact id. */
    static String externalKey(String org, String externalId) {
        return "external/" + org + "/" + externalId;
    }

    /** Held stripes; closing releases them. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Takes the stripes of all keys (blank ones ignored), in ascending order; blocks until all are held. */
    public Held lock(Collection<String> keys) {
        int[] order = stripes(keys, locks.length);
        int taken = 0;
        try {
            for (int stripe : order) {
                locks[stripe].lockInterruptibly();
                taken++;
            }
        } catch (InterruptedException e) {
            unlock(order, taken);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the pair locks", e);
        } catch (RuntimeException e) {
            unlock(order, taken);
            throw e;
        }
        int held = taken;
        return () -> unlock(order, held);
    }

    private void unlock(int[] order, int taken) {
        for (int i = taken - 1; i >= 0; i--) {
            locks[order[i]].unlock();
        }
    }

    /** The distinct stripes of the keys, ascending: the one order every batch takes them in. */
    static int[] stripes(Collection<String> keys, int stripes) {
        return keys.stream().filter(k -> k != null && !k.isBlank())
                .mapToInt(k -> Math.floorMod(spread(k.hashCode()), stripes)).distinct().sorted().toArray();
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
