package io.zsync.deskprojects.domain;

import io.zsync.contract.Operation;
import io.zsync.deskprojects.domain.TicketTaskDecision.Create;
import io.zsync.deskprojects.domain.TicketTaskDecision.Outcome;
import io.zsync.deskprojects.domain.TicketTaskDecision.Skip;
import io.zsync.deskprojects.domain.TicketTaskDecision.Ticket;
import io.zsync.deskprojects.domain.TicketTaskDecision.WriteBackOnly;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TicketTaskDecisionTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 28);
    static final TaskSettings SETTINGS = new TaskSettings(List.of("Bug", "Feature Request"),
            TaskSettings.parsePriorities("Low=Low,Medium=Medium,High=High,Urgent=High"), "None", 7, ZoneId.of("UTC"),
            "UDF_CHAR1", "UDF_CHAR2", "cf_project_task_id", "cf_project_task_link");

    static Map<String, Object> cf(String taskId) {
        Map<String, Object> cf = new HashMap<>();
        cf.put("cf_project_task_id", taskId);
        cf.put("cf_project_task_link", null);
        cf.put("cf_crm_lead_id", null);
        return cf;
    }

    static Ticket ticket(String category, String priority) {
        return new Ticket("55430000068840041", "120236", "Login fails on Safari", "<p>Steps: ...</p>", category,
                priority, cf(null));
    }

    static Outcome decide(Ticket t) {
        return TicketTaskDecision.decide(Optional.of(t), Optional.empty(), Optional.empty(), TODAY, SETTINGS);
    }

    @Nested
    class Creating {

        @Test
        void shouldPlanATaskForABug() {
            Create c = (Create) decide(ticket("Bug", "High"));
            assertThat(c.task().name()).isEqualTo("[Bug] Login fails on Safari");
            assertThat(c.task().description()).isEqualTo("<p>Steps: ...</p>");
            assertThat(c.task().priority()).isEqualTo("High");
            assertThat(c.task().startDate()).isEqualTo(TODAY);
            assertThat(c.task().endDate()).isEqualTo(LocalDate.of(2027, 1, 4)); // 7 days on, across the year end
            assertThat(c.task().customFields()).containsExactly(Map.entry("UDF_CHAR1", "55430000068840041"),
                    Map.entry("UDF_CHAR2", "120236"));
        }

        @Test
        void shouldPlanATaskForAFeatureRequest() {
            Create c = (Create) decide(ticket("Feature Request", "Low"));
            assertThat(c.task().name()).isEqualTo("[Feature Request] Login fails on Safari");
        }

        @Test
        void shouldMatchCategoriesWithoutCaseButNameTheTaskAsTheTicketSpellsIt() {
            Create c = (Create) decide(ticket(" bug ", null));
            assertThat(c.task().name()).isEqualTo("[bug] Login fails on Safari");
        }

        @Test
        void shouldNameATaskWithoutSubject() {
            Ticket t = new Ticket("T1", null, "  ", null, "Bug", null, null);
            Create c = (Create) decide(t);
            assertThat(c.task().name()).isEqualTo("[Bug] (no subject)");
            assertThat(c.task().description()).isEmpty();
            assertThat(c.task().customFields()).containsExactly(Map.entry("UDF_CHAR1", "T1"));
        }

        @Test
        void shouldUseTheConfiguredDueDays() {
            TaskSettings fourteen = new TaskSettings(List.of("Bug"), Map.of(), "None", 14, ZoneId.of("UTC"), "A", "B", "C", "D");
            Create c = (Create) TicketTaskDecision.decide(Optional.of(ticket("Bug", null)), Optional.empty(),
                    Optional.empty(), TODAY, fourteen);
            assertThat(c.task().endDate()).isEqualTo(TODAY.plusDays(14));
            assertThat(c.task().customFields()).containsKeys("A", "B");
        }
    }

    @Nested
    class Priorities {

        @ParameterizedTest(name = "[{index}] Desk {0} -> Projects {1}")
        @CsvSource(nullValues = "null", value = {
                "High,High",
                "Urgent,High",      // mapped
                "urgent,High",      // keys without case
                "Medium,Medium",
                "Low,Low",
                "low,Low",          // a Projects name in other case is taken as is
                "None,None",
                "Critical,None",    // unmapped: the default
                "null,None",
                "'',None"
        })
        void shouldMapDeskPrioritiesToProjects(String desk, String projects) {
            assertThat(SETTINGS.projectsPriority(desk)).isEqualTo(projects);
        }

        @Test
        void shouldRefuseAMappingToAPriorityProjectsDoesNotHave() {
            assertThatThrownBy(() -> new TaskSettings(List.of("Bug"), Map.of("High", "Blocker"), "None", 7,
                    ZoneId.of("UTC"), "A", "B", "C", "D")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new TaskSettings(List.of("Bug"), Map.of(), "Highest", 7,
                    ZoneId.of("UTC"), "A", "B", "C", "D")).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void shouldParseAMappingFromOneLine() {
            assertThat(TaskSettings.parsePriorities(" High = High , Urgent=High")).containsExactly(
                    Map.entry("High", "High"), Map.entry("Urgent", "High"));
            assertThat(TaskSettings.parsePriorities("")).isEmpty();
            assertThatThrownBy(() -> TaskSettings.parsePriorities("High")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> TaskSettings.parsePriorities("High=")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Skipping {

        @ParameterizedTest(name = "[{index}] category {0}")
        @CsvSource(nullValues = "null", value = {"Question", "General", "Bugs", "null", "''"})
        void shouldSkipOtherCategoriesWithTheReason(String category) {
            Outcome o = decide(ticket(category, "High"));
            assertThat(((Skip) o).reason()).startsWith("ticket has ").endsWith("tasks are created for [Bug, Feature Request]");
        }

        @Test
        void shouldNameTheCategoryInTheReason() {
            assertThat(((Skip) decide(ticket("Question", null))).reason())
                    .isEqualTo("ticket has category 'Question'; tasks are created for [Bug, Feature Request]");
            assertThat(((Skip) decide(ticket(null, null))).reason())
                    .isEqualTo("ticket has no category; tasks are created for [Bug, Feature Request]");
        }

        @Test
        void shouldSkipATicketDeskNoLongerHas() {
            assertThat(((Skip) TicketTaskDecision.decide(Optional.empty(), Optional.empty(), Optional.empty(), TODAY,
                    SETTINGS)).reason()).contains("no longer exists");
        }

        @Test
        void shouldSkipBeforeReadingWhenTheWebhookShowsAnotherCategory() {
            assertThat(TicketTaskDecision.skipBeforeReading(Operation.UPDATED, Map.of("category", "Question"), SETTINGS))
                    .hasValueSatisfying(r -> assertThat(r).contains("'Question'"));
            Map<String, String> noCategory = new HashMap<>();
            noCategory.put("category", null);
            assertThat(TicketTaskDecision.skipBeforeReading(Operation.CREATED, noCategory, SETTINGS))
                    .hasValueSatisfying(r -> assertThat(r).contains("no category"));
        }

        @Test
        void shouldReadTheTicketWhenTheWebhookShowsATaskCategoryOrNothing() {
            assertThat(TicketTaskDecision.skipBeforeReading(Operation.UPDATED, Map.of("category", "Bug"), SETTINGS)).isEmpty();
            assertThat(TicketTaskDecision.skipBeforeReading(Operation.UPDATED, Map.of("subject", "x"), SETTINGS)).isEmpty();
            assertThat(TicketTaskDecision.skipBeforeReading(Operation.UPDATED, null, SETTINGS)).isEmpty();
        }

        @Test
        void shouldSkipADeletionBeforeReading() {
            assertThat(TicketTaskDecision.skipBeforeReading(Operation.DELETED, Map.of("category", "Bug"), SETTINGS))
                    .contains("ticket deleted");
        }
    }

    @Nested
    class ExactlyOnce {

        @Test
        void shouldNotCreateASecondTaskForATicketThatShowsOne() {
            Ticket t = new Ticket("T1", "7", "s", null, "Bug", "High", cf("170876000000270067"));
            assertThat(((Skip) decide(t)).reason()).isEqualTo("ticket #7 already has Projects task 170876000000270067");
        }

        @Test
        void shouldRecordTheTaskAnEarlierAttemptOfTheEventCreatedAndWroteBackBeforeItCrashed() {
            Map<String, Object> cf = new java.util.HashMap<>(cf("170876000000270067"));
            cf.put("cf_project_task_link", "https://projects/link");
            Ticket t = new Ticket("T1", "7", "s", null, "Bug", "High", cf);
            assertThat(TicketTaskDecision.decide(Optional.of(t), Optional.empty(), Optional.empty(), true, TODAY, SETTINGS))
                    .isEqualTo(new TicketTaskDecision.Linked("170876000000270067", "https://projects/link"));
        }

        @Test
        void shouldOnlyWriteBackATaskTheLedgerKnowsButTheTicketDoesNotShow() {
            // the task was created, then the Desk write-back failed: the retry must not create another
            Outcome o = TicketTaskDecision.decide(Optional.of(ticket("Bug", "High")), Optional.of("TASK1"),
                    Optional.of("https://projects/link"), TODAY, SETTINGS);
            assertThat(o).isEqualTo(new WriteBackOnly("TASK1", "https://projects/link"));
        }

        @Test
        void shouldTakeTheTicketsOwnTaskOverTheLedgers() {
            Ticket t = new Ticket("T1", "7", "s", null, "Bug", "High", cf("ON-TICKET"));
            Outcome o = TicketTaskDecision.decide(Optional.of(t), Optional.of("IN-LEDGER"), Optional.empty(), TODAY, SETTINGS);
            assertThat(((Skip) o).reason()).contains("ON-TICKET");
        }

        @Test
        void shouldIgnoreBlankTaskIds() {
            Ticket t = new Ticket("T1", "7", "s", null, "Bug", "High", cf(" "));
            assertThat(TicketTaskDecision.decide(Optional.of(t), Optional.of(""), Optional.empty(), TODAY, SETTINGS))
                    .isInstanceOf(Create.class);
        }

        @Test
        void shouldStillSkipOtherCategoriesWhateverTheLedgerKnows() {
            Outcome o = TicketTaskDecision.decide(Optional.of(ticket("Question", null)), Optional.of("TASK1"),
                    Optional.empty(), TODAY, SETTINGS);
            assertThat(o).isInstanceOf(Skip.class);
        }
    }

    @Nested
    class WriteBack {

        @Test
        void shouldWriteTheTaskIdAndLinkIntoTheTicketsCustomFields() {
            assertThat(TicketTaskDecision.writeBack(SETTINGS, "TASK1", "https://l")).containsExactly(
                    Map.entry("cf_project_task_id", "TASK1"), Map.entry("cf_project_task_link", "https://l"));
            assertThat(TicketTaskDecision.writeBack(SETTINGS, "TASK1", null)).containsOnlyKeys("cf_project_task_id");
        }

        @Test
        void shouldDeclareTheCustomFieldsAsWriteBackFields() {
            assertThat(SETTINGS.writeBackFields()).containsExactlyInAnyOrder("cf_project_task_id", "cf_project_task_link");
        }

        @Test
        void shouldRefuseSettingsWithoutCategoriesOrWithBlankFields() {
            assertThatThrownBy(() -> new TaskSettings(List.of(" "), Map.of(), "None", 7, ZoneId.of("UTC"), "A", "B", "C", "D"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new TaskSettings(List.of("Bug"), Map.of(), "None", 7, ZoneId.of("UTC"), "A", "", "C", "D"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new TaskSettings(List.of("Bug"), Map.of(), "None", -1, ZoneId.of("UTC"), "A", "B", "C", "D"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
