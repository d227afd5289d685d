package io.zsync.dashboard.domain;

import java.util.List;

/**
 * A health level with the reason an operator reads first.
 *
 * @param level  the level
 * @param reason why, in one sentence
 */
public record Verdict(HealthLevel level, String reason) {

    public static Verdict up(String reason) {
        return new Verdict(HealthLevel.UP, reason);
    }

    /** The worst of several verdicts (UP when there are none), keeping the reasons of every non-UP part. */
    public static Verdict worst(List<Verdict> verdicts) {
        HealthLevel level = HealthLevel.UP;
        for (Verdict v : verdicts) {
            level = level.worst(v.level);
        }
        HealthLevel finalLevel = level;
        List<String> reasons = verdicts.stream().filter(v -> v.level == finalLevel && v.level != HealthLevel.UP)
                .map(Verdict::reason).toList();
        return new Verdict(level, reasons.isEmpty() ? "all flows and consumer groups within thresholds"
                : String.join("; ", reasons));
    }
}
