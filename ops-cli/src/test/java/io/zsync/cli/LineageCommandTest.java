package io.zsync.cli;

import io.zsync.cli.fake.FakeDashboardController;
import io.zsync.cli.fake.FakeServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LineageCommandTest {

    static final String LINEAGE = """
            {"recordId":"c1","source":{"system":"ZOHO_CRM","orgId":"acme","entityType":"Contacts","recordId":"c1"},
             "latestByFlow":{"crm-contact-to-books-customer":{"flowId":"crm-contact-to-books-customer","eventId":"e2",
               "status":"SUCCEEDED","at":1795730400000,"attempts":2,"targets":[{"system":"ZOHO_BOOKS",
               "entityType":"contacts","recordId":"books-9","action":"CREATED"}]}},
             "history":[{"flowId":"crm-contact-to-books-customer","eventId":"e2","status":"SUCCEEDED",
               "at":1795730400000,"attempts":2,"targets":[{"system":"ZOHO_BOOKS","entityType":"contacts",
               "recordId":"books-9","action":"CREATED"}]},
              {"flowId":"crm-contact-to-books-customer","eventId":"e1","status":"DEAD_LETTERED","at":1795726800000,
               "attempts":3,"targets":[],"errorCode":"INVALID_EMAIL","errorMessage":"Books said no"}]}
            """; // a dead letter, then a success after redrive

    private final FakeServices fakes = new FakeServices();

    @AfterAll
    void stop() {
        fakes.close();
    }

    @BeforeEach
    void reset() {
        fakes.state.reset();
        fakes.state.lineage.put("c1", LINEAGE);
    }

    @Test
    void shouldPrintTheLatestStatePerFlowAndTheHistory() {
        FakeServices.Run run = fakes.run(fakes.properties(FakeDashboardController.VIEWER), "lineage", "c1");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("record c1 (ZOHO_CRM Contacts, org acme)")
                .contains("crm-contact-to-books-customer  SUCCEEDED  attempts=2  targets=ZOHO_BOOKS:books-9(CREATED)")
                .contains("DEAD_LETTERED  attempts=3  error=INVALID_EMAIL: Books said no  event=e1");
        assertThat(run.out().indexOf("event=e2")).isLessThan(run.out().lastIndexOf("event=e1"));
    }

    @Test
    void shouldFindTheRecordFromATargetId() {
        FakeServices.Run run = fakes.run(fakes.properties(FakeDashboardController.VIEWER), "lineage", "--target", "books-9");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("record c1");
    }

    @Test
    void shouldSayWhenNothingIsKnownAboutTheRecord() {
        FakeServices.Run run = fakes.run(fakes.properties(FakeDashboardController.VIEWER), "lineage", "c404");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("zsync-ops lineage: no outcome seen for record c404");
    }

    @Test
    void shouldSayWhenNoRecordWroteTheTarget() {
        FakeServices.Run run = fakes.run(fakes.properties(FakeDashboardController.VIEWER), "lineage", "--target", "x");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no source record wrote target x");
    }

    @Test
    void shouldNeedARecordId() {
        FakeServices.Run run = fakes.run(fakes.properties(FakeDashboardController.VIEWER), "lineage");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required parameter: 'RECORD-ID'");
    }
}
