package io.zsync.sandbox.core;

import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one clock of the sandbox: wall time plus an offset that tests move forward, so token expiry,
 * channel expiry and rate windows can be exercised without waiting.
 */
@Singleton
public class SandboxClock implements Resettable {

    private final AtomicLong offsetMillis = new AtomicLong();

    public Instant now() {
        return Instant.now().plusMillis(offsetMillis.get());
    }

    public long nowMillis() {
        return now().toEpochMilli();
    }

    /** Moves the clock forward (never backwards: time going back would revive expired tokens). */
    public Duration advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the sandbox clock only moves forward");
        }
        return Duration.ofMillis(offsetMillis.addAndGet(by.toMillis()));
    }

    public Duration offset() {
        return Duration.ofMillis(offsetMillis.get());
    }

    @Override
    public void reset(boolean all) {
        offsetMillis.set(0);
    }
}
