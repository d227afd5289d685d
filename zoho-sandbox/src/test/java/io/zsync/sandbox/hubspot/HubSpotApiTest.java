package io.zsync.sandbox.hubspot;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.zsync.sandbox.support.Reply;
import io.zsync.sandbox.support.SandboxTestBase;
import io.zsync.sandbox.support.WebhookReceiver;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** zoho-api.md §9: HubSpot contacts, 409 on duplicate email, burst limit, and signed batched webhooks. */
@MicronautTest
class HubSpotApiTest extends SandboxTestBase {

    static final String[] AUTH = {"Authorization", "Bearer pat-na1-zsync-sandbox-0000-0000-000000000000"}; // configured token
    static final String APP_SECRET = "app-client-secret-for-tests"; // what the app's settings page would show

    @Test
    void shouldCreateReadUpdateAndArchiveAContact() {
        Reply created = sandbox.post("/crm/v3/objects/contacts",
                "{\"properties\":{\"email\":\"a@b.com\",\"firstname\":\"A\",\"lastname\":\"B\",\"phone\":\"555\"}}", AUTH);
        String id = (String) created.map().get("id");

        Reply read = sandbox.get("/crm/v3/objects/contacts/" + id + "?properties=email,phone", AUTH);
        Reply byEmail = sandbox.get("/crm/v3/objects/contacts/a@b.com?idProperty=email", AUTH);
        Reply updated = sandbox.patch("/crm/v3/objects/contacts/" + id, "{\"properties\":{\"phone\":\"\",\"firstname\":\"Ann\"}}", AUTH);
        Reply archived = sandbox.delete("/crm/v3/objects/contacts/" + id, AUTH);
        Reply gone = sandbox.get("/crm/v3/objects/contacts/" + id, AUTH);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.map()).containsEntry("archived", false).containsKeys("createdAt", "updatedAt");
        assertThat(read.map().get("properties")).isInstanceOf(Map.class);
        assertThat((Map<String, Object>) read.map().get("properties")).containsEntry("email", "a@b.com")
                .containsEntry("phone", "555").containsEntry("hs_object_id", id);
        assertThat(byEmail.map()).containsEntry("id", id);
        assertThat((Map<String, Object>) updated.map().get("properties")).containsEntry("firstname", "Ann").doesNotContainKey("phone");
        assertThat(archived.status()).isEqualTo(204);
        assertThat(gone.status()).isEqualTo(404);
    }

    @Test
    void shouldAnswer409WithTheExistingIdOnADuplicateEmail() {
        String id = (String) sandbox.post("/crm/v3/objects/contacts", "{\"properties\":{\"email\":\"dup@b.com\"}}", AUTH).map().get("id");

        Reply reply = sandbox.post("/crm/v3/objects/contacts", "{\"properties\":{\"email\":\"DUP@b.com\"}}", AUTH);

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.map()).containsEntry("status", "error").containsEntry("category", "CONFLICT")
                .containsEntry("message", "Contact already exists. Existing ID: " + id).containsKey("correlationId");
    }

    @Test
    void shouldSearchByEmail() {
        sandbox.post("/crm/v3/objects/contacts", "{\"properties\":{\"email\":\"one@b.com\"}}", AUTH);
        sandbox.post("/crm/v3/objects/contacts", "{\"properties\":{\"email\":\"two@b.com\"}}", AUTH);

        Reply reply = sandbox.post("/crm/v3/objects/contacts/search", "{\"filterGroups\":[{\"filters\":[{\"propertyName\":\"email\","
                + "\"operator\":\"EQ\",\"value\":\"two@b.com\"}]}],\"properties\":[\"email\",\"firstname\"],\"limit\":100,\"after\":\"0\"}", AUTH);

        assertThat(reply.map()).containsEntry("total", 1);
        assertThat((Map<String, Object>) reply.list("results").get(0).get("properties")).containsEntry("email", "two@b.com");
    }

    @Test
    void shouldRefuseAnUnknownBearerToken() {
        Reply reply = sandbox.get("/crm/v3/objects/contacts", "Authorization", "Bearer nope");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.map()).containsEntry("category", "INVALID_AUTHENTICATION");
    }

    @Test
    void shouldEnforceTheTenSecondBurstLimit() {
        for (int i = 0; i < 190; i++) {
            assertThat(sandbox.get("/crm/v3/objects/contacts", AUTH).status()).isEqualTo(200);
        }

        Reply limited = sandbox.get("/crm/v3/objects/contacts", AUTH);
        sandbox.post("/_sandbox/clock/advance", "{\"seconds\":11}");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.map()).containsEntry("policyName", "TEN_SECONDLY_ROLLING");
        assertThat(sandbox.get("/crm/v3/objects/contacts", AUTH).status()).isEqualTo(200);
    }

    @Test
    void shouldSignWebhooksSoTheDocumentedAlgorithmVerifiesThem() throws Exception {
        sandbox.post("/_sandbox/webhooks/hubspot", "{\"url\":\"" + receiverUrl("hubspot") + "\",\"clientSecret\":\""
                + APP_SECRET + "\",\"portalId\":62515}");

        String id = (String) sandbox.post("/crm/v3/objects/contacts", "{\"properties\":{\"email\":\"s@b.com\"}}", AUTH).map().get("id");

        await().atMost(Duration.ofSeconds(5)).until(() -> !receiver.received("hubspot").isEmpty());
        WebhookReceiver.Received post = receiver.received("hubspot").get(0);
        String timestamp = post.header("X-HubSpot-Request-Timestamp");
        // §9.3, computed here independently: Base64(HMAC-SHA256(secret, method + uri + body + timestamp)).
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(
                ("POST" + receiverUrl("hubspot") + post.body() + timestamp).getBytes(StandardCharsets.UTF_8)));
        assertThat(post.header("X-HubSpot-Signature-v3")).isEqualTo(expected);
        assertThat(Long.parseLong(timestamp)).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(60_000L));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> events = (List<Map<String, Object>>) sandbox.parse(post.body());
        assertThat(events).hasSize(1);
        assertThat(events.get(0)).containsEntry("subscriptionType", "contact.creation").containsEntry("portalId", 62515)
                .containsEntry("attemptNumber", 0).containsKeys("eventId", "subscriptionId", "occurredAt", "changeSource");
        assertThat(((Number) events.get(0).get("objectId")).longValue()).isEqualTo(Long.parseLong(id));
    }

    @Test
    void shouldBatchPropertyChangesOfOneWriteAndFireForUserEditsToo() {
        sandbox.post("/_sandbox/webhooks/hubspot", "{\"url\":\"" + receiverUrl("hubspot") + "\",\"clientSecret\":\"" + APP_SECRET + "\"}");
        String id = (String) sandbox.post("/crm/v3/objects/contacts", "{\"properties\":{\"email\":\"p@b.com\"}}", AUTH).map().get("id");
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received("hubspot").size() == 1);

        sandbox.patch("/crm/v3/objects/contacts/" + id, "{\"properties\":{\"firstname\":\"P\",\"lastname\":\"Q\"}}", AUTH);
        sandbox.patch("/_sandbox/hubspot/contacts/" + id, "{\"properties\":{\"email\":\"new@x.com\"}}");
        sandbox.delete("/crm/v3/objects/contacts/" + id, AUTH);

        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received("hubspot").size() == 4);
        List<List<Map<String, Object>>> batches = receiver.received("hubspot").stream().map(r -> events(r)).toList();
        assertThat(batches.get(1)).extracting(e -> e.get("propertyName")).containsExactly("firstname", "lastname");
        assertThat(batches.get(2).get(0)).containsEntry("subscriptionType", "contact.propertyChange")
                .containsEntry("propertyName", "email").containsEntry("propertyValue", "new@x.com").containsEntry("changeSource", "CRM_UI");
        assertThat(batches.get(3).get(0)).containsEntry("subscriptionType", "contact.deletion");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> events(WebhookReceiver.Received received) {
        return (List<Map<String, Object>>) sandbox.parse(received.body());
    }
}
