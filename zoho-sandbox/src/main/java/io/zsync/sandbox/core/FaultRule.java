package io.zsync.sandbox.core;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One fault-injection rule: for requests of {@code product} ("*" for all) whose path contains
 * {@code pathContains} (when set), inject {@code kind} with probability {@code rate}; with
 * {@code count} set, only the next {@code count} hits fire (deterministic tests use rate 1 and a count).
 */
public final class FaultRule {

    /** What the sandbox does instead of (or before) answering. */
    public enum Kind { RATE_LIMIT, SERVER_ERROR, TIMEOUT, LATENCY }

    private final String id;
    private final String product;
    private final Kind kind;
    private final double rate;
    private final long retryAfterSeconds;
    private final long latencyMs;
    private final int status;
    private final String pathContains;
    private final AtomicInteger remaining;

    public FaultRule(String id, String product, Kind kind, double rate, long retryAfterSeconds, long latencyMs,
                     int status, String pathContains, Integer count) {
        this.id = id;
        this.product = product;
        this.kind = kind;
        this.rate = rate;
        this.retryAfterSeconds = retryAfterSeconds;
        this.latencyMs = latencyMs;
        this.status = status;
        this.pathContains = pathContains;
        this.remaining = count == null ? null : new AtomicInteger(count);
    }

    public boolean appliesTo(Product candidate, String path) {
        return ("*".equals(product) || candidate.key().equals(product))
                && (pathContains == null || pathContains.isEmpty() || path.contains(pathContains));
    }

    /** Takes one of the remaining firings; false when the rule is used up. */
    boolean consume() {
        if (remaining == null) {
            return true;
        }
        return remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    boolean exhausted() {
        return remaining != null && remaining.get() <= 0;
    }

    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public double rate() {
        return rate;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public long latencyMs() {
        return latencyMs;
    }

    public int status() {
        return status;
    }

    public java.util.Map<String, Object> toJson() {
        return Json.obj("id", id, "product", product, "kind", kind.name(), "rate", rate,
                "retryAfterSeconds", retryAfterSeconds, "latencyMs", latencyMs, "status", status,
                "pathContains", pathContains, "remaining", remaining == null ? null : remaining.get());
    }
}
