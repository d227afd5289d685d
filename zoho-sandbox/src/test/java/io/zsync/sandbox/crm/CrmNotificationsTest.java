package io.zsync.sandbox.crm;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.zsync.sandbox.support.Reply;
import io.zsync.sandbox.support.SandboxTestBase;
import io.zsync.sandbox.support.WebhookReceiver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** zoho-api.md §4: notification channels and the callback JSON POSTed on every mutation. */
@MicronautTest
class CrmNotificationsTest extends SandboxTestBase {

    // §4.2 example token; ≤50 characters.
    static final String TOKEN = "TOKEN_FOR_VERIFICATION_OF_1000000068001";
    static final String CHANNEL = "1000000068001";

    private String auth;

    @BeforeEach
    void token() {
        auth = sandbox.zohoToken();
    }

    @Test
    void shouldAnswerASubscriptionWithTheDocumentedDetails() {
        Reply reply = subscribe(CHANNEL, "[\"Contacts.all\",\"Deals.edit\"]", receiverUrl("crm") + "?tenant=acme", TOKEN, null, false);

        assertThat(reply.status()).isEqualTo(200);
        Map<String, Object> element = reply.list("watch").get(0);
        assertThat(element).containsEntry("code", "SUCCESS").containsEntry("status", "success")
                .containsEntry("message", "Successfully subscribed for actions-watch of the given module");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> events = (List<Map<String, Object>>) ((Map<?, ?>) element.get("details")).get("events");
        assertThat(events).extracting(e -> e.get("resource_name")).containsExactly("Contacts", "Deals");
        assertThat(events.get(0)).containsEntry("channel_id", CHANNEL).containsKeys("channel_expiry", "resource_uri", "resource_id");
    }

    @Test
    void shouldPostTheInsertCallbackWithStringIdsTokenAndQueryParams() {
        subscribe(CHANNEL, "[\"Leads.all\"]", receiverUrl("crm") + "?tenant=acme", TOKEN, null, false);

        String id = CrmWritesTest.id(sandbox.post("/crm/v8/Leads", "{\"data\":[{\"Last_Name\":\"L\"}]}", "Authorization", auth));

        Map<String, Object> callback = awaitCallback("crm", 1).get(0);
        assertThat(callback).containsEntry("module", "Leads").containsEntry("operation", "insert")
                .containsEntry("ids", List.of(id)).containsEntry("channel_id", CHANNEL).containsEntry("token", TOKEN)
                .containsEntry("query_params", Map.of("tenant", "acme")).containsEntry("affected_fields", List.of());
        assertThat(callback.get("server_time")).isInstanceOf(Number.class);
        assertThat((String) callback.get("resource_uri")).endsWith("/crm/v2/Leads");
    }

    @Test
    void shouldReportChangedFieldsAndValuesOnUpdateWhenAsked() {
        String id = CrmWritesTest.id(sandbox.post("/crm/v8/Leads", "{\"data\":[{\"Last_Name\":\"L\"}]}", "Authorization", auth));
        subscribe(CHANNEL, "[\"Leads.edit\"]", receiverUrl("crm"), TOKEN, null, true);

        sandbox.put("/crm/v8/Leads/" + id, "{\"data\":[{\"Mobile\":\"123456789\"}]}", "Authorization", auth);

        Map<String, Object> callback = awaitCallback("crm", 1).get(0);
        assertThat(callback).containsEntry("operation", "update")
                .containsEntry("affected_fields", List.of(Map.of(id, List.of("Mobile"))))
                .containsEntry("affected_values", List.of(Map.of("record_id", id, "values", Map.of("Mobile", "123456789"))));
    }

    @Test
    void shouldReportDeletesAndOnlyToMatchingEvents() {
        String id = CrmWritesTest.id(sandbox.post("/crm/v8/Leads", "{\"data\":[{\"Last_Name\":\"L\"}]}", "Authorization", auth));
        subscribe("1", "[\"Leads.delete\"]", receiverUrl("deletes"), null, null, false);
        subscribe("2", "[\"Deals.all\",\"Leads.create\"]", receiverUrl("others"), null, null, false);

        sandbox.delete("/crm/v8/Leads/" + id, "Authorization", auth);
        sandbox.post("/crm/v8/Deals", "{\"data\":[{\"Deal_Name\":\"D\",\"Stage\":\"Qualification\"}]}", "Authorization", auth);

        assertThat(awaitCallback("deletes", 1).get(0)).containsEntry("operation", "delete").containsEntry("ids", List.of(id));
        assertThat(awaitCallback("others", 1).get(0)).containsEntry("module", "Deals");
        assertThat(receiver.received("deletes")).hasSize(1);
    }

