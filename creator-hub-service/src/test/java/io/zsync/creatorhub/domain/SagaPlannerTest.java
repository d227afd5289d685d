package io.zsync.creatorhub.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.zsync.creatorhub.domain.SagaPlan.Disposition.DONE;
import static io.zsync.creatorhub.domain.SagaPlan.Disposition.NOT_APPLICABLE;
import static io.zsync.creatorhub.domain.SagaPlan.Disposition.RUN;
import static io.zsync.creatorhub.domain.SagaPlan.Disposition.UNCONFIRMED;
import static org.assertj.core.api.Assertions.assertThat;

class SagaPlannerTest {

    private static final SagaSettings SETTINGS = SagaSettings.defaults();
    private static final Order VIP = Orders.withTotal("12000.00");

    /** The ledger after steps 1..n finished (VIP order). */
    private static SagaState doneThrough(int n) {
        Map<String, String> targets = new LinkedHashMap<>();
        String[][] roles = {
                {Roles.CRM_CONTACT_ID, "c1"},
                {Roles.CRM_DEAL_ID, "d1"},
                {Roles.BOOKS_INVOICE_ID, "i1"},
                {Roles.DESK_TICKET_ID, "t1"},
                {Roles.EMAIL_SENT, "<m1@x>"},
                {Roles.CREATOR_UPDATED, "true"}};
        for (int i = 0; i < n; i++) {
            targets.put(roles[i][0], roles[i][1]);
        }
        return SagaState.of(targets);
    }

    @Test
    void shouldRunAllSixStepsForANewVipOrderWithoutLookups() {
        SagaPlan plan = SagaPlanner.plan(VIP, SagaState.EMPTY, SETTINGS, false);

        assertThat(plan.remaining()).containsExactlyElementsOf(Step.SAGA);
        assertThat(plan.lookUpFirst()).isEmpty();
        assertThat(plan.complete()).isFalse();
    }

    @ParameterizedTest(name = "total {0} -> VIP ticket {1}")
    @CsvSource({
            "10000, false",       // exactly the threshold: not exceeded
            "10000.00, false",    // same value, other scale
            "10000.01, true",     // one cent above
            "9999.99, false",
            "0, false",
            "250000, true",
    })
    void shouldOpenAVipTicketOnlyAboveTheThreshold(String total, boolean vip) {
        SagaPlan plan = SagaPlanner.plan(Orders.withTotal(total), SagaState.EMPTY, SETTINGS, false);

        assertThat(plan.disposition(Step.DESK_TICKET)).isEqualTo(vip ? RUN : NOT_APPLICABLE);
        assertThat(SagaPlanner.isVip(Orders.withTotal(total), SETTINGS)).isEqualTo(vip);
    }

    @Test
    void shouldSayWhyThereIsNoTicket() {
        SagaPlan plan = SagaPlanner.plan(Orders.withTotal("10000"), SagaState.EMPTY, SETTINGS, false);

        assertThat(plan.reason(Step.DESK_TICKET)).hasValueSatisfying(r -> assertThat(r)
                .contains("10000").contains("does not exceed"));
        assertThat(plan.remaining()).containsExactly(Step.CRM_CONTACT, Step.CRM_DEAL, Step.BOOKS_INVOICE, Step.EMAIL,
                Step.CREATOR_UPDATE);
    }

    @Test
    void shouldUseTheOrgsThreshold() {
        SagaSettings low = SETTINGS.withVipThreshold(new BigDecimal("500"));

        assertThat(SagaPlanner.plan(Orders.withTotal("500.01"), SagaState.EMPTY, low, false).disposition(Step.DESK_TICKET))
                .isEqualTo(RUN);
        assertThat(SagaPlanner.plan(Orders.withTotal("500"), SagaState.EMPTY, low, false).disposition(Step.DESK_TICKET))
                .isEqualTo(NOT_APPLICABLE);
    }

    @ParameterizedTest(name = "crash after step {0}")
    @CsvSource({"1", "2", "3", "4", "6"})
    void shouldResumeAtTheFirstUnfinishedStepAndLookOnlyItUp(int finished) {
        SagaPlan plan = SagaPlanner.plan(VIP, doneThrough(finished), SETTINGS, true);

        List<Step> expected = Step.SAGA.subList(finished, Step.SAGA.size());
        assertThat(plan.remaining()).containsExactlyElementsOf(expected);
        Step.SAGA.subList(0, finished).forEach(s -> assertThat(plan.disposition(s)).isEqualTo(DONE));
        if (expected.isEmpty()) {
            assertThat(plan.lookUpFirst()).isEmpty();
            assertThat(plan.complete()).isTrue();
        } else {
            assertThat(plan.lookUpFirst()).contains(expected.get(0));
            expected.stream().skip(1).forEach(s -> assertThat(plan.mustLookUp(s)).isFalse());
        }
    }

    @Test
    void shouldLookUpTheFirstStepWhenAnAttemptCrashedBeforeRecordingAnything() {
        SagaPlan plan = SagaPlanner.plan(VIP, SagaState.EMPTY, SETTINGS, true);

        assertThat(plan.lookUpFirst()).contains(Step.CRM_CONTACT);
        assertThat(plan.mustLookUp(Step.CRM_DEAL)).isFalse();
    }

