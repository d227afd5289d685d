package io.zsync.zoho.desk;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.zsync.zoho.creator.CreatorClient;
import io.zsync.zoho.creator.CreatorRecord;
import io.zsync.zoho.error.ZohoApiException;
import io.zsync.zoho.error.ZohoAuthException;
import io.zsync.zoho.error.ZohoDuplicateException;
import io.zsync.zoho.error.ZohoValidationException;
import io.zsync.zoho.hubspot.HubSpotClient;
import io.zsync.zoho.hubspot.HubSpotContact;
import io.zsync.zoho.projects.ProjectsClient;
import io.zsync.zoho.projects.ProjectsTask;
import io.zsync.zoho.projects.ProjectsTaskRequest;
import io.zsync.zoho.support.DocExamples;
import io.zsync.zoho.support.FakeZoho;
import io.zsync.zoho.support.FakeZohoState.Recorded;
import io.zsync.zoho.support.FakeZohoTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Desk, Projects, Creator and HubSpot clients against the documented bodies over real HTTP. */
@MicronautTest
class DeskProjectsCreatorHubSpotClientTest extends FakeZohoTest {
    private static final String HS = FakeZoho.HUBSPOT;

    @Inject
    DeskClient desk;
    @Inject
    ProjectsClient projects;
    @Inject
    CreatorClient creator;
    @Inject
    HubSpotClient hubspot;

    // ---------------------------------------------------------------- Desk

    @Test
    void shouldSendTheDeskOrgIdHeaderAndReadATicket() {
        zoho().on("GET", "/api/v1/tickets/55430000068840041", 200, DocExamples.DESK_TICKET);

        DeskTicket t = desk.getTicket(ORG, "55430000068840041").orElseThrow();

        assertThat(t.ticketNumber()).isEqualTo("120236");
        assertThat(t.statusType()).isEqualTo("Open");
        assertThat(t.isClosed()).isFalse();
        assertThat(t.threadCount()).isEqualTo("1");
        assertThat(t.cf()).containsKey("cf_order_id");
        Recorded sent = zoho().requests("GET", "/api/v1/tickets").get(0);
        assertThat(sent.header("orgId")).isEqualTo(FakeZoho.DESK_ORG_ID);
        assertThat(sent.header("Authorization")).startsWith("Zoho-oauthtoken ");
    }

    @Test
    void shouldSearchAndCreateDeskContacts() {
        zoho().on("GET", "/api/v1/contacts/search", 200, "{\"data\":[" + DocExamples.DESK_CONTACT + "]}");
        zoho().on("POST", "/api/v1/contacts", 200, DocExamples.DESK_CONTACT);

        List<DeskContact> found = desk.searchContactsByEmail(ORG, "anna@example.com");
        DeskContact created = desk.createContact(ORG, DeskContactRequest.of("Anna", "Kingsley", "anna@example.com", null));

        assertThat(found).extracting(DeskContact::id).containsExactly("55430000068790003");
        assertThat(created.lastName()).isEqualTo("Kingsley");
        assertThat(zoho().requests("GET", "/api/v1/contacts/search").get(0).query("email")).isEqualTo("anna@example.com");
        assertThat(zoho().requests("POST", "/api/v1/contacts").get(0).body()).contains("\"lastName\":\"Kingsley\"");
    }

    @Test
    void shouldTreatAnEmptyDeskSearchAsNoResults() {
        zoho().on("GET", "/api/v1/contacts/search", 204, null);
        zoho().on("GET", "/api/v1/tickets/search", 200, "{\"data\":[]}");

        assertThat(desk.searchContactsByEmail(ORG, "nobody@example.com")).isEmpty();
        assertThat(desk.searchTicketsByEmail(ORG, "nobody@example.com")).isEmpty();
    }