    @Test
    void shouldStopCallingAChannelAfterItsExpiry() {
        subscribe(CHANNEL, "[\"Leads.all\"]", receiverUrl("expiring"), TOKEN, null, false);
        subscribe("2", "[\"Leads.all\"]", receiverUrl("control"), TOKEN,
                OffsetDateTime.now().plusDays(6).withNano(0).toString(), false);
        sandbox.post("/_sandbox/clock/advance", "{\"seconds\":3601}");
        auth = sandbox.zohoToken(); // the first token expired with the clock move

        sandbox.post("/crm/v8/Leads", "{\"data\":[{\"Last_Name\":\"L\"}]}", "Authorization", auth);

        awaitCallback("control", 1);
        assertThat(receiver.received("expiring")).isEmpty();
        assertThat(sandbox.get("/crm/v8/actions/watch", "Authorization", auth).list("watch"))
                .extracting(w -> w.get("channel_id")).containsExactly("2");
    }

    @Test
    void shouldDefaultAnExpiryBeyondAWeekToOneHour() {
        subscribe(CHANNEL, "[\"Leads.all\"]", receiverUrl("crm"), TOKEN, OffsetDateTime.now().plusDays(8).withNano(0).toString(), false);

        String expiry = (String) sandbox.get("/crm/v8/actions/watch", "Authorization", auth).list("watch").get(0).get("channel_expiry");

        assertThat(Duration.between(OffsetDateTime.now(), OffsetDateTime.parse(expiry)).toMinutes()).isBetween(58L, 61L);
    }

    @Test
    void shouldRejectALongTokenAndAMissingChannelIdWith207() {
        String longToken = "x".repeat(51);
        Reply reply = sandbox.post("/crm/v8/actions/watch", "{\"watch\":[{\"channel_id\":\"1\",\"events\":[\"Leads.all\"],"
                + "\"notify_url\":\"" + receiverUrl("crm") + "\",\"token\":\"" + longToken + "\"},"
                + "{\"events\":[\"Leads.all\"],\"notify_url\":\"" + receiverUrl("crm") + "\"},"
                + "{\"channel_id\":\"3\",\"events\":[\"Leads.all\"],\"notify_url\":\"" + receiverUrl("crm") + "\"}]}", "Authorization", auth);

        assertThat(reply.status()).isEqualTo(207);
        assertThat(reply.list("watch").get(0)).containsEntry("code", "INVALID_DATA");
        assertThat(reply.list("watch").get(1)).containsEntry("code", "MANDATORY_NOT_FOUND");
        assertThat(reply.list("watch").get(1).get("details")).isEqualTo(Map.of("api_name", "channel_id", "json_path", "$.watch[1].channel_id"));
        assertThat(reply.list("watch").get(2)).containsEntry("code", "SUCCESS");
    }

    @Test
    void shouldRenewAndDisableChannels() {
        subscribe(CHANNEL, "[\"Leads.all\"]", receiverUrl("crm"), TOKEN, null, false);
        String later = OffsetDateTime.now().plusDays(3).withNano(0).toString();

        Reply renewed = sandbox.patch("/crm/v8/actions/watch", "{\"watch\":[{\"channel_id\":\"" + CHANNEL + "\",\"channel_expiry\":\""
                + later + "\"}]}", "Authorization", auth);
        sandbox.post("/_sandbox/clock/advance", "{\"seconds\":7200}");
        auth = sandbox.zohoToken(); // the first token expired with the clock move
        Reply listed = sandbox.get("/crm/v8/actions/watch", "Authorization", auth);
        Reply disabled = sandbox.delete("/crm/v8/actions/watch?channel_ids=" + CHANNEL, "Authorization", auth);

        assertThat(renewed.list("watch").get(0)).containsEntry("code", "SUCCESS");
        assertThat(listed.list("watch")).hasSize(1);
        assertThat(disabled.list("watch").get(0)).containsEntry("message", "Successfully un-subscribed from actions-watch");
        assertThat(sandbox.get("/crm/v8/actions/watch", "Authorization", auth).status()).isEqualTo(204);
    }

