package io.zsync.sandbox.admin;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.zsync.sandbox.support.Reply;
import io.zsync.sandbox.support.SandboxTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin fault rules: each kind, in each product's envelope, at the asked rate, never on /_sandbox. */
@MicronautTest
class FaultInjectionTest extends SandboxTestBase {

    static final String CRM_LIST = "/crm/v8/Leads?fields=Last_Name"; // a cheap CRM read (204 when healthy)
    static final int CALLS = 300; // enough calls that a 30% rate shows as 30% ± 8 points

    private String auth;

    @BeforeEach
    void token() {
        auth = sandbox.zohoToken();
    }

    @Test
    void shouldInjectRateLimitsAtTheAskedRateAndCountThem() {
        Reply rule = sandbox.post("/_sandbox/faults", "{\"product\":\"crm\",\"kind\":\"RATE_LIMIT\",\"rate\":0.3,\"retryAfterSeconds\":1}");

        int limited = 0;
        for (int i = 0; i < CALLS; i++) {
            Reply reply = sandbox.get(CRM_LIST, "Authorization", auth);
            if (reply.status() == 429) {
                limited++;
                assertThat(reply.header("Retry-After")).isEqualTo("1");
                assertThat(reply.map()).containsEntry("code", "TOO_MANY_REQUESTS");
            } else {
                assertThat(reply.status()).isEqualTo(204);
            }
        }

        assertThat(rule.status()).isEqualTo(201);
        assertThat(limited).isBetween((int) (CALLS * 0.22), (int) (CALLS * 0.38));
        Map<String, Object> crm = crmCounters();
        assertThat(crm).containsEntry("calls", CALLS).containsEntry("rateLimited", limited).containsEntry("faultsInjected", limited);
    }

    @Test
    void shouldAnswerServerErrorsInEachProductsEnvelope() {
        sandbox.post("/_sandbox/faults", "{\"product\":\"*\",\"kind\":\"SERVER_ERROR\",\"rate\":1}");

        Reply crm = sandbox.get(CRM_LIST, "Authorization", auth);
        Reply books = sandbox.get("/books/v3/contacts?organization_id=10234695", "Authorization", auth);
        Reply desk = sandbox.get("/api/v1/tickets", "Authorization", auth, "orgId", "54983163");
        Reply admin = sandbox.get("/_sandbox/calls");

        assertThat(crm.status()).isEqualTo(500);
        assertThat(crm.map()).containsEntry("code", "INTERNAL_ERROR");
        assertThat(books.status()).isEqualTo(500);
        assertThat(((Number) books.map().get("code")).intValue()).isNotZero();
        assertThat(desk.status()).isEqualTo(500);
        assertThat(desk.map()).containsKey("errorCode");
        assertThat(admin.status()).isEqualTo(200);
    }

    @Test
    void shouldDelayWithLatencyAndTimeOutWith504() {
        sandbox.post("/_sandbox/faults", "{\"product\":\"crm\",\"kind\":\"LATENCY\",\"rate\":1,\"latencyMs\":300,\"count\":1}");
        long started = System.nanoTime();
        Reply slow = sandbox.get(CRM_LIST, "Authorization", auth);
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        sandbox.post("/_sandbox/faults", "{\"product\":\"books\",\"kind\":\"TIMEOUT\",\"rate\":1,\"latencyMs\":200,\"count\":1}");
        Reply timedOut = sandbox.get("/books/v3/contacts?organization_id=10234695", "Authorization", auth);
        Reply after = sandbox.get("/books/v3/contacts?organization_id=10234695", "Authorization", auth);

        assertThat(slow.status()).isEqualTo(204);
        assertThat(tookMs).isGreaterThanOrEqualTo(300);
        assertThat(timedOut.status()).isEqualTo(504);
        assertThat(after.status()).isEqualTo(200);
        assertThat(sandbox.get("/_sandbox/faults").list("rules")).isEmpty();
    }

    @Test
    void shouldStopInjectingOnceRulesAreCleared() {
        sandbox.post("/_sandbox/faults", "{\"product\":\"crm\",\"kind\":\"RATE_LIMIT\",\"rate\":1}");
        assertThat(sandbox.get(CRM_LIST, "Authorization", auth).status()).isEqualTo(429);

        Reply cleared = sandbox.delete("/_sandbox/faults");

        assertThat(cleared.map()).containsEntry("cleared", 1);
        assertThat(sandbox.get(CRM_LIST, "Authorization", auth).status()).isEqualTo(204);
    }

    @Test
    void shouldRejectAnUnknownKind() {
        Reply reply = sandbox.post("/_sandbox/faults", "{\"product\":\"crm\",\"kind\":\"MELTDOWN\",\"rate\":1}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.map()).containsKey("error");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> crmCounters() {
        return (Map<String, Object>) ((Map<String, Object>) sandbox.get("/_sandbox/calls").map().get("products")).get("crm");
    }
}
