package io.zsync.cli.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BackfillPlannerTest {

    private static final String V = "2026-11-20T09:30:00+00:00";

    private static BackfillDecision decide(CrmContactFacts c, boolean keptExists, TargetCandidate... candidates) {
        return BackfillPlanner.decide(c, keptExists, List.of(candidates));
    }

    @Test
    void shouldSkipARecordWithoutVersion() {
        assertThat(decide(new CrmContactFacts("c1", "a@x.com", null, null), false).action())
                .isEqualTo(BackfillDecision.Action.SKIP);
    }

    @Test
    void shouldMatchTheTargetIdKeptOnTheRecordWhenItStillExists() {
        BackfillDecision d = decide(new CrmContactFacts("c1", "a@x.com", "b1", V), true);

        assertThat(d.action()).isEqualTo(BackfillDecision.Action.MATCH);
        assertThat(d.targetId()).isEqualTo("b1");
    }

    @Test
    void shouldPreferTheTargetKeepingThisCrmIdOverAnEmailTwin() {
        BackfillDecision d = decide(new CrmContactFacts("c1", "a@x.com", null, V), false,
                new TargetCandidate("b-email", "a@x.com", null), new TargetCandidate("b-kept", "a@x.com", "c1"));

        assertThat(d.targetId()).isEqualTo("b-kept");
        assertThat(d.how()).isEqualTo("CRM id kept on the target");
    }

    @Test
    void shouldMatchByEmailIgnoringCaseAndSpaces() {
        assertThat(decide(new CrmContactFacts("c1", " A@X.com", null, V), false,
                new TargetCandidate("b1", "a@x.com ", null)).targetId()).isEqualTo("b1");
    }

    @Test
    void shouldNotMatchATargetThatKeepsAnotherRecordsId() {
        BackfillDecision d = decide(new CrmContactFacts("c1", "a@x.com", null, V), false,
                new TargetCandidate("b1", "a@x.com", "c2"));

        assertThat(d.action()).isEqualTo(BackfillDecision.Action.CREATE);
    }

    @Test
    void shouldCreateWhenTheKeptTargetIsGone() {
        BackfillDecision d = decide(new CrmContactFacts("c1", null, "b-deleted", V), false);

        assertThat(d.action()).isEqualTo(BackfillDecision.Action.CREATE);
        assertThat(d.how()).contains("no longer exists");
    }

    @Test
    void shouldCountAPlan() {
        BackfillPlan plan = new BackfillPlan();
        plan.add(decide(new CrmContactFacts("c1", null, null, V), false));
        plan.add(decide(new CrmContactFacts("c2", null, null, null), false));
        plan.addUnplanned();

        assertThat(plan.count(BackfillDecision.Action.CREATE)).isEqualTo(1);
        assertThat(plan.count(BackfillDecision.Action.SKIP)).isEqualTo(1);
        assertThat(plan.toPublish()).isEqualTo(2);
    }
}
