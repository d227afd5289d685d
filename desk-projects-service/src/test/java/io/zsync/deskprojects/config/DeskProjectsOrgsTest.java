package io.zsync.deskprojects.config;

import io.micronaut.context.ApplicationContext;
import io.zsync.deskprojects.domain.TaskSettings;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-org settings as bound from configuration (no broker: only the settings beans are created). */
class DeskProjectsOrgsTest {

    @Test
    void shouldBindAnOrgsSettingsWithTheDocumentedDefaults() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "kafka.enabled", "false",
                "zsync.desk-projects.enabled", "false",
                "zsync.topics.create", "false",
                "zsync.zoho.orgs.acme.desk-org-id", "777",
                "zsync.zoho.orgs.acme.client-id", "id",
                "zsync.zoho.orgs.acme.client-secret", "secret",
                "zsync.zoho.orgs.acme.refresh-token", "token",
                "zsync.desk-projects.orgs.acme.categories", "Bug, Incident",
                "zsync.desk-projects.orgs.acme.priority-map", "P1=High,P2=Medium",
                "zsync.desk-projects.orgs.acme.project-id", "PRJ"))) {
            DeskProjectsOrgs orgs = context.getBean(DeskProjectsOrgs.class);
            TaskSettings s = orgs.settings("acme");
            assertThat(s.categories()).containsExactly("Bug", "Incident");
            assertThat(s.projectsPriority("P1")).isEqualTo("High");
            assertThat(s.projectsPriority("Urgent")).as("the default map is replaced").isEqualTo("None");
            assertThat(s.dueInDays()).isEqualTo(7);
            assertThat(s.ticketIdColumn()).isEqualTo("UDF_CHAR1");
            assertThat(s.ticketNumberColumn()).isEqualTo("UDF_CHAR2");
            assertThat(orgs.properties("acme").project()).isEqualTo("PRJ");
            assertThat(orgs.properties("acme").tasklist()).isNull();
            assertThat(orgs.writeBackFields()).containsExactlyInAnyOrder("cf_project_task_id", "cf_project_task_link",
                    "cf", "customFields");
            assertThat(orgs.orgKey("777")).isEqualTo("acme");
        }
    }
}
