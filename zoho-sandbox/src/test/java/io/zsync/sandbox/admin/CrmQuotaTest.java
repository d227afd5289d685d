package io.zsync.sandbox.admin;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.zsync.sandbox.support.Reply;
import io.zsync.sandbox.support.SandboxTestBase;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** zoho-api.md §3.13: CRM's 24-hour credit budget and concurrency gate answer 429 TOO_MANY_REQUESTS. */
@MicronautTest
@Property(name = "sandbox.crm.credits-per-day", value = "5")   // a tiny budget so the sixth call exceeds it
@Property(name = "sandbox.crm.max-concurrency", value = "1")   // one call in flight at a time
class CrmQuotaTest extends SandboxTestBase {

    @Test
    void shouldRefuseCallsOnceTheDailyCreditsAreSpentUntilTheWindowRolls() {
        String auth = sandbox.zohoToken();
        for (int i = 0; i < 5; i++) {
            assertThat(sandbox.get("/crm/v8/Leads?fields=Last_Name", "Authorization", auth).status()).isEqualTo(204);
        }

        Reply refused = sandbox.get("/crm/v8/Leads?fields=Last_Name", "Authorization", auth);
        sandbox.post("/_sandbox/clock/advance", "{\"seconds\":86401}");
        Reply nextDay = sandbox.get("/crm/v8/Leads?fields=Last_Name", "Authorization", sandbox.zohoToken());

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.map()).containsEntry("code", "TOO_MANY_REQUESTS").containsEntry("status", "error");
        assertThat(nextDay.status()).isEqualTo(204);
    }

    @Test
    void shouldCountOnlyTheProductsOwnLimitsAsThrottled() {
        String auth = sandbox.zohoToken();
        sandbox.post("/_sandbox/faults", "{\"product\":\"crm\",\"kind\":\"RATE_LIMIT\",\"rate\":1,\"count\":2}");
        for (int i = 0; i < 2; i++) {
            assertThat(sandbox.get("/crm/v8/Leads?fields=Last_Name", "Authorization", auth).status()).isEqualTo(429); // injected
        }
        for (int i = 0; i < 5; i++) {
            assertThat(sandbox.get("/crm/v8/Leads?fields=Last_Name", "Authorization", auth).status()).isEqualTo(204);
        }

        Reply refused = sandbox.get("/crm/v8/Leads?fields=Last_Name", "Authorization", auth); // the budget's own

        assertThat(refused.status()).isEqualTo(429);
        Map<String, Object> crm = crmCounters();
        assertThat(crm).containsEntry("calls", 8).containsEntry("rateLimited", 3).containsEntry("throttled", 1)
                .containsEntry("faultsInjected", 2).containsEntry("faultsByKind", Map.of("RATE_LIMIT", 2));
        assertThat(sandbox.get("/_sandbox/calls").map().get("total")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("rateLimited", 3).containsEntry("throttled", 1);
    }

    @Test
    void shouldServeAPersonInTheUiWithoutCountingFaultingOrThrottling() {
        String auth = sandbox.zohoToken();
        for (int i = 0; i < 5; i++) {
            sandbox.get("/crm/v8/Leads?fields=Last_Name", "Authorization", auth);
        }
        sandbox.post("/_sandbox/faults", "{\"product\":\"crm\",\"kind\":\"SERVER_ERROR\",\"rate\":1}");

        Reply person = sandbox.post("/crm/v8/Leads", "{\"data\":[{\"Last_Name\":\"Ui\"}]}",
                "Authorization", auth, "X-Sandbox-Person", "true");
        Reply noToken = sandbox.get("/crm/v8/Leads?fields=Last_Name", "X-Sandbox-Person", "true");

        assertThat(person.status()).isEqualTo(201); // budget spent and every API call faulted, yet served
        assertThat(noToken.status()).isEqualTo(401); // still authenticated like any Zoho user
        assertThat(crmCounters()).containsEntry("calls", 5).containsEntry("faultsInjected", 0);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> crmCounters() {
        return (Map<String, Object>) ((Map<String, Object>) sandbox.get("/_sandbox/calls").map().get("products")).get("crm");
    }

    @Test
    void shouldRefuseASecondConcurrentCall() {
        String auth = sandbox.zohoToken();
        sandbox.post("/_sandbox/faults", "{\"product\":\"crm\",\"kind\":\"LATENCY\",\"rate\":1,\"latencyMs\":1500,\"count\":1}");

        CompletableFuture<Reply> slow = CompletableFuture.supplyAsync(
                () -> sandbox.get("/crm/v8/Leads?fields=Last_Name", "Authorization", auth));
        org.awaitility.Awaitility.await().until(() -> sandbox.get("/_sandbox/faults").list("rules").isEmpty());
        Reply concurrent = sandbox.get("/crm/v8/Leads?fields=Last_Name", "Authorization", auth);

        assertThat(List.of(slow.join().status(), concurrent.status())).containsExactly(204, 429);
    }
}
