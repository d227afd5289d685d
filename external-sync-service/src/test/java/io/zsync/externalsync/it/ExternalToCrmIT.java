package io.zsync.externalsync.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.zsync.contract.SyncCompleted;
import io.zsync.contract.SyncStatus;
import io.zsync.contract.TargetAction;
import io.zsync.testing.RealKafka;
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
 * {@code external-contact-to-crm} end to end: a person creates, edits and deletes a contact in the HubSpot UI;
 * HubSpot's signed webhooks reach the service through the gateway; the CRM contact follows (with the HubSpot id,
 * and the company as an account), and the notifications our own CRM writes cause end SKIPPED.
 */
@RealKafka
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExternalToCrmIT implements TestPropertyProvider {

    private final Completions completions = new Completions();

    @Override
    public Map<String, String> getProperties() {
        return Sandbox.serviceProperties();
    }

    @AfterAll
    void close() {
        completions.close();
    }

    @Test
    void shouldCreateUpdateAndDeleteTheCrmContactAndSkipEveryEcho() {
        String email = "bo-" + UUID.randomUUID() + "@example.com";
        String company = "Zylker " + UUID.randomUUID();
        String hubspotId = Sandbox.userCreatesHubSpotContact(Map.of("firstname", "Bo", "lastname", "Lindqvist",
                "email", email, "phone", "555-0200", "company", company));

        completions.await(Duration.ofSeconds(60), () -> completions.succeeded(EXTERNAL_FLOW, hubspotId).size() == 1, hubspotId);
        SyncCompleted created = completions.succeeded(EXTERNAL_FLOW, hubspotId).get(0);
        String crmId = Completions.target(created, "Contacts", TargetAction.CREATED);
        JsonNode crm = Sandbox.crmContact(crmId).orElseThrow();
        assertThat(crm.get("First_Name").asText()).isEqualTo("Bo");
        assertThat(crm.get("Last_Name").asText()).isEqualTo("Lindqvist");
        assertThat(crm.get("Email").asText()).isEqualTo(email);
        assertThat(crm.get("Phone").asText()).isEqualTo("555-0200");
        assertThat(crm.get("Account_Name").get("name").asText()).isEqualTo(company);
        assertThat(crm.get("External_System_ID").asText()).isEqualTo(hubspotId);
        assertThat(Sandbox.hubspotContact(hubspotId).orElseThrow().get("zoho_contact_id").asText()).isEqualTo(crmId);

        // CRM's insert notification is our own write; HubSpot's zoho id notification is our own write-back
        completions.await(Duration.ofSeconds(30), () -> completions.of(CRM_FLOW, crmId).size() == 1
                && completions.of(EXTERNAL_FLOW, hubspotId).size() == 2, crmId, hubspotId);
        assertThat(completions.of(CRM_FLOW, crmId).get(0).getStatus()).isEqualTo(SyncStatus.SKIPPED);
        assertThat(completions.of(CRM_FLOW, crmId).get(0).getSkipReason()).startsWith("own write");
        assertThat(completions.of(EXTERNAL_FLOW, hubspotId).get(1).getSkipReason()).contains("own write-back");

        // an edit in HubSpot updates CRM once
        Sandbox.userEditsHubSpotContact(hubspotId, Map.of("lastname", "Lindqvist-Berg", "phone", ""));
        completions.await(Duration.ofSeconds(60), () -> completions.succeeded(EXTERNAL_FLOW, hubspotId).size() == 2,
                crmId, hubspotId);
        assertThat(completions.succeeded(EXTERNAL_FLOW, hubspotId).get(1).getDetails()).containsEntry("crmFields", "lastName,phone");
        JsonNode edited = Sandbox.crmContact(crmId).orElseThrow();
        assertThat(edited.get("Last_Name").asText()).isEqualTo("Lindqvist-Berg");
        assertThat(edited.get("Phone").isNull()).isTrue();
        completions.await(Duration.ofSeconds(30), () -> completions.of(CRM_FLOW, crmId).size() == 2, crmId, hubspotId);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(15)).until(() ->
                completions.succeeded(CRM_FLOW, crmId).isEmpty() && completions.succeeded(EXTERNAL_FLOW, hubspotId).size() == 2);
        assertThat(completions.of(CRM_FLOW, crmId).get(1).getSkipReason()).startsWith("own write");

        // a deletion in HubSpot deletes the CRM contact; CRM's deletion notification is skipped
        Sandbox.userDeletesHubSpotContact(hubspotId);
        completions.await(Duration.ofSeconds(60), () -> completions.succeeded(EXTERNAL_FLOW, hubspotId).size() == 3,
                crmId, hubspotId);
        assertThat(Completions.target(completions.succeeded(EXTERNAL_FLOW, hubspotId).get(2), "Contacts", TargetAction.DELETED))
                .isEqualTo(crmId);
        assertThat(Sandbox.crmContact(crmId)).isEmpty();
        completions.await(Duration.ofSeconds(30), () -> completions.of(CRM_FLOW, crmId).size() == 3, crmId, hubspotId);
        assertThat(completions.of(CRM_FLOW, crmId).get(2).getStatus()).isEqualTo(SyncStatus.SKIPPED);
        assertThat(completions.of(CRM_FLOW, crmId).get(2).getSkipReason()).startsWith("own write");
    }

    @Test
    void shouldDeadLetterAContactCrmCannotHold() {
        // CRM contacts need a last name; HubSpot allows a contact with an e-mail only
        String hubspotId = Sandbox.userCreatesHubSpotContact(Map.of("email", "nameless-" + UUID.randomUUID() + "@example.com"));

        completions.await(Duration.ofSeconds(60), () -> !completions.of(EXTERNAL_FLOW, hubspotId).isEmpty(), hubspotId);
        SyncCompleted outcome = completions.of(EXTERNAL_FLOW, hubspotId).get(0);
        assertThat(outcome.getStatus()).isEqualTo(SyncStatus.FAILED);
        assertThat(outcome.getErrorCode()).isEqualTo("MISSING_LAST_NAME");
        assertThat(outcome.getAttempts()).isEqualTo(1);
    }
}
