package io.zsync.cli;

import io.zsync.cli.fake.FakeDashboardController;
import io.zsync.cli.fake.FakeServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedriveCommandTest {

    static final String DEAD_LETTERS = """
            [{"id":"ZGwx","flowId":"crm-contact-to-books-customer","eventId":"e1","recordId":"c1",
              "errorCode":"INVALID_EMAIL","sourceTopic":"zoho.crm.contacts.changes","redrivable":true,
              "notRedrivableReason":null,"state":"OPEN"},
             {"id":"ZGwy","flowId":"crm-contact-to-books-customer","eventId":"e2","recordId":"c2",
              "errorCode":"UNDECODABLE","sourceTopic":"zoho.crm.contacts.changes","redrivable":false,
              "notRedrivableReason":"the original event could not be decoded","state":"OPEN"}]
            """; // e1 can be redriven; e2 cannot (its original bytes were undecodable)

    private final FakeServices fakes = new FakeServices();

    @AfterAll
    void stop() {
        fakes.close();
    }

    @BeforeEach
    void reset() {
        fakes.state.reset();
        fakes.state.deadLetters = DEAD_LETTERS;
    }

    @Test
    void shouldListWhatWouldBeRedrivenInADryRunAndSendNothing() {
        FakeServices.Run run = fakes.run(fakes.properties(FakeDashboardController.OPERATOR), "redrive",
                "--flow", "crm-contact-to-books-customer", "--dry-run");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("would redrive 1 of 2 dead letters (1 cannot be redriven)")
                .contains("event e1 record c1 [INVALID_EMAIL] -> zoho.crm.contacts.changes")
                .contains("cannot: crm-contact-to-books-customer event e2");
        assertThat(fakes.state.redriven).isEmpty();
    }

    @Test
    void shouldPassTheSelectorsToTheDashboard() {
        fakes.run(fakes.properties(FakeDashboardController.OPERATOR), "redrive", "--error-code", "INVALID_EMAIL",
                "--from", "2026-11-27T10:00:00Z", "--to", "2026-11-27T11:00:00Z", "--dry-run");

        assertThat(fakes.state.deadLetterQueries).singleElement().asString()
                .contains("errorCode=INVALID_EMAIL").contains("from=2026-11-27T10%3A00%3A00Z")
                .contains("to=2026-11-27T11%3A00%3A00Z").contains("state=OPEN");
    }

    @Test
    void shouldAskOncePerEventId() {
        fakes.run(fakes.properties(FakeDashboardController.OPERATOR), "redrive", "--event-id", "e1",
                "--event-id", "e9", "--dry-run");

        assertThat(fakes.state.deadLetterQueries).hasSize(2);
        assertThat(fakes.state.deadLetterQueries.get(1)).contains("eventId=e9");
    }

    @Test
    void shouldRedriveTheRedrivableAndFailNamingTheRest() {
        FakeServices.Run run = fakes.run(fakes.properties(FakeDashboardController.OPERATOR), "redrive", "--all");

        assertThat(fakes.state.redriven).singleElement().asString().startsWith("ZGwx").contains("\"force\":false");
        assertThat(run.out()).contains("redriven crm-contact-to-books-customer event e1")
                .contains("redriven 1, not redriven 1");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines().strip()).isEqualTo("zsync-ops redrive: 1 dead letter(s) not redriven (listed above)");
    }

    @Test
    void shouldShowProgressWhileRedriving() {
        fakes.state.deadLetters = DEAD_LETTERS.replace("\"redrivable\":false", "\"redrivable\":true");

        FakeServices.Run run = fakes.run(fakes.properties(FakeDashboardController.OPERATOR), "redrive", "--all");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("2/2 redriven");
        assertThat(fakes.state.redriven).hasSize(2);
    }

    @Test
    void shouldAskTheDashboardToForceWhenIncludingResolved() {
        fakes.state.deadLetters = "[" + DEAD_LETTERS.substring(DEAD_LETTERS.indexOf('{'), DEAD_LETTERS.indexOf('}') + 1) + "]";

        FakeServices.Run run = fakes.run(fakes.properties(FakeDashboardController.OPERATOR), "redrive",
                "--record-id", "c1", "--include-resolved");

        assertThat(run.exitCode()).isZero();
        assertThat(fakes.state.deadLetterQueries).singleElement().asString().contains("state=ALL").contains("recordId=c1");
        assertThat(fakes.state.redriven).singleElement().asString().contains("\"force\":true");
    }

    @Test
    void shouldRefuseToRedriveEverythingWithoutAskingForIt() {
        FakeServices.Run run = fakes.run(fakes.properties(FakeDashboardController.OPERATOR), "redrive");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("choose what to redrive");
        assertThat(fakes.state.deadLetterQueries).isEmpty();
    }

    @Test
    void shouldRejectATimeItCannotRead() {
        FakeServices.Run run = fakes.run(fakes.properties(FakeDashboardController.OPERATOR), "redrive",
                "--from", "yesterday");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'yesterday' is neither an ISO-8601 instant");
    }

    @Test
    void shouldRejectABackwardsTimeRange() {
        FakeServices.Run run = fakes.run(fakes.properties(FakeDashboardController.OPERATOR), "redrive",
                "--from", "1h", "--to", "2h");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--from must be before --to");
    }

    @Test
    void shouldSayAViewerMayNotRedrive() {
        FakeServices.Run run = fakes.run(fakes.properties(FakeDashboardController.VIEWER), "redrive", "--event-id", "e1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines().strip()).isEqualTo("zsync-ops redrive: 'victor' may not do this: it needs the OPERATOR role");
        assertThat(fakes.state.redriven).isEmpty();
    }

    @Test
    void shouldSayWhenTheLoginIsMissing() {
        FakeServices.Run run = fakes.run(fakes.properties(null), "redrive", "--all", "--dry-run");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo(
                "zsync-ops redrive: no dashboard login: set ZSYNC_DASHBOARD_USER and ZSYNC_DASHBOARD_PASSWORD");
    }

    @Test
    void shouldSayWhenTheLoginIsRefused() {
        FakeServices.Run run = fakes.run(fakes.properties("olga:wrong"), "redrive", "--all", "--dry-run");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("the dashboard refused the login of 'olga'");
    }

    @Test
    void shouldSayWhenTheDashboardCannotBeReached() {
        var props = fakes.properties(FakeDashboardController.OPERATOR);
        props.put("zsync.ops.dashboard.url", "http://127.0.0.1:9");

        FakeServices.Run run = fakes.run(props, "redrive", "--all", "--dry-run");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("cannot reach the dashboard at http://127.0.0.1:9");
    }
}
