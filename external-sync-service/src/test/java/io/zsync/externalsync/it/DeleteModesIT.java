package io.zsync.externalsync.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.zsync.contract.SyncStatus;
import io.zsync.contract.TargetAction;
import io.zsync.externalsync.batch.BatchLeadership;
import io.zsync.externalsync.batch.CrmContactBatch;
import io.zsync.testing.RealKafka;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.zsync.externalsync.it.Completions.CRM_FLOW;
import static io.zsync.externalsync.it.Completions.EXTERNAL_FLOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The softer deletion modes: a CRM deletion only marks the HubSpot contact ({@code on-crm-delete: MARK}) and a
 * HubSpot deletion only unlinks the CRM contact ({@code on-external-delete: UNLINK}); the survivor is no longer
 * synced as part of the old pair, and a kept CRM contact starts a new pair only when a person changes it.
 */
@RealKafka
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeleteModesIT implements TestPropertyProvider {

    private final Completions completions = new Completions();

    @Inject
    CrmContactBatch batch;
    @Inject
    BatchLeadership leadership;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = Sandbox.serviceProperties();
        p.put("zsync.external-sync.orgs.dev.on-crm-delete", "MARK");
        p.put("zsync.external-sync.orgs.dev.on-external-delete", "UNLINK");
        return p;
    }

    @AfterAll
    void close() {
        completions.close();
    }

    @Test
    void shouldMarkTheHubSpotContactWhenTheCrmContactIsDeleted() {
        String crmId = Sandbox.createCrmContact(Map.of("First_Name", "Mark", "Last_Name", "Ed",
                "Email", "mark-" + UUID.randomUUID() + "@example.com"));
        completions.await(Duration.ofSeconds(60), () -> completions.succeeded(CRM_FLOW, crmId).size() == 1, crmId);
        String hubspotId = Completions.target(completions.succeeded(CRM_FLOW, crmId).get(0), "contacts", TargetAction.CREATED);
        completions.await(Duration.ofSeconds(30), () -> completions.of(EXTERNAL_FLOW, hubspotId).size() == 1, crmId, hubspotId);

        Sandbox.deleteCrmContact(crmId);

        completions.await(Duration.ofSeconds(60), () -> completions.succeeded(CRM_FLOW, crmId).size() == 2, crmId, hubspotId);
        JsonNode kept = Sandbox.hubspotContact(hubspotId).orElseThrow();
        assertThat(kept.get("zoho_deleted").asText()).isEqualTo("true");
        assertThat(kept.get("zoho_contact_id").isNull() || kept.get("zoho_contact_id").asText().isEmpty()).isTrue();
        // later edits of the marked contact do not bring a CRM contact back
        Sandbox.userEditsHubSpotContact(hubspotId, Map.of("phone", "555-0800"));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30)).until(() ->
                completions.of(EXTERNAL_FLOW, hubspotId).size() >= 2
                        && completions.succeeded(EXTERNAL_FLOW, hubspotId).isEmpty());
        assertThat(completions.of(EXTERNAL_FLOW, hubspotId)).allSatisfy(c -> assertThat(c.getStatus()).isEqualTo(SyncStatus.SKIPPED));
    }

    @Test
    void shouldUnlinkTheCrmContactWhenTheHubSpotContactIsDeleted() {
        Batches.runToEnd(batch, leadership, Duration.ofMinutes(3)); // the next run lists only what changes from here on
        String email = "unlink-" + UUID.randomUUID() + "@example.com";
        String hubspotId = Sandbox.userCreatesHubSpotContact(Map.of("firstname", "Una", "lastname", "Link",
                "email", email));
        completions.await(Duration.ofSeconds(60), () -> completions.succeeded(EXTERNAL_FLOW, hubspotId).size() == 1, hubspotId);
        String crmId = Completions.target(completions.succeeded(EXTERNAL_FLOW, hubspotId).get(0), "Contacts", TargetAction.CREATED);

        Sandbox.userDeletesHubSpotContact(hubspotId);

        completions.await(Duration.ofSeconds(60), () -> completions.succeeded(EXTERNAL_FLOW, hubspotId).size() == 2,
                crmId, hubspotId);
        JsonNode kept = Sandbox.crmContact(crmId).orElseThrow();
        assertThat(kept.get("External_System_ID").isNull()).isTrue();
        assertThat(kept.get("Last_Name").asText()).isEqualTo("Link");

        // the kept contact's notifications (the late echo of its creation, the batch that lists the unlink as a
        // change) do not start a new pair: that would bring back the contact the user deleted from HubSpot
        Map<String, Object> run = Batches.runToEnd(batch, leadership, Duration.ofSeconds(120));
        assertThat((Integer) run.get("handedOver")).isGreaterThanOrEqualTo(1);
        completions.await(Duration.ofSeconds(60), () -> completions.of(CRM_FLOW, crmId).stream()
                .anyMatch(c -> c.getSkipReason() != null && c.getSkipReason().contains("unlinked")), crmId, hubspotId);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30)).until(() ->
                completions.succeeded(CRM_FLOW, crmId).isEmpty());
        assertThat(Sandbox.hubspotContactsByEmail(email)).isEmpty();
        assertThat(Sandbox.crmContact(crmId).orElseThrow().get("External_System_ID").isNull()).isTrue();

        // a person's change does: the contact is synced again, as a new pair
        Sandbox.updateCrmContact(crmId, Map.of("Phone", "555-0900"));
        completions.await(Duration.ofSeconds(60), () -> completions.succeeded(CRM_FLOW, crmId).size() == 1, crmId);
        String newPartner = Completions.target(completions.succeeded(CRM_FLOW, crmId).get(0), "contacts", TargetAction.CREATED);
        assertThat(newPartner).isNotEqualTo(hubspotId);
        assertThat(Sandbox.hubspotContact(newPartner).orElseThrow().get("phone").asText()).isEqualTo("555-0900");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                newPartner.equals(Sandbox.crmContact(crmId).orElseThrow().path("External_System_ID").asText()));
    }
}