    @Test
    void shouldNeverSendTheEmailAgainOnceAnAttemptBeganSendingIt() {
        SagaState state = doneThrough(4).with(Roles.EMAIL_SENDING, "<m1@x>");

        SagaPlan plan = SagaPlanner.plan(VIP, state, SETTINGS, true);

        assertThat(plan.disposition(Step.EMAIL)).isEqualTo(UNCONFIRMED);
        assertThat(plan.remaining()).containsExactly(Step.CREATOR_UPDATE);
        assertThat(plan.lookUpFirst()).contains(Step.CREATOR_UPDATE);
        assertThat(plan.reason(Step.EMAIL)).hasValueSatisfying(r -> assertThat(r).contains("<m1@x>"));
    }

    @Test
    void shouldSendWhenTheMarkerWasClearedAfterADefiniteRefusal() {
        SagaState state = doneThrough(4).with(Roles.EMAIL_SENDING, "");

        assertThat(SagaPlanner.plan(VIP, state, SETTINGS, true).disposition(Step.EMAIL)).isEqualTo(RUN);
    }

    @Test
    void shouldCountAConfirmedEmailAsDoneEvenWithItsMarker() {
        SagaState state = doneThrough(5).with(Roles.EMAIL_SENDING, "<m1@x>");

        assertThat(SagaPlanner.plan(VIP, state, SETTINGS, true).disposition(Step.EMAIL)).isEqualTo(DONE);
    }

    @Test
    void shouldBeCompleteWithoutATicketForAnOrderBelowTheThreshold() {
        SagaState state = SagaState.of(Map.of(Roles.CRM_CONTACT_ID, "c1", Roles.CRM_DEAL_ID, "d1",
                Roles.BOOKS_INVOICE_ID, "i1", Roles.EMAIL_SENT, "<m@x>", Roles.CREATOR_UPDATED, "true"));

        SagaPlan plan = SagaPlanner.plan(Orders.withTotal("9000"), state, SETTINGS, true);

        assertThat(plan.complete()).isTrue();
        assertThat(plan.disposition(Step.DESK_TICKET)).isEqualTo(NOT_APPLICABLE);
    }

    @Test
    void shouldOpenTheTicketOnResumeWhenTheTotalWasRaisedAboveTheThreshold() {
        SagaState state = SagaState.of(Map.of(Roles.CRM_CONTACT_ID, "c1", Roles.CRM_DEAL_ID, "d1",
                Roles.BOOKS_INVOICE_ID, "i1", Roles.EMAIL_SENT, "<m@x>", Roles.CREATOR_UPDATED, "true"));

        SagaPlan plan = SagaPlanner.plan(VIP, state, SETTINGS, true);

        assertThat(plan.remaining()).containsExactly(Step.DESK_TICKET);
    }

    @Test
    void shouldRunOnlyTheGapWhenALaterStepIsRecordedButAnEarlierIsNot() {
        // e.g. the books step failed permanently, then an operator's redrive after the Creator update was done by hand
        SagaState state = SagaState.of(Map.of(Roles.CRM_CONTACT_ID, "c1", Roles.CRM_DEAL_ID, "d1",
                Roles.CREATOR_UPDATED, "true"));

        SagaPlan plan = SagaPlanner.plan(VIP, state, SETTINGS, true);

        assertThat(plan.remaining()).containsExactly(Step.BOOKS_INVOICE, Step.DESK_TICKET, Step.EMAIL);
        assertThat(plan.lookUpFirst()).contains(Step.BOOKS_INVOICE);
    }

    @ParameterizedTest
    @EnumSource(value = Step.class, names = {"CRM_CONTACT", "CRM_DEAL", "BOOKS_INVOICE", "DESK_TICKET", "CREATOR_UPDATE"})
    void shouldTreatABlankLedgerValueAsNotDone(Step step) {
        String role = switch (step) {
            case CRM_CONTACT -> Roles.CRM_CONTACT_ID;
            case CRM_DEAL -> Roles.CRM_DEAL_ID;
            case BOOKS_INVOICE -> Roles.BOOKS_INVOICE_ID;
            case DESK_TICKET -> Roles.DESK_TICKET_ID;
            default -> Roles.CREATOR_UPDATED;
        };
        SagaState state = SagaState.of(Map.of(role, ""));

        assertThat(SagaPlanner.plan(VIP, state, SETTINGS, false).disposition(step)).isEqualTo(RUN);
    }

    @Test
    void shouldNotTakeABooksCustomerAloneForAFinishedInvoice() {
        SagaState state = doneThrough(2).with(Roles.BOOKS_CUSTOMER_ID, "bc1");

        SagaPlan plan = SagaPlanner.plan(VIP, state, SETTINGS, true);

        assertThat(plan.disposition(Step.BOOKS_INVOICE)).isEqualTo(RUN);
        assertThat(plan.lookUpFirst()).contains(Step.BOOKS_INVOICE);
    }

    @Test
    void shouldNotTreatAnythingButTrueAsAFinishedCreatorUpdate() {
        SagaState state = doneThrough(5).with(Roles.CREATOR_UPDATED, "false");

        assertThat(SagaPlanner.plan(VIP, state, SETTINGS, true).remaining()).containsExactly(Step.CREATOR_UPDATE);
    }
}
