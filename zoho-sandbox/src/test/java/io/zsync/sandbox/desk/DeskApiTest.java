package io.zsync.sandbox.desk;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.zsync.sandbox.support.Reply;
import io.zsync.sandbox.support.SandboxTestBase;
import io.zsync.sandbox.support.WebhookReceiver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** zoho-api.md §6: Desk contacts and tickets, its error shape, dates, and JWT-signed webhooks. */
@MicronautTest
class DeskApiTest extends SandboxTestBase {

    static final String ORG = "54983163";                 // configured Desk org
    static final String DEPARTMENT = "55430000000010772";  // configured department
    // §1.3: Desk datetimes are ISO-8601 UTC with millis.
    static final String DESK_DATE_TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    private String auth;

    @BeforeEach
    void token() {
        auth = sandbox.zohoToken();
    }

    @Test
    void shouldRequireTheOrgIdHeader() {
        Reply reply = sandbox.get("/api/v1/tickets", "Authorization", auth);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.map()).containsKey("errorCode");
    }

    @Test
    void shouldRequireALastNameOnContacts() {
        Reply reply = post("/api/v1/contacts", "{\"firstName\":\"Anna\",\"email\":\"anna@example.com\"}");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.map()).containsEntry("errorCode", "INVALID_DATA")
                .containsEntry("message", "The data does not comply to the validation restrictions defined.");
        assertThat(reply.list("errors")).containsExactly(Map.of("fieldName", "/lastName", "errorType", "missing"));
    }

    @Test
    void shouldCreateAContactInTheDocumentedShape() {
        Reply reply = post("/api/v1/contacts", "{\"lastName\":\"Kingsley\",\"email\":\"anna@example.com\",\"phone\":\"555-0100\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat((String) reply.map().get("id")).matches("\\d{17}");
        assertThat((String) reply.map().get("createdTime")).matches(DESK_DATE_TIME);
        assertThat(reply.map()).containsEntry("lastName", "Kingsley").containsEntry("firstName", null)
                .containsEntry("cf", Map.of()).containsEntry("isDeleted", false);
    }

    @Test
    void shouldNameEveryMissingTicketField() {
        Reply reply = post("/api/v1/tickets", "{\"description\":\"no subject\"}");

        assertThat(reply.list("errors")).extracting(e -> e.get("fieldName"))
                .containsExactlyInAnyOrder("/subject", "/departmentId", "/contactId");
    }

    @Test
    void shouldCreateATicketFindingOrCreatingItsContact() {
        Reply first = post("/api/v1/tickets", ticket("Battery", "\"contact\":{\"lastName\":\"Kingsley\",\"email\":\"anna@example.com\"}"));
        Reply second = post("/api/v1/tickets", ticket("Charger", "\"contact\":{\"email\":\"ANNA@example.com\"}"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.map()).containsEntry("status", "Open").containsEntry("statusType", "Open")
                .containsEntry("closedTime", null).containsEntry("ticketNumber", "101");
        assertThat(second.map().get("contactId")).isEqualTo(first.map().get("contactId"));
        assertThat((String) first.map().get("createdTime")).matches(DESK_DATE_TIME);
        assertThat(first.map().get("threadCount")).isInstanceOf(String.class);
    }

    @Test
    void shouldDeriveStatusTypeAndSetClosedTimeOnClose() {
        String id = (String) post("/api/v1/tickets", ticket("Bug", "\"contact\":{\"lastName\":\"K\"}")).map().get("id");

        Reply onHold = sandbox.patch("/api/v1/tickets/" + id, "{\"status\":\"On Hold\"}", "Authorization", auth, "orgId", ORG);
        Reply closed = sandbox.patch("/api/v1/tickets/" + id, "{\"status\":\"Closed\",\"resolution\":\"fixed\"}",
                "Authorization", auth, "orgId", ORG);
        Reply escalated = sandbox.patch("/api/v1/tickets/" + id, "{\"status\":\"Escalated\"}", "Authorization", auth, "orgId", ORG);

        assertThat(onHold.map()).containsEntry("statusType", "On Hold");
        assertThat(closed.map()).containsEntry("statusType", "Closed").containsEntry("resolution", "fixed");
        assertThat((String) closed.map().get("closedTime")).matches(DESK_DATE_TIME);
        assertThat(escalated.map()).containsEntry("statusType", "Open").containsEntry("closedTime", null);
    }

    @Test
    void shouldStoreTheIntegrationCustomFieldsAndRejectUnknownOnes() {
        String id = (String) post("/api/v1/tickets", ticket("Bug",
                "\"contact\":{\"lastName\":\"K\"},\"cf\":{\"cf_crm_lead_id\":\"5725767000000000001\"}")).map().get("id");

        Reply patched = sandbox.patch("/api/v1/tickets/" + id, "{\"cf\":{\"cf_project_task_id\":\"170876000000270067\","
                + "\"cf_project_task_link\":\"https://example.com/t\"}}", "Authorization", auth, "orgId", ORG);
        Reply unknown = sandbox.patch("/api/v1/tickets/" + id, "{\"cf\":{\"cf_nope\":\"1\"}}", "Authorization", auth, "orgId", ORG);

        assertThat((Map<String, Object>) patched.map().get("cf")).containsEntry("cf_crm_lead_id", "5725767000000000001")
                .containsEntry("cf_project_task_id", "170876000000270067").containsEntry("cf_project_task_link", "https://example.com/t");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.list("errors")).containsExactly(Map.of("fieldName", "/cf/cf_nope", "errorType", "invalid"));
    }

    @Test
    void shouldAnswer204ForAnEmptySearchAndFindByEmail() {
        post("/api/v1/contacts", "{\"lastName\":\"Kingsley\",\"email\":\"anna@example.com\"}");

        Reply none = sandbox.get("/api/v1/contacts/search?email=nobody@example.com", "Authorization", auth, "orgId", ORG);
        Reply found = sandbox.get("/api/v1/contacts/search?email=anna@example.com", "Authorization", auth, "orgId", ORG);

        assertThat(none.status()).isEqualTo(204);
        assertThat(found.list("data")).extracting(c -> c.get("lastName")).containsExactly("Kingsley");
        assertThat(found.map()).containsEntry("count", 1);
    }

    @Test
    void shouldPostSignedWebhookArraysVerifiableWithTheJwks() throws Exception {
        Reply subscription = sandbox.post("/_sandbox/webhooks/desk", "{\"url\":\"" + receiverUrl("desk") + "\",\"orgId\":\"" + ORG + "\"}");
        String webhookId = (String) subscription.map().get("id");
        String ticketId = (String) post("/api/v1/tickets", ticket("Bug", "\"contact\":{\"lastName\":\"K\"}")).map().get("id");
        sandbox.patch("/api/v1/tickets/" + ticketId, "{\"status\":\"Closed\"}", "Authorization", auth, "orgId", ORG);

        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received("desk").size() >= 3);
        List<WebhookReceiver.Received> posts = receiver.received("desk");
        Map<String, Object> update = posts.stream().map(this::firstEvent)
                .filter(e -> "Ticket_Update".equals(e.get("eventType"))).findFirst().orElseThrow();
        assertThat(posts.stream().map(this::firstEvent).map(e -> e.get("eventType")))
                .contains("Contact_Add", "Ticket_Add", "Ticket_Update");
        assertThat(update).containsEntry("orgId", ORG);
        assertThat((String) update.get("eventTime")).matches("\\d{13}");
        assertThat((Map<String, Object>) update.get("payload")).containsEntry("statusType", "Closed").containsEntry("id", ticketId);
        assertThat((Map<String, Object>) update.get("prevState")).containsEntry("statusType", "Open");

        SignedJWT jwt = SignedJWT.parse(posts.get(0).header("X-ZDesk-JWT"));
        JWKSet jwks = JWKSet.parse(sandbox.get("/.well-known/jwks.json").body());
        RSAKey key = (RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key).isNotNull();
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("orgId:" + ORG);
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("webhookId:" + webhookId);
        assertThat(jwt.getJWTClaimsSet().getExpirationTime()).isAfter(new Date());
    }

    @Test
    void shouldUnsubscribeAReceiverThatAnswers410() {
        sandbox.post("/_sandbox/webhooks/desk", "{\"url\":\"" + receiverUrl("gone") + "\",\"orgId\":\"" + ORG + "\"}");
        receiver.answer("gone", 410);

        post("/api/v1/contacts", "{\"lastName\":\"A\"}");
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received("gone").size() == 1
                && sandbox.get("/_sandbox/webhooks").list("desk").isEmpty());
        post("/api/v1/contacts", "{\"lastName\":\"B\"}");

        assertThat(sandbox.get("/_sandbox/webhooks").list("desk")).isEmpty();
        assertThat(sandbox.deliveries("desk")).hasSize(1);
    }

    @Test
    void shouldSubscribeThroughTheDeskWebhooksApi() {
        Reply created = post("/api/v1/webhooks", "{\"url\":\"" + receiverUrl("api") + "\",\"name\":\"sync\","
                + "\"subscriptions\":{\"Ticket_Add\":{\"departmentIds\":[]}}}");

        post("/api/v1/contacts", "{\"lastName\":\"NoEventForThis\"}");
        post("/api/v1/tickets", ticket("Bug", "\"contact\":{\"lastName\":\"K\"}"));

        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received("api").size() == 1);
        assertThat(created.map()).containsEntry("url", receiverUrl("api")).containsKey("id");
        assertThat(firstEvent(receiver.received("api").get(0))).containsEntry("eventType", "Ticket_Add");
        assertThat(sandbox.get("/api/v1/webhooks", "Authorization", auth, "orgId", ORG).list("data")).hasSize(1);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> firstEvent(WebhookReceiver.Received received) {
        return ((List<Map<String, Object>>) sandbox.parse(received.body())).get(0);
    }

    private static String ticket(String subject, String contact) {
        return "{\"subject\":\"" + subject + "\",\"departmentId\":\"" + DEPARTMENT + "\"," + contact + "}";
    }

    private Reply post(String path, String body) {
        return sandbox.post(path, body, "Authorization", auth, "orgId", ORG);
    }
}
