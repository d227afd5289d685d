package io.zsync.externalsync.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.zsync.contract.SyncCompleted;
import io.zsync.contract.SyncStatus;
import io.zsync.contract.SystemId;
import io.zsync.contract.TargetAction;
import io.zsync.testing.RealKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.zsync.externalsync.it.Completions.CRM_FLOW;
import static io.zsync.externalsync.it.Completions.EXTERNAL_FLOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Both sides emit webhooks for every write, ours included. A sequence of real changes on alternating sides
 * converges, and each real change costs exactly one write to the other side (plus the one-time id write-back
 * when the pair is linked): no write ever triggers another, counted both from the service's completions and
 * at the sandbox.
 */
@RealKafka
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoWayLoopIT implements TestPropertyProvider {

    private final Completions completions = new Completions();

    @Override
    public Map<String, String> getProperties() {
        return Sandbox.serviceProperties();
    }

    @AfterAll
    void close() {
        completions.close();
    }

    private long writes(String crmId, String hubspotId, SystemId system) {
        return java.util.stream.Stream.concat(completions.of(CRM_FLOW, crmId).stream(),
                        completions.of(EXTERNAL_FLOW, hubspotId).stream())
                .filter(c -> c.getStatus() == SyncStatus.SUCCEEDED)
                .flatMap(c -> c.getTargets().stream())
                .filter(t -> t.getSystem() == system)
                .filter(t -> t.getAction() == TargetAction.CREATED || t.getAction() == TargetAction.UPDATED
                        || t.getAction() == TargetAction.DELETED)
                .count();
    }

    private static long sandboxWrites(String product, String endpointPrefix) {
        long n = 0;
        JsonNode endpoints = Sandbox.calls().path("products").path(product).path("endpoints");
        for (var it = endpoints.fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getKey().startsWith(endpointPrefix)) {
                n += e.getValue().asLong();
            }
        }
        return n;
    }

    /** Waits until neither flow reports anything new for these records for a few seconds. */
    private void settle(String crmId, String hubspotId) {
        int[] last = {-1};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            int now = completions.of(CRM_FLOW, crmId).size() + completions.of(EXTERNAL_FLOW, hubspotId).size();
            boolean stable = now == last[0];
            last[0] = now;
            return stable;
        });
    }

    @Test
    void shouldConvergeWithOneWritePerRealChange() {
        String email = "loop-" + UUID.randomUUID() + "@example.com";
        String crmId = Sandbox.createCrmContact(Map.of("First_Name", "Lou", "Last_Name", "Park", "Email", email));
        completions.await(Duration.ofSeconds(60), () -> completions.succeeded(CRM_FLOW, crmId).size() == 1, crmId);
        String hubspotId = Completions.target(completions.succeeded(CRM_FLOW, crmId).get(0), "contacts", TargetAction.CREATED);
        settle(crmId, hubspotId);
        assertThat(writes(crmId, hubspotId, SystemId.HUBSPOT)).isEqualTo(1);   // the creation
        assertThat(writes(crmId, hubspotId, SystemId.ZOHO_CRM)).isEqualTo(1);  // the id write-back

        Sandbox.resetCalls();
        // three more real changes, alternating sides, each waited for
        Sandbox.updateCrmContact(crmId, Map.of("Phone", "555-0400"));
        completions.await(Duration.ofSeconds(60), () -> completions.succeeded(CRM_FLOW, crmId).size() == 2, crmId, hubspotId);
        settle(crmId, hubspotId);
        // a person's edit of two properties: HubSpot sends one notification per property
        Instant personEditFrom = Instant.now();
        Sandbox.userEditsHubSpotContact(hubspotId, Map.of("firstname", "Louise", "company", "Loop Works " + crmId));
        completions.await(Duration.ofSeconds(60), () -> completions.succeeded(EXTERNAL_FLOW, hubspotId).size() == 1,
                crmId, hubspotId);
        settle(crmId, hubspotId);
        Instant personEditTo = Instant.now();
        Sandbox.updateCrmContact(crmId, Map.of("Last_Name", "Parker"));
        completions.await(Duration.ofSeconds(60), () -> completions.succeeded(CRM_FLOW, crmId).size() == 3, crmId, hubspotId);
        settle(crmId, hubspotId);

        assertThat(writes(crmId, hubspotId, SystemId.HUBSPOT)).as(completions.describe(crmId, hubspotId)).isEqualTo(3);
        assertThat(writes(crmId, hubspotId, SystemId.ZOHO_CRM)).as(completions.describe(crmId, hubspotId)).isEqualTo(2);
        // at the sandbox: two HubSpot updates by the service (the HubSpot edit was a person's, in the UI) and
        // three CRM updates (two by the test as the CRM user, one by the service)
        assertThat(sandboxWrites("hubspot", "PATCH")).isEqualTo(2);
        assertThat(sandboxWrites("hubspot", "POST /crm/v3/objects/contacts")
                - sandboxWrites("hubspot", "POST /crm/v3/objects/contacts/search")).isZero();
        assertThat(sandboxWrites("crm", "PUT")).isEqualTo(3);
        // every notification our writes caused ended SKIPPED as our own, never SUCCEEDED
        Predicate<SyncCompleted> personEdit = c -> c.getEventReceivedAt() != null
                && !c.getEventReceivedAt().isBefore(personEditFrom) && c.getEventReceivedAt().isBefore(personEditTo);
        List<SyncCompleted> skipped = completions.skipped(EXTERNAL_FLOW, hubspotId);
        assertThat(skipped).as(completions.describe(crmId, hubspotId)).allSatisfy(c -> assertThat(c.getEventReceivedAt()).isNotNull());
        assertThat(skipped.stream().filter(personEdit.negate()).toList()).as(completions.describe(crmId, hubspotId))
                .isNotEmpty().allSatisfy(c -> assertThat(c.getSkipReason()).matches("(own write|superseded).*"));
        // the person's edit: one notification synced it, the other found it synced already (in the same poll
        // batch: superseded; in a later one: unchanged since that sync), whichever way Kafka batched them
        assertThat(skipped.stream().filter(personEdit).toList()).as(completions.describe(crmId, hubspotId))
                .singleElement().satisfies(c -> assertThat(c.getSkipReason())
                        .matches("(superseded|no synced field changed on the external contact).*"));
        // both sides hold the same contact
        JsonNode crm = Sandbox.crmContact(crmId).orElseThrow();
        JsonNode hub = Sandbox.hubspotContact(hubspotId).orElseThrow();
        assertThat(crm.get("First_Name").asText()).isEqualTo("Louise").isEqualTo(hub.get("firstname").asText());
        assertThat(crm.get("Last_Name").asText()).isEqualTo("Parker").isEqualTo(hub.get("lastname").asText());
        assertThat(crm.get("Phone").asText()).isEqualTo("555-0400").isEqualTo(hub.get("phone").asText());
        assertThat(crm.get("Account_Name").get("name").asText()).isEqualTo(hub.get("company").asText());
    }
}
