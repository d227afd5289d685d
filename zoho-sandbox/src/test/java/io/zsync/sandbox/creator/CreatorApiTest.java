package io.zsync.sandbox.creator;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.zsync.sandbox.support.Reply;
import io.zsync.sandbox.support.SandboxTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** zoho-api.md §8: Creator v2.1 records with code 3000 envelopes, and the order webhook of §8.1. */
@MicronautTest
class CreatorApiTest extends SandboxTestBase {

    static final String REPORT = "/creator/v2.1/data/zsync_demo/order-management/report/All_Orders/"; // configured names
    static final String SECRET = "creator-shared-secret"; // what the Deluge script would put in its header

    private String auth;

    @BeforeEach
    void token() {
        auth = sandbox.zohoToken();
    }

    @Test
    void shouldSubmitAnOrderFireTheWebhookAndServeTheRecord() {
        sandbox.post("/_sandbox/webhooks/creator", "{\"url\":\"" + receiverUrl("creator") + "\",\"headerName\":\"X-Webhook-Secret\","
                + "\"secret\":\"" + SECRET + "\"}");

        Reply order = sandbox.post("/_sandbox/creator/orders", "{\"Order_Number\":\"SO-1\",\"Email\":\"a@b.com\",\"Total_Amount\":12000}");
        String id = (String) order.map().get("ID");

        await().atMost(Duration.ofSeconds(5)).until(() -> !receiver.received("creator").isEmpty());
        var post = receiver.received("creator").get(0);
        assertThat(post.header("X-Webhook-Secret")).isEqualTo(SECRET);
        assertThat((Map<String, Object>) sandbox.parse(post.body())).containsEntry("event", "order.submitted")
                .containsEntry("record_id", id);
        Reply record = sandbox.get(REPORT + id, "Authorization", auth);
        assertThat(record.map()).containsEntry("code", 3000);
        assertThat((Map<String, Object>) record.map().get("data")).containsEntry("ID", id).containsEntry("Order_Number", "SO-1");
    }

    @Test
    void shouldUpdateARecordAndEchoTheRequestedFields() {
        String id = (String) sandbox.post("/_sandbox/creator/orders", "{\"Order_Number\":\"SO-2\",\"Status\":\"New\"}").map().get("ID");

        Reply reply = sandbox.patch(REPORT + id, "{\"data\":{\"Status\":\"Processing\",\"CRM_Deal_ID\":\"5725767000000000001\"},"
                + "\"result\":{\"fields\":[\"Status\"],\"message\":true,\"tasks\":true}}", "Authorization", auth);

        assertThat(reply.map()).containsEntry("code", 3000).containsEntry("message", "Data Updated Successfully!")
                .containsEntry("data", Map.of("ID", id, "Status", "Processing"));
        assertThat((Map<String, Object>) sandbox.get(REPORT + id, "Authorization", auth).map().get("data"))
                .containsEntry("CRM_Deal_ID", "5725767000000000001");
    }

    @Test
    void shouldAnswerUnknownOwnersAndRecordsWithCreatorCodes() {
        Reply owner = sandbox.get("/creator/v2.1/data/someone/order-management/report/All_Orders/1", "Authorization", auth);
        Reply record = sandbox.get(REPORT + "3888833000000000001", "Authorization", auth);

        assertThat(owner.status()).isEqualTo(404);
        assertThat(owner.map()).containsEntry("code", 1040);
        assertThat(record.status()).isEqualTo(404);
        assertThat(((Number) record.map().get("code")).intValue()).isNotEqualTo(3000);
    }

    @Test
    void shouldAddThroughTheFormAndRunTheWorkflow() {
        sandbox.post("/_sandbox/webhooks/creator", "{\"url\":\"" + receiverUrl("form") + "\",\"secret\":\"" + SECRET + "\"}");

        Reply reply = sandbox.post("/creator/v2.1/data/zsync_demo/order-management/form/Order", "{\"data\":{\"Order_Number\":\"SO-3\"}}",
                "Authorization", auth);

        assertThat(reply.map()).containsEntry("code", 3000).containsEntry("message", "Data Added Successfully!");
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received("form").size() == 1);
    }
}
