package io.zsync.deskprojects.zoho;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How a listed task is recognised as the ticket's (the rows as Projects v1 returns them). */
class ProjectsTaskLookupTest {

    static final Map<String, Object> TASK = Map.of(
            "id", 170876000000270067L, "id_string", "170876000000270067", "name", "[Bug] x",
            "custom_fields", List.of(Map.of("column_name", "UDF_CHAR1", "label_name", "Desk Ticket ID", "value", "T1"),
                    Map.of("column_name", "UDF_CHAR2", "label_name", "Ticket Number", "value", "101")),
            "link", Map.of("self", Map.of("url", "https://projectsapi.zoho.com/restapi/portal/1/projects/2/tasks/3/")));

    @Test
    void shouldFindTheTaskByItsTicketColumn() {
        assertThat(ProjectsTaskLookup.holds(TASK, "UDF_CHAR1", "T1")).isTrue();
        assertThat(ProjectsTaskLookup.holds(TASK, "Desk Ticket ID", "T1")).as("by label too").isTrue();
        assertThat(ProjectsTaskLookup.holds(TASK, "UDF_CHAR1", "T2")).isFalse();
        assertThat(ProjectsTaskLookup.holds(TASK, "UDF_CHAR2", "T1")).as("another column").isFalse();
        assertThat(ProjectsTaskLookup.holds(Map.of("id", 1L), "UDF_CHAR1", "T1")).as("no custom fields").isFalse();
    }

    @Test
    void shouldReadTheIdAsTextAndTheSelfLink() {
        assertThat(ProjectsTaskLookup.id(TASK)).isEqualTo("170876000000270067");
        assertThat(ProjectsTaskLookup.id(Map.of("id", 5L))).isEqualTo("5");
        assertThat(ProjectsTaskLookup.link(TASK)).endsWith("/tasks/3/");
        assertThat(ProjectsTaskLookup.link(Map.of())).isNull();
    }
}
