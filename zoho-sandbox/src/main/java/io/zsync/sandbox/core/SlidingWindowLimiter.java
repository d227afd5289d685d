package io.zsync.sandbox.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Admits at most {@code limit} units in any rolling window (Books 100 per minute, HubSpot 190 per 10 s,
 * CRM credits per 24 h); time comes from the sandbox clock so tests can roll the window forward.
 */
public final class SlidingWindowLimiter {

    private final long limit;
    private final Duration window;
    private final Deque<long[]> entries = new ArrayDeque<>();
    private long used;

    public SlidingWindowLimiter(long limit, Duration window) {
        this.limit = limit;
        this.window = window;
    }

    /** Takes {@code units} if they fit; a limit of 0 or less means unlimited. */
    public synchronized boolean tryAcquire(Instant now, long units) {
        evict(now);
        if (limit > 0 && used + units > limit) {
            return false;
        }
        entries.addLast(new long[] {now.toEpochMilli(), units});
        used += units;
        return true;
    }

    /** Charges units even past the limit (work already done, e.g. the records of a large insert). */
    public synchronized void charge(Instant now, long units) {
        evict(now);
        entries.addLast(new long[] {now.toEpochMilli(), units});
        used += units;
    }

    public synchronized long remaining(Instant now) {
        evict(now);
        return limit <= 0 ? Long.MAX_VALUE : Math.max(0, limit - used);
    }

    /** Seconds until the oldest unit leaves the window, at least 1. */
    public synchronized long secondsUntilFree(Instant now) {
        evict(now);
        if (entries.isEmpty()) {
            return 1;
        }
        long freeAt = entries.peekFirst()[0] + window.toMillis();
        return Math.max(1, (freeAt - now.toEpochMilli() + 999) / 1000);
    }

    public synchronized void reset() {
        entries.clear();
        used = 0;
    }

    private void evict(Instant now) {
        long cutoff = now.toEpochMilli() - window.toMillis();
        while (!entries.isEmpty() && entries.peekFirst()[0] <= cutoff) {
            used -= entries.removeFirst()[1];
        }
    }
}
