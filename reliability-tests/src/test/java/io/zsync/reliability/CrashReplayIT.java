package io.zsync.reliability;

import io.zsync.testing.RealKafka;
import org.junit.jupiter.api.Test;

/**
 * Crash and replay, one flow per test: the flow's service runs as a real process that halts (like a SIGKILL) before
 * the target write, after it and before the write-back, and after the write-back and before the commit, and is
 * restarted each time, until every source record has its outcome; then the run's events are replayed from the
 * group's first offset. Figures: duplicate targets (must be 0) and source records without a completion (must be 0).
 * The number of records per flow comes from {@code reliability.crash.records}, the crash budget from
 * {@code reliability.crash.max}.
 */
@RealKafka
class CrashReplayIT {

    private final CrashHarness harness = new CrashHarness();

    @Test
    void shouldCreateExactlyOneBooksCustomerPerContactThroughCrashesAndReplay() {
        harness.run(new CrashScenarios.ContactToBooksCustomer());
    }

    @Test
    void shouldOpenExactlyOneDeskTicketPerLeadThroughCrashesAndReplay() {
        harness.run(new CrashScenarios.LeadToDeskTicket());
    }

    @Test
    void shouldCreateExactlyOneProjectsTaskPerBugTicketThroughCrashesAndReplay() {
        harness.run(new CrashScenarios.BugTicketToProjectsTask());
    }

    @Test
    void shouldCreateExactlyOneHubSpotContactPerCrmContactThroughCrashesAndReplay() {
        harness.run(new CrashScenarios.ContactToHubSpot());
    }

    @Test
    void shouldCreateExactlyOneBooksInvoicePerWonDealThroughCrashesAndReplay() {
        harness.run(new CrashScenarios.WonDealToBooksInvoice());
    }

    @Test
    void shouldEditTheCrmLeadOncePerClosedTicketThroughCrashesAndReplay() {
        harness.run(new CrashScenarios.ClosedTicketToCrmLead());
    }

    @Test
    void shouldFanOutEachCreatorOrderExactlyOnceThroughCrashesAndReplay() {
        harness.run(new CrashScenarios.CreatorOrderFanOut());
    }
}
