package io.zsync.externalsync.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BatchPacingTest {

    private static final BatchPacing PACING = new BatchPacing(20, 50, 0.5, 2);

    @Test
    void shouldWaitWhileRealTimeEventsAreBacklogged() {
        BatchPacing.Allowance a = PACING.allow(20, 17, 17, 50_000, 50_000);

        assertThat(a.records()).isZero();
        assertThat(a.reason()).contains("not yet processed");
    }

    @Test
    void shouldFillOnlyTheBacklogRoomLeft() {
        assertThat(PACING.allow(15, 1_000, 1_000, -1, 0).records()).isEqualTo(5);
    }

    @Test
    void shouldSpendOnlyTheExternalBudgetAboveTheReserve() {
        // 17 permits a second, 9 kept for webhooks, 2 calls per contact: 4 contacts
        assertThat(PACING.allow(0, 17, 17, -1, 0).records()).isEqualTo(4);
        BatchPacing.Allowance starved = PACING.allow(0, 9, 17, -1, 0);
        assertThat(starved.records()).isZero();
        assertThat(starved.reason()).contains("reserved for webhooks");
    }

    @Test
    void shouldStopWhenTheCrmDailyCreditsReachTheReserve() {
        assertThat(PACING.allow(0, -1, 0, 25_000, 50_000).records()).isZero();
        assertThat(PACING.allow(0, -1, 0, 25_010, 50_000).records()).isEqualTo(10);
    }

    @Test
    void shouldNeverExceedTheChunk() {
        assertThat(new BatchPacing(1_000, 50, 0.0, 1).allow(0, -1, 0, -1, 0).records()).isEqualTo(50);
    }
}