    @Test
    void shouldCreateAndPatchTickets() {
        zoho().on("POST", "/api/v1/tickets", 200, DocExamples.DESK_TICKET);
        zoho().on("PATCH", "/api/v1/tickets/55430000068840041", 200, DocExamples.DESK_TICKET);

        DeskTicket t = desk.createTicket(ORG, DeskTicketRequest.of("Battery", "55430000000010772",
                "55430000068790003", "<p>dead</p>"));
        desk.updateTicket(ORG, t.id(), Map.of("cf", Map.of("cf_task_id", "170876000000270067")));

        assertThat(zoho().requests("POST", "/api/v1/tickets").get(0).body())
                .contains("\"subject\":\"Battery\"", "\"departmentId\":\"55430000000010772\"");
        assertThat(zoho().requests("PATCH", "/api/v1/tickets/55430000068840041").get(0).body())
                .isEqualTo("{\"cf\":{\"cf_task_id\":\"170876000000270067\"}}");
    }

    @Test
    void shouldMapDeskValidationErrorsWithFieldPointers() {
        zoho().on("POST", "/api/v1/tickets", 422, DocExamples.DESK_VALIDATION);

        assertThatThrownBy(() -> desk.createTicket(ORG, DeskTicketRequest.of("s", "1", "2", null)))
                .isInstanceOfSatisfying(ZohoValidationException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.fieldErrors()).extracting(ZohoApiException.FieldError::field)
                            .containsExactly("/contactId", "/departmentId");
                });
    }

    @Test
    void shouldRefreshOnceOnInvalidOauth() {
        zoho().on("GET", "/api/v1/tickets/1", 401, DocExamples.DESK_INVALID_OAUTH);

        assertThatThrownBy(() -> desk.getTicket(ORG, "1"))
                .isInstanceOfSatisfying(ZohoAuthException.class, e -> assertThat(e.retryable()).isTrue());
        assertThat(zoho().requests("GET", "/api/v1/tickets/1")).hasSize(2);
    }

    // ---------------------------------------------------------------- Projects

    @Test
    void shouldCreateAProjectsTaskWithFormParameters() {
        zoho().on("POST", "/restapi/portal/2063927/projects/170876000000147021/tasks/", 201, DocExamples.PROJECTS_TASKS);

        ProjectsTask task = projects.createTask(ORG, ProjectsTaskRequest.of("Ledger", "from ticket 120236", "High",
                LocalDate.of(2024, 6, 20)));

        assertThat(task.taskId()).isEqualTo("170876000000270067");
        assertThat(task.id()).isEqualTo("170876000000270067");
        assertThat(task.selfUrl()).hasValueSatisfying(u -> assertThat(u).endsWith("/tasks/170876000000270067/"));
        Recorded sent = zoho().requests("POST", "/restapi/portal").get(0);
        assertThat(sent.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(sent.body()).contains("name=Ledger", "end_date=06-20-2024", "priority=High");
    }

    @Test
    void shouldGetAndUpdateAProjectsTaskWithPost() {
        String path = "/restapi/portal/2063927/projects/170876000000147021/tasks/170876000000270067/";
        zoho().on("GET", path, 200, DocExamples.PROJECTS_TASKS);
        zoho().on("POST", path, 200, DocExamples.PROJECTS_TASKS);

        assertThat(projects.getTask(ORG, null, "170876000000270067")).isPresent();
        projects.updateTask(ORG, null, "170876000000270067",
                new ProjectsTaskRequest(null, null, null, null, null, null, null, "Low", null, null));

        assertThat(zoho().requests("POST", path).get(0).body()).contains("priority=Low").doesNotContain("name=");
    }

    @Test
    void shouldTreatAnUnknownProjectsTaskAsAbsent() {
        zoho().on("GET", "/restapi/portal/2063927/projects/170876000000147021/tasks/9/", 404, DocExamples.PROJECTS_ERROR);

        assertThat(projects.getTask(ORG, null, "9")).isEmpty();
    }

    // ---------------------------------------------------------------- Creator

    @Test
    void shouldReadAndUpdateACreatorRecord() {
        String path = "/creator/v2.1/data/jane/orders/report/All_Orders/3888833000000114027";
        zoho().on("GET", path, 200, DocExamples.CREATOR_RECORD);
        zoho().on("PATCH", path, 200, DocExamples.CREATOR_UPDATED);

        CreatorRecord r = creator.getRecord(ORG, "All_Orders", "3888833000000114027").orElseThrow();
        String id = creator.updateRecord(ORG, "All_Orders", "3888833000000114027", Map.of("Status", "Shipped"),
                List.of("form_workflow"));

        assertThat(r.id()).isEqualTo("3888833000000114027");
        assertThat(r.decimal("Order_Total")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("120"));
        assertThat(r.lookupId("Customer")).contains("3888833000000114001");
        assertThat(r.string("Customer")).isEqualTo("Jane");
        assertThat(id).isEqualTo("3888833000000114027");
        assertThat(zoho().requests("PATCH", path).get(0).body())
                .contains("\"data\":{\"Status\":\"Shipped\"}", "\"skip_workflow\":[\"form_workflow\"]");
    }

    @Test
    void shouldNotMistakeCreatorsMissingParameter401ForATokenProblem() {
        String path = "/creator/v2.1/data/jane/orders/report/All_Orders/1";
        zoho().on("GET", path, 401, DocExamples.CREATOR_MANDATORY_MISSING);

        assertThatThrownBy(() -> creator.getRecord(ORG, "All_Orders", "1"))
                .isInstanceOfSatisfying(ZohoValidationException.class, e -> {
                    assertThat(e.code()).isEqualTo("1000");
                    assertThat(e.retryable()).isFalse();
                });
        assertThat(zoho().requests("GET", path)).hasSize(1); // no refresh-and-repeat
    }

    // ---------------------------------------------------------------- HubSpot

    @Test
    void shouldUseTheBearerTokenForHubSpot() {
        zoho().on("GET", "/crm/v3/objects/contacts/512", 200, DocExamples.HUBSPOT_CONTACT);

        HubSpotContact c = hubspot.get(HS, "512").orElseThrow();

        assertThat(c.email()).isEqualTo("a@b.com");
        Recorded sent = zoho().requests("GET", "/crm/v3/objects/contacts/512").get(0);
        assertThat(sent.header("Authorization")).isEqualTo("Bearer pat-na1-secret");
        assertThat(sent.query("properties")).contains("email", "firstname");
    }

    @Test
    void shouldExposeTheExistingIdOfA409() {
        zoho().on("POST", "/crm/v3/objects/contacts", 409, DocExamples.HUBSPOT_CONFLICT);

        assertThatThrownBy(() -> hubspot.create(HS, Map.of("email", "a@b.com", "firstname", "A")))
                .isInstanceOfSatisfying(ZohoDuplicateException.class, e -> {
                    assertThat(e.duplicateId()).contains("37765128953");
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.code()).isEqualTo("CONFLICT");
                });
    }

    @Test
    void shouldCreateUpdateSearchAndArchiveHubSpotContacts() {
        zoho().on("POST", "/crm/v3/objects/contacts", 201, DocExamples.HUBSPOT_CONTACT);
        zoho().on("PATCH", "/crm/v3/objects/contacts/512", 200, DocExamples.HUBSPOT_CONTACT);
        zoho().on("POST", "/crm/v3/objects/contacts/search", 200, DocExamples.HUBSPOT_SEARCH);
        zoho().on("DELETE", "/crm/v3/objects/contacts/512", 204, null);
        zoho().on("DELETE", "/crm/v3/objects/contacts/999", 404,
                "{\"status\":\"error\",\"message\":\"resource not found\",\"category\":\"OBJECT_NOT_FOUND\"}");

        assertThat(hubspot.create(HS, Map.of("email", "a@b.com")).id()).isEqualTo("512");
        hubspot.update(HS, "512", Map.of("phone", ""));
        assertThat(hubspot.searchByEmail(HS, "a@b.com")).extracting(HubSpotContact::id).containsExactly("512");
        hubspot.delete(HS, "512");
        hubspot.delete(HS, "999");

        assertThat(zoho().requests("POST", "/crm/v3/objects/contacts").get(0).body())
                .isEqualTo("{\"properties\":{\"email\":\"a@b.com\"}}");
        assertThat(zoho().requests("PATCH", "/crm/v3/objects/contacts/512").get(0).body())
                .contains("\"phone\":\"\""); // an empty string clears the value
        assertThat(zoho().requests("POST", "/crm/v3/objects/contacts/search").get(0).body())
                .contains("\"propertyName\":\"email\"", "\"operator\":\"EQ\"", "\"value\":\"a@b.com\"");
    }
}