    @Test
    void shouldDropTheNextCallbacksWhenAsked() {
        subscribe(CHANNEL, "[\"Leads.all\"]", receiverUrl("crm"), TOKEN, null, false);
        sandbox.post("/_sandbox/webhooks/drop", "{\"product\":\"crm\",\"count\":1}");

        sandbox.post("/crm/v8/Leads", "{\"data\":[{\"Last_Name\":\"lost\"}]}", "Authorization", auth);
        sandbox.post("/crm/v8/Leads", "{\"data\":[{\"Last_Name\":\"kept\"}]}", "Authorization", auth);

        awaitCallback("crm", 1);
        assertThat(sandbox.deliveries("crm")).extracting(d -> d.get("outcome")).contains("DROPPED", "DELIVERED");
        assertThat(receiver.received("crm")).hasSize(1);
    }

    @Test
    void shouldDropOnlyTheCallbackOfTheNamedRecordWhateverElseIsDelivered() {
        subscribe(CHANNEL, "[\"Leads.all\"]", receiverUrl("crm"), TOKEN, null, false);
        String lost = CrmWritesTest.id(sandbox.post("/crm/v8/Leads", "{\"data\":[{\"Last_Name\":\"lost\"}]}", "Authorization", auth));
        String kept = CrmWritesTest.id(sandbox.post("/crm/v8/Leads", "{\"data\":[{\"Last_Name\":\"kept\"}]}", "Authorization", auth));
        awaitCallback("crm", 2);

        Reply dropping = sandbox.post("/_sandbox/webhooks/drop", "{\"product\":\"crm\",\"count\":1,\"containing\":\"" + lost + "\"}");
        sandbox.put("/crm/v8/Leads/" + kept, "{\"data\":[{\"Last_Name\":\"kept 2\"}]}", "Authorization", auth);
        sandbox.put("/crm/v8/Leads/" + lost, "{\"data\":[{\"Last_Name\":\"lost 2\"}]}", "Authorization", auth);
        sandbox.put("/crm/v8/Leads/" + lost, "{\"data\":[{\"Last_Name\":\"lost 3\"}]}", "Authorization", auth);

        List<Map<String, Object>> callbacks = awaitCallback("crm", 4);
        assertThat(dropping.map()).containsEntry("pendingDrops", 1);
        assertThat(callbacks.subList(2, 4)).extracting(c -> c.get("ids")).containsExactly(List.of(kept), List.of(lost));
        assertThat(sandbox.deliveries("crm")).extracting(d -> d.get("outcome")).containsOnlyOnce("DROPPED");
        assertThat(sandbox.get("/_sandbox/webhooks/deliveries?limit=1").map().get("pendingDrops")).isEqualTo(Map.of());
    }

    @Test
    void shouldRefuseAnEmptyDropFilter() {
        Reply refused = sandbox.post("/_sandbox/webhooks/drop", "{\"product\":\"crm\",\"count\":1,\"containing\":\"\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.map()).containsKey("error");
    }

    @Test
    void shouldRetryACallbackTheReceiverFailed() {
        subscribe(CHANNEL, "[\"Leads.all\"]", receiverUrl("flaky"), TOKEN, null, false);
        receiver.answer("flaky", 503);

        sandbox.post("/crm/v8/Leads", "{\"data\":[{\"Last_Name\":\"L\"}]}", "Authorization", auth);
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received("flaky").size() >= 1);
        receiver.answer("flaky", 200);

        await().atMost(Duration.ofSeconds(5)).until(() -> sandbox.deliveries("crm").stream()
                .anyMatch(d -> "DELIVERED".equals(d.get("outcome"))));
        assertThat(sandbox.deliveries("crm")).extracting(d -> d.get("status")).contains(503, 200);
    }

    private Reply subscribe(String channel, String events, String url, String token, String expiry, boolean values) {
        StringBuilder element = new StringBuilder("{\"channel_id\":\"" + channel + "\",\"events\":" + events
                + ",\"notify_url\":\"" + url + "\",\"return_affected_field_values\":" + values);
        if (token != null) {
            element.append(",\"token\":\"").append(token).append('"');
        }
        if (expiry != null) {
            element.append(",\"channel_expiry\":\"").append(expiry).append('"');
        }
        return sandbox.post("/crm/v8/actions/watch", "{\"watch\":[" + element + "}]}", "Authorization", auth);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> awaitCallback(String name, int count) {
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received(name).size() >= count);
        return receiver.received(name).stream().map(WebhookReceiver.Received::body)
                .map(body -> (Map<String, Object>) sandbox.parse(body)).toList();
    }
}
