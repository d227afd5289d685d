package io.zsync.deskprojects.flow;

import io.zsync.deskprojects.domain.TicketTaskDecision;
import io.zsync.sync.api.FlowResult;
import io.zsync.zoho.desk.DeskTicket;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TicketToTaskFlowTest {

    @Test
    void shouldSkipACopyOfAnEventButKeepWhatTheFirstCopyRecorded() {
        FlowResult first = new FlowResult.Succeeded(List.of(), Map.of("projects.task_id", "TASK1"), "h", Map.of());
        assertThat(TicketToTaskFlow.copyOf(first, "e1")).isEqualTo(new FlowResult.Skipped(
                "event e1 was already processed in this batch", Map.of("projects.task_id", "TASK1"), "h"));
        FlowResult skipped = FlowResult.Skipped.because("category");
        assertThat(TicketToTaskFlow.copyOf(skipped, "e1")).isInstanceOf(FlowResult.Skipped.class);
        FlowResult failed = FlowResult.Failed.permanently("X", "y");
        assertThat(TicketToTaskFlow.copyOf(failed, "e1")).isSameAs(failed);
    }

    @Test
    void shouldHandTheDecisionTheTicketsCategoryPriorityAndCustomFields() {
        DeskTicket t = new DeskTicket("T1", "101", "Subject", "<p>d</p>", "D", "C", null, "Open", "Open", "High", "Web",
                "Bug", null, null, null, null, null, null, null, null, null, null, "1",
                Map.of("cf_project_task_id", "TASK1"), null);
        TicketTaskDecision.Ticket facts = TicketToTaskFlow.facts(t);
        assertThat(facts).isEqualTo(new TicketTaskDecision.Ticket("T1", "101", "Subject", "<p>d</p>", "Bug", "High",
                Map.of("cf_project_task_id", "TASK1")));
    }
}
