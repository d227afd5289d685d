package io.zsync.dashboard.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Latencies counted in fixed buckets, so minutes can be merged into any window and percentiles estimated without
 * keeping every sample. A percentile is interpolated linearly inside its bucket (as Prometheus'
 * {@code histogram_quantile} does) and never exceeds the largest latency seen.
 *
 * @param counts one count per bucket of {@link #BOUNDS_MS}, plus one for everything above the last bound
 * @param count  samples
 * @param sumMs  sum of samples
 * @param maxMs  largest sample
 */
public record LatencyHistogram(List<Long> counts, long count, long sumMs, long maxMs) {

    /** Upper bounds of the buckets, in milliseconds: from sub-second syncs to hour-long backlogs. */
    public static final List<Long> BOUNDS_MS = List.of(100L, 250L, 500L, 1_000L, 2_500L, 5_000L, 10_000L, 30_000L,
            60_000L, 300_000L, 900_000L, 3_600_000L);

    public LatencyHistogram {
        if (counts == null || counts.size() != BOUNDS_MS.size() + 1) {
            List<Long> fixed = new ArrayList<>(Collections.nCopies(BOUNDS_MS.size() + 1, 0L));
            if (counts != null) {
                for (int i = 0; i < Math.min(counts.size(), fixed.size()); i++) {
                    fixed.set(i, counts.get(i));
                }
            }
            counts = fixed;
        }
        counts = List.copyOf(counts);
    }

    public static LatencyHistogram empty() {
        return new LatencyHistogram(null, 0, 0, 0);
    }

    public LatencyHistogram record(long latencyMs) {
        long ms = Math.max(0, latencyMs);
        List<Long> next = new ArrayList<>(counts);
        int bucket = bucketOf(ms);
        next.set(bucket, next.get(bucket) + 1);
        return new LatencyHistogram(next, count + 1, sumMs + ms, Math.max(maxMs, ms));
    }

    public LatencyHistogram merge(LatencyHistogram other) {
        List<Long> next = new ArrayList<>(counts);
        for (int i = 0; i < next.size(); i++) {
            next.set(i, next.get(i) + other.counts.get(i));
        }
        return new LatencyHistogram(next, count + other.count, sumMs + other.sumMs, Math.max(maxMs, other.maxMs));
    }

    /** The estimated {@code p}-th percentile ({@code 0 < p <= 100}) in milliseconds, or null without samples. */
    public Long percentile(double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + p);
        }
        if (count == 0) {
            return null;
        }
        double rank = p / 100.0 * count;
        long seen = 0;
        for (int i = 0; i < counts.size(); i++) {
            long inBucket = counts.get(i);
            if (inBucket > 0 && seen + inBucket >= rank) {
                long lower = i == 0 ? 0 : BOUNDS_MS.get(i - 1);
                long upper = i < BOUNDS_MS.size() ? BOUNDS_MS.get(i) : maxMs;
                double fraction = (rank - seen) / inBucket;
                long estimate = Math.round(lower + (upper - lower) * fraction);
                return Math.min(estimate, maxMs);
            }
            seen += inBucket;
        }
        return maxMs;
    }

    /** Mean latency in milliseconds, or null without samples. */
    public Long mean() {
        return count == 0 ? null : Math.round((double) sumMs / count);
    }

    static int bucketOf(long ms) {
        for (int i = 0; i < BOUNDS_MS.size(); i++) {
            if (ms <= BOUNDS_MS.get(i)) {
                return i;
            }
        }
        return BOUNDS_MS.size();
    }
}
