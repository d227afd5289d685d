package io.zsync.creatorhub.domain;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SagaReportTest {

    @Test
    void shouldListStepsOfEarlierAttemptsAndTheOnesThatDoNotApply() {
        SagaState state = SagaState.of(Map.of(Roles.CRM_CONTACT_ID, "c1", Roles.CRM_DEAL_ID, "d1",
                Roles.BOOKS_CUSTOMER_ID, "bc1", Roles.BOOKS_INVOICE_ID, "i1", Roles.BOOKS_INVOICE_NUMBER, "INV-00007"));
        SagaPlan plan = SagaPlanner.plan(Orders.withTotal("500"), state, SagaSettings.defaults(), true);
        SagaState vipState = state.with(Roles.DESK_TICKET_ID, "t1").with(Roles.DESK_TICKET_NUMBER, "101");
        assertThat(SagaReport.start(SagaPlanner.plan(Orders.withTotal("20000"), vipState, SagaSettings.defaults(), true),
                vipState).details()).containsEntry("desk.ticket", "done earlier t1 (#101)");

        SagaReport report = SagaReport.start(plan, state);

        assertThat(report.details()).containsEntry("crm.contact", "done earlier c1")
                .containsEntry("crm.deal", "done earlier d1")
                .containsEntry("books.customer", "done earlier bc1")
                .containsEntry("books.invoice", "done earlier i1 (INV-00007)")
                .hasEntrySatisfying("desk.ticket", d -> assertThat(d).startsWith("skipped: total 500"))
                .doesNotContainKeys("email.confirmation", "creator.update");
        assertThat(report.targets()).extracting(TargetLink::id).containsExactly("c1", "d1", "bc1", "i1");
        assertThat(report.targets()).allSatisfy(t -> assertThat(t.action()).isEqualTo(TargetLink.Action.UNCHANGED));
    }

    @Test
    void shouldReportWhatThisAttemptDid() {
        SagaReport report = SagaReport.start(SagaPlanner.plan(Orders.withTotal("12000"), SagaState.EMPTY,
                SagaSettings.defaults(), false), SagaState.EMPTY);

        report.link(Step.CRM_CONTACT, "ZOHO_CRM", "Contacts", "c1", TargetLink.Action.MATCHED, Optional.empty());
        report.link(Step.DESK_TICKET, "ZOHO_DESK", "tickets", "t1", TargetLink.Action.CREATED, Optional.of("#101"));
        report.sent("<m@x>");

        assertThat(report.details()).containsEntry("crm.contact", "matched c1")
                .containsEntry("desk.ticket", "created t1 (#101)")
                .containsEntry("email.confirmation", "sent <m@x>");
        assertThat(report.targets()).extracting(TargetLink::system).containsExactly("ZOHO_CRM", "ZOHO_DESK", "EMAIL");
    }

    @Test
    void shouldSayHonestlyThatAnEmailIsUnconfirmed() {
        SagaState state = SagaState.of(Map.of(Roles.EMAIL_SENDING, "<m@x>"));
        SagaReport report = SagaReport.start(SagaPlanner.plan(Orders.withTotal("12000"), state, SagaSettings.defaults(), true),
                state);

        assertThat(report.details().get("email.confirmation")).startsWith("unconfirmed <m@x>").contains("at most once");
    }
}
