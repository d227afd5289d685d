package io.zsync.externalsync.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.zsync.contract.SyncCompleted;
import io.zsync.contract.TargetAction;
import io.zsync.testing.RealKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.zsync.externalsync.it.Completions.CRM_FLOW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * HubSpot answers a storm of 429s (injected at the sandbox) while 30 new CRM contacts arrive: every contact still
 * ends in HubSpot exactly once (no duplicate from a retried create), retries honour Retry-After, and the only 429s
 * HubSpot ever answered are the injected ones: the client's budget keeps the service under HubSpot's rolling
 * burst limit by itself.
 */
@RealKafka
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitStormIT implements TestPropertyProvider {

    private static final int CONTACTS = 30;
    private final Completions completions = new Completions();

    @Override
    public Map<String, String> getProperties() {
        return Sandbox.serviceProperties();
    }

    @AfterAll
    void close() {
        completions.close();
        Sandbox.clearFaults();
    }

    @Test
    void shouldSyncEveryContactOnceThroughA429Storm() {
        Sandbox.resetCalls();
        Sandbox.injectFaults("""
                {"product":"hubspot","kind":"RATE_LIMIT","rate":0.5,"count":25,"retryAfterSeconds":1}""");
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> crmIds = new ArrayList<>();
        Map<String, String> emailOf = new HashMap<>();
        for (int i = 0; i < CONTACTS; i++) {
            String email = "storm-" + run + "-" + i + "@example.com";
            String id = Sandbox.createCrmContact(Map.of("First_Name", "Storm", "Last_Name", "Contact " + i, "Email", email));
            crmIds.add(id);
            emailOf.put(id, email);
        }

        completions.await(Duration.ofMinutes(3), () -> completions.succeededOnce(CRM_FLOW, crmIds) == CONTACTS,
                crmIds.toArray(String[]::new));

        Set<String> hubspotIds = new HashSet<>();
        int retried = 0;
        for (String id : crmIds) {
            SyncCompleted done = completions.succeeded(CRM_FLOW, id).get(0);
            hubspotIds.add(Completions.target(done, "contacts", TargetAction.CREATED));
            retried += done.getAttempts() > 1 ? 1 : 0;
        }
        assertThat(hubspotIds).hasSize(CONTACTS);
        assertThat(retried).as("some syncs met an injected 429 and were retried").isPositive();
        // exactly one HubSpot contact per e-mail: a create refused with 429 created nothing, a retry created it once
        Map<String, Integer> perEmail = new HashMap<>();
        for (JsonNode contact : allHubSpotContacts()) {
            String email = contact.path("properties").path("email").asText("");
            if (email.startsWith("storm-" + run + "-")) {
                perEmail.merge(email, 1, Integer::sum);
            }
        }
        assertThat(perEmail).hasSize(CONTACTS).allSatisfy((email, n) -> assertThat(n).as(email).isEqualTo(1));
        JsonNode hubspot = Sandbox.calls().path("products").path("hubspot");
        assertThat(hubspot.path("faultsInjected").asLong()).isPositive();
        assertThat(hubspot.path("rateLimited").asLong()).as(hubspot.toString())
                .isEqualTo(hubspot.path("faultsInjected").asLong());
    }

    private static List<JsonNode> allHubSpotContacts() {
        List<JsonNode> all = new ArrayList<>();
        String after = "";
        do {
            JsonNode page = Sandbox.stack().hubspot("GET", "/crm/v3/objects/contacts?limit=100&properties=email"
                    + (after.isEmpty() ? "" : "&after=" + after), null);
            page.path("results").forEach(all::add);
            after = page.path("paging").path("next").path("after").asText("");
        } while (!after.isEmpty());
        return all;
    }
}
