package io.zsync.sandbox.admin;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.zsync.sandbox.support.Reply;
import io.zsync.sandbox.support.SandboxTestBase;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin API's counters, reset and clock: what benchmarks and test suites rely on between runs. */
@MicronautTest
class AdminStateTest extends SandboxTestBase {

    @Test
    void shouldCountCallsPerProductAndEndpointTemplate() {
        String auth = sandbox.zohoToken();
        String id = (String) ((Map<?, ?>) sandbox.post("/crm/v8/Leads", "{\"data\":[{\"Last_Name\":\"L\"}]}", "Authorization", auth)
                .data(0).get("details")).get("id");
        sandbox.get("/crm/v8/Leads/" + id, "Authorization", auth);
        sandbox.get("/crm/v8/Leads/" + id, "Authorization", auth);
        sandbox.get("/books/v3/contacts?organization_id=10234695", "Authorization", auth);

        Map<String, Object> calls = sandbox.get("/_sandbox/calls").map();

        Map<?, ?> products = (Map<?, ?>) calls.get("products");
        Map<?, ?> crm = (Map<?, ?>) products.get("crm");
        assertThat(crm.get("calls")).isEqualTo(3);
        assertThat((Map<String, Object>) crm.get("endpoints")).containsEntry("GET /crm/v8/Leads/{id}", 2)
                .containsEntry("POST /crm/v8/Leads", 1);
        assertThat(((Map<?, ?>) products.get("books")).get("calls")).isEqualTo(1);
        assertThat(products.keySet().stream().map(String::valueOf).toList()).containsExactlyInAnyOrder("crm", "books");
        assertThat((Map<String, Object>) calls.get("total")).containsEntry("calls", 4);

        sandbox.delete("/_sandbox/calls");
        assertThat((Map<String, Object>) sandbox.get("/_sandbox/calls").map().get("total")).containsEntry("calls", 0);
    }

    @Test
    void shouldDropDataButKeepSubscriptionsOnAPlainReset() {
        String auth = sandbox.zohoToken();
        sandbox.post("/crm/v8/Leads", "{\"data\":[{\"Last_Name\":\"L\"}]}", "Authorization", auth);
        sandbox.post("/_sandbox/webhooks/desk", "{\"url\":\"" + receiverUrl("desk") + "\"}");

        sandbox.reset(false);
        Reply leads = sandbox.get("/crm/v8/Leads?fields=Last_Name", "Authorization", auth);
        int deskSubscriptions = sandbox.get("/_sandbox/webhooks").list("desk").size();
        sandbox.reset(true);

        assertThat(leads.status()).isEqualTo(204);
        assertThat(deskSubscriptions).isEqualTo(1);
        assertThat(sandbox.get("/_sandbox/webhooks").list("desk")).isEmpty();
    }

    @Test
    void shouldAnswerHealthWithoutCountingIt() {
        Reply health = sandbox.get("/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat((Map<String, Object>) sandbox.get("/_sandbox/calls").map().get("total")).containsEntry("calls", 0);
    }

    @Test
    void shouldTakeNumbersSentAsTextInTheAdminApi() {
        Reply subscription = sandbox.post("/_sandbox/webhooks/hubspot", "{\"url\":\"" + receiverUrl("h")
                + "\",\"clientSecret\":\"s\",\"portalId\":\"62515\"}");
        Reply notANumber = sandbox.post("/_sandbox/webhooks/hubspot", "{\"url\":\"" + receiverUrl("h")
                + "\",\"clientSecret\":\"s\",\"portalId\":\"sixty\"}");

        assertThat(subscription.status()).isEqualTo(201);
        assertThat(subscription.map()).containsEntry("portalId", 62515);
        assertThat(notANumber.status()).isEqualTo(400);
    }

    @Test
    void shouldMoveTheClockForwardOnly() {
        Reply advanced = sandbox.post("/_sandbox/clock/advance", "{\"seconds\":90}");
        Reply backwards = sandbox.post("/_sandbox/clock/advance", "{\"seconds\":-5}");

        assertThat(advanced.map()).containsEntry("offsetSeconds", 90);
        assertThat(backwards.status()).isEqualTo(400);
    }

    @Test
    void shouldSeedCrmRecordsSilently() {
        sandbox.post("/crm/v8/actions/watch", "{\"watch\":[{\"channel_id\":\"1\",\"events\":[\"Contacts.all\"],\"notify_url\":\""
                + receiverUrl("seed") + "\"}]}", "Authorization", sandbox.zohoToken());

        Reply seeded = sandbox.post("/_sandbox/seed", "{\"crm\":{\"Contacts\":[{\"Last_Name\":\"Seeded\"}]},"
                + "\"books\":{\"contacts\":[{\"contact_name\":\"Seeded Co\"}]}}");

        assertThat(seeded.status()).isEqualTo(201);
        assertThat(sandbox.get("/crm/v8/Contacts?fields=Last_Name", "Authorization", sandbox.zohoToken()).data(0))
                .containsEntry("Last_Name", "Seeded");
        assertThat(sandbox.deliveries("crm")).isEmpty();
    }
}
