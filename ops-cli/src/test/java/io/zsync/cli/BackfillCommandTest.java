package io.zsync.cli;

import io.zsync.cli.fake.FakeServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Dry runs against a fake Zoho (no broker: a dry run must never need Kafka) and bad arguments. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackfillCommandTest {

    private final FakeServices fakes = new FakeServices();

    @AfterAll
    void stop() {
        fakes.close();
    }

    @BeforeEach
    void reset() {
        fakes.state.reset();
        ZohoFixtures.contactsAndCustomers(fakes.state);
    }

    private FakeServices.Run backfill(String... args) {
        var props = fakes.properties(null);
        // An unreachable broker: a dry run that tried to publish would fail.
        props.put("kafka.bootstrap.servers", "127.0.0.1:9");
        String[] all = new String[args.length + 1];
        all[0] = "backfill";
        System.arraycopy(args, 0, all, 1, args.length);
        return fakes.run(props, all);
    }

    @Test
    void shouldPrintMatchCreateAndSkipCountsInADryRun() {
        FakeServices.Run run = backfill("--org", FakeServices.ORG, "--dry-run");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("match:  2").contains("create: 2").contains("skip:   1")
                .contains("events to publish: 4; nothing was published");
    }

    @Test
    void shouldExplainEachRecordWhenVerbose() {
        FakeServices.Run run = backfill("--org", FakeServices.ORG, "--dry-run", "--verbose");

        assertThat(run.out()).contains("match c1: target id kept on the CRM record (Books b1)")
                .contains("match c2: same e-mail (Books b2)")
                .contains("create c3: no existing target")
                .contains("skip c4: no Modified_Time")
                .contains("create c5: kept target id no longer exists at the target");
    }

    @Test
    void shouldCountRecordsOfAModuleWithoutTargetMatcher() {
        fakes.state.crmRecords.put("Leads", List.of("{\"id\":\"l1\",\"Modified_Time\":\"2026-11-20T09:30:00+00:00\"}"));

        FakeServices.Run run = backfill("--org", FakeServices.ORG, "--module", "Leads", "--dry-run");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("no target matcher for Leads: 1 records would be published");
    }

    @Test
    void shouldPlanNothingForAnEmptyModule() {
        FakeServices.Run run = backfill("--org", FakeServices.ORG, "--module", "Deals", "--dry-run");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("events to publish: 0");
    }

    @Test
    void shouldRejectAModuleWithoutChangeTopic() {
        FakeServices.Run run = backfill("--org", FakeServices.ORG, "--module", "Vendors", "--dry-run");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("zsync-ops backfill: module 'Vendors' has no change topic; choose "
                + "Contacts, Leads or Deals (see 'zsync-ops backfill --help')");
    }

    @Test
    void shouldRejectAnUnknownOrg() {
        FakeServices.Run run = backfill("--org", "nobody", "--dry-run");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown org 'nobody'").contains("acme");
    }

    @Test
    void shouldNeedAnOrg() {
        FakeServices.Run run = backfill("--dry-run");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required option: '--org=ORG'");
    }

    @Test
    void shouldRejectASinceItCannotRead() {
        FakeServices.Run run = backfill("--org", FakeServices.ORG, "--since", "last week", "--dry-run");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--since 'last week' is not an ISO-8601 date-time");
    }
}
