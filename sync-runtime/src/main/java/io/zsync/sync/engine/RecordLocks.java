package io.zsync.sync.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Striped locks over record keys, so that two threads of one instance never process the same record at the
 * same time. A batch takes all its stripes in ascending order, which rules out deadlock between batches.
 */
final class RecordLocks {

    private final ReentrantLock[] stripes;

    RecordLocks(int stripes) {
        this.stripes = new ReentrantLock[stripes];
        for (int i = 0; i < stripes; i++) {
            this.stripes[i] = new ReentrantLock();
        }
    }

    /** Locks the stripes of {@code keys} and returns them, to be unlocked by the caller. */
    List<Lock> lockAll(Collection<String> keys) {
        TreeSet<Integer> indexes = new TreeSet<>();
        keys.forEach(key -> indexes.add(Math.floorMod(key.hashCode(), stripes.length)));
        List<Lock> taken = new ArrayList<>(indexes.size());
        for (int index : indexes) {
            stripes[index].lock();
            taken.add(stripes[index]);
        }
        return taken;
    }
}
