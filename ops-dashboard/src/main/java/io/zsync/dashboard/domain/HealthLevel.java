package io.zsync.dashboard.domain;

/** How healthy a flow or consumer group is; the worst level of the parts is the level of the whole. */
public enum HealthLevel {
    UP(0), UNKNOWN(1), WARN(2), DOWN(3);

    private final int severity;

    HealthLevel(int severity) {
        this.severity = severity;
    }

    /** For gauges: 0 up, 1 unknown, 2 warn, 3 down. */
    public int severity() {
        return severity;
    }

    public HealthLevel worst(HealthLevel other) {
        return other.severity > severity ? other : this;
    }
}
