package io.zsync.sandbox.admin;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.zsync.sandbox.support.Reply;
import io.zsync.sandbox.support.SandboxTestBase;
import org.junit.jupiter.api.Test;

import java.util.List;
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
