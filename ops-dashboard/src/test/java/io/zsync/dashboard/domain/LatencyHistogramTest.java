package io.zsync.dashboard.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LatencyHistogramTest {

    @Test
    void shouldHaveNoPercentileWithoutSamples() {
        assertThat(LatencyHistogram.empty().percentile(95)).isNull();
        assertThat(LatencyHistogram.empty().mean()).isNull();
    }

    @Test
    void shouldNeverReportMoreThanTheLargestSample() {
        LatencyHistogram h = LatencyHistogram.empty().record(120);

        assertThat(h.percentile(99)).isEqualTo(120);
    }

    @Test
    void shouldInterpolateInsideTheBucket() {
        LatencyHistogram h = LatencyHistogram.empty();
        for (int i = 0; i < 10; i++) {
            h = h.record(300 + i); // all in the 250..500 ms bucket
        }

        assertThat(h.percentile(50)).isBetween(250L, 400L);
    }

    @Test
    void shouldSeparateFastAndSlowSamples() {
        LatencyHistogram h = LatencyHistogram.empty();
        for (int i = 0; i < 90; i++) {
            h = h.record(50);
        }
        for (int i = 0; i < 10; i++) {
            h = h.record(45_000);
        }

        assertThat(h.percentile(50)).isLessThanOrEqualTo(100);
        assertThat(h.percentile(95)).isGreaterThan(30_000);
    }

    @Test
    void shouldMergeCountsSumsAndMaxima() {
        LatencyHistogram merged = LatencyHistogram.empty().record(100).merge(LatencyHistogram.empty().record(900));

        assertThat(merged.count()).isEqualTo(2);
        assertThat(merged.mean()).isEqualTo(500);
        assertThat(merged.maxMs()).isEqualTo(900);
    }

    @Test
    void shouldCountHourLongLatenciesInTheOpenBucket() {
        LatencyHistogram h = LatencyHistogram.empty().record(7_200_000);

        assertThat(h.counts().get(LatencyHistogram.BOUNDS_MS.size())).isEqualTo(1);
        assertThat(h.percentile(50)).isBetween(3_600_000L, 7_200_000L);
    }

    @Test
    void shouldRejectAPercentileOutsideZeroToHundred() {
        assertThatThrownBy(() -> LatencyHistogram.empty().percentile(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LatencyHistogram.empty().percentile(101)).isInstanceOf(IllegalArgumentException.class);
    }
}
