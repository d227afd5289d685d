package io.zsync.sandbox.projects;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.zsync.sandbox.support.Reply;
import io.zsync.sandbox.support.SandboxTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** zoho-api.md §7: Projects v1 form-encoded tasks, MM-DD-YYYY input, the {"tasks":[…]} answer; v3 JSON. */
@MicronautTest
class ProjectsApiTest extends SandboxTestBase {

    static final String TASKS = "/restapi/portal/2063927/projects/170876000000147021/tasks/"; // configured portal/project

    private String auth;

    @BeforeEach
    void token() {
        auth = sandbox.zohoToken();
    }

    @Test
    void shouldCreateATaskFromFormParametersInTheDocumentedShape() {
        Reply reply = sandbox.postForm(TASKS, Map.of("name", "[Bug] Battery", "priority", "High", "start_date", "06-20-2024",
                "end_date", "06-27-2024", "custom_fields", "[{\"label_name\":\"Desk Ticket ID\",\"value\":\"55430000068840041\"}]"),
                "Authorization", auth);

        assertThat(reply.status()).isEqualTo(201);
        Map<String, Object> task = reply.list("tasks").get(0);
        assertThat(task.get("id")).isInstanceOf(Number.class);
        assertThat(String.valueOf(task.get("id"))).isEqualTo(task.get("id_string"));
        assertThat((String) ((Map<?, ?>) ((Map<?, ?>) task.get("link")).get("self")).get("url"))
                .endsWith(TASKS + task.get("id_string") + "/");
        assertThat(task).containsEntry("start_date", "06-20-2024").containsEntry("priority", "High")
                .containsEntry("start_date_long", LocalDate.of(2024, 6, 20).atStartOfDay(ZoneId.of("America/Los_Angeles"))
                        .toInstant().toEpochMilli());
        assertThat((List<Map<String, Object>>) task.get("custom_fields")).containsExactly(
                Map.of("column_name", "UDF_CHAR1", "label_name", "Desk Ticket ID", "value", "55430000068840041"));
    }

    @Test
    void shouldRejectAnIsoDateAndAMissingName() {
        Reply isoDate = sandbox.postForm(TASKS, Map.of("name", "x", "start_date", "2024-06-20"), "Authorization", auth);
        Reply noName = sandbox.postForm(TASKS, Map.of("priority", "High"), "Authorization", auth);

        assertThat(isoDate.status()).isEqualTo(400);
        assertThat(isoDate.map().get("error")).isEqualTo(Map.of("code", 6832,
                "message", "Input Parameter Does not Match the Pattern Specified: start_date"));
        assertThat(noName.status()).isEqualTo(400);
        assertThat(((Map<?, ?>) noName.map().get("error")).get("code")).isEqualTo(6831);
    }

    @Test
    void shouldUpdateWithPostAndReadTheTaskBack() {
        String id = (String) sandbox.postForm(TASKS, Map.of("name", "t"), "Authorization", auth).list("tasks").get(0).get("id_string");

        Reply updated = sandbox.postForm(TASKS + id + "/", Map.of("percent_complete", "100"), "Authorization", auth);
        Reply read = sandbox.get(TASKS + id + "/", "Authorization", auth);

        assertThat(updated.list("tasks").get(0)).containsEntry("completed", true);
        assertThat(read.list("tasks").get(0)).containsEntry("percent_complete", 100).containsEntry("name", "t");
    }

    @Test
    void shouldCreateThroughTheV3JsonApi() {
        Reply reply = sandbox.post("/api/v3/portal/2063927/projects/170876000000147021/tasks",
                "{\"name\":\"v3 task\",\"start_date\":\"2024-06-20\",\"priority\":\"high\"}", "Authorization", auth);

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.list("tasks").get(0)).containsEntry("start_date", "06-20-2024").containsEntry("priority", "High");
    }

    @Test
    void shouldAnswer404ForAnUnknownProject() {
        Reply reply = sandbox.get("/restapi/portal/2063927/projects/1/tasks/", "Authorization", auth);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(((Map<?, ?>) reply.map().get("error")).get("code")).isEqualTo(6404);
    }
}
