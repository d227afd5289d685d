package io.zsync.sync.domain;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter for transient failures: base·2^(attempt-1), capped, scaled by a random
 * factor in [0.5, 1) so that many records failing together do not retry together; never shorter than what
 * the API asked for with Retry-After (itself capped, so a hostile header cannot park an event for days).
 *
 * @param base          delay after the first failure
 * @param cap           longest delay between two attempts
 * @param maxAttempts   attempts in all before the event is dead-lettered
 * @param retryAfterCap longest Retry-After honoured
 */
public record Backoff(Duration base, Duration cap, int maxAttempts, Duration retryAfterCap) {

    public Duration delayAfter(int failedAttempt, Optional<Duration> retryAfter, DoubleSupplier random) {
        double exponential = base.toMillis() * Math.pow(2, Math.max(0, failedAttempt - 1));
        long capped = (long) Math.min(cap.toMillis(), exponential);
        long jittered = (long) (capped * (0.5 + 0.5 * random.getAsDouble()));
        long asked = retryAfter.map(d -> Math.min(d.toMillis(), retryAfterCap.toMillis())).orElse(0L);
        return Duration.ofMillis(Math.max(jittered, asked));
    }

    /** True when an event that failed its {@code failedAttempt}-th attempt may be tried again. */
    public boolean allowsAnotherAfter(int failedAttempt) {
        return failedAttempt < maxAttempts;
    }
}
