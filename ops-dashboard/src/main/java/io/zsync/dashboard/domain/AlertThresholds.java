package io.zsync.dashboard.domain;

import java.time.Duration;

/**
 * When a flow or a consumer group stops being healthy. Rates are fractions (0.05 = 5 %). A failure rate is judged
 * only over at least {@code minEvents} outcomes, so one failure out of one event at night does not page anyone.
 *
 * @param failureWindow     window the failure rate is computed over
 * @param minEvents         fewest outcomes in the window for the rate to count
 * @param failureRateWarn   WARN at or above this rate
 * @param failureRateDown   DOWN at or above this rate
 * @param lagWarn           WARN at or above this many unprocessed events in a group
 * @param lagDown           DOWN at or above this many
 * @param oldestAgeWarn     WARN when the oldest unprocessed event of a group is at least this old
 * @param oldestAgeDown     DOWN when at least this old
 */
public record AlertThresholds(Duration failureWindow, long minEvents, double failureRateWarn, double failureRateDown,
                              long lagWarn, long lagDown, Duration oldestAgeWarn, Duration oldestAgeDown) {

    public AlertThresholds {
        if (failureRateWarn > failureRateDown || lagWarn > lagDown || oldestAgeWarn.compareTo(oldestAgeDown) > 0) {
            throw new IllegalArgumentException("each WARN threshold must be at most its DOWN threshold");
        }
        if (failureWindow.isNegative() || failureWindow.isZero()) {
            throw new IllegalArgumentException("the failure window must be positive");
        }
    }

    public static AlertThresholds defaults() {
        return new AlertThresholds(Duration.ofMinutes(15), 5, 0.05, 0.25, 1_000, 10_000, Duration.ofMinutes(5),
                Duration.ofMinutes(30));
    }
}
