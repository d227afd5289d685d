package io.zsync.dashboard.domain;

import java.time.Duration;
import java.util.Locale;

/**
 * Turns numbers into verdicts: a flow by its failure rate over the alert window, a consumer group by its lag and
 * the age of its oldest unprocessed event. DOWN wins over WARN; a group that has never committed is UNKNOWN, not
 * DOWN, because a service that is not deployed is not an outage of the dashboard's making.
 */
public final class HealthRules {

    private HealthRules() {
    }

    public static Verdict forFlow(String flowId, FlowStats window, AlertThresholds t) {
        long total = window.total();
        double rate = window.failureRate();
        String numbers = String.format(Locale.ROOT, "%d of %d events failed (%.1f %%) in the last %s",
                window.failures(), total, rate * 100, human(t.failureWindow()));
        if (total < t.minEvents()) {
            return Verdict.up("flow " + flowId + ": " + numbers + ", fewer than " + t.minEvents()
                    + " events, rate not judged");
        }
        if (rate >= t.failureRateDown()) {
            return new Verdict(HealthLevel.DOWN, "flow " + flowId + ": " + numbers + ", at or above "
                    + percent(t.failureRateDown()));
        }
        if (rate >= t.failureRateWarn()) {
            return new Verdict(HealthLevel.WARN, "flow " + flowId + ": " + numbers + ", at or above "
                    + percent(t.failureRateWarn()));
        }
        return Verdict.up("flow " + flowId + ": " + numbers);
    }

    public static Verdict forGroup(GroupLag lag, AlertThresholds t) {
        if (!lag.found()) {
            return new Verdict(HealthLevel.UNKNOWN, "group " + lag.groupId() + " has no committed offsets");
        }
        long total = lag.totalLag();
        Long age = lag.oldestUnprocessedAgeMs();
        String numbers = "group " + lag.groupId() + ": lag " + total
                + (age == null ? "" : ", oldest unprocessed event " + human(Duration.ofMillis(age)) + " old");
        if (total >= t.lagDown()) {
            return new Verdict(HealthLevel.DOWN, numbers + ", lag at or above " + t.lagDown());
        }
        if (age != null && age >= t.oldestAgeDown().toMillis()) {
            return new Verdict(HealthLevel.DOWN, numbers + ", older than " + human(t.oldestAgeDown()));
        }
        if (total >= t.lagWarn()) {
            return new Verdict(HealthLevel.WARN, numbers + ", lag at or above " + t.lagWarn());
        }
        if (age != null && age >= t.oldestAgeWarn().toMillis()) {
            return new Verdict(HealthLevel.WARN, numbers + ", older than " + human(t.oldestAgeWarn()));
        }
        return Verdict.up(numbers);
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        if (s < 120) {
            return s + " s";
        }
        if (s < 7200) {
            return (s / 60) + " min";
        }
        return (s / 3600) + " h";
    }

    private static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f %%", rate * 100);
    }
}
