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

        // CRM's insert notification is our own write; HubSpot's zoho id notification is our own write-back.
        // How many notifications one write raises, and how they fall into batches, is the vendors' timing,
        // not ours: the test counts outcomes that matter (no SUCCEEDED echo) and waits for quiet, not for a count.
        completions.await(Duration.ofSeconds(30), () -> !completions.of(CRM_FLOW, crmId).isEmpty()
                && completions.of(EXTERNAL_FLOW, hubspotId).size() >= 2, crmId, hubspotId);
        awaitQuiet(crmId, hubspotId);
        assertOnlyEchoes(crmId, hubspotId);
        assertThat(completions.skipped(EXTERNAL_FLOW, hubspotId)).extracting(SyncCompleted::getSkipReason)
                .anySatisfy(reason -> assertThat(reason).contains("own write-back"));
        assertThat(completions.succeeded(EXTERNAL_FLOW, hubspotId)).hasSize(1);
        int crmNotifications = completions.of(CRM_FLOW, crmId).size();

        // an edit in HubSpot updates CRM once
        Sandbox.userEditsHubSpotContact(hubspotId, Map.of("lastname", "Lindqvist-Berg", "phone", ""));
        completions.await(Duration.ofSeconds(60), () -> completions.succeeded(EXTERNAL_FLOW, hubspotId).size() == 2,
                crmId, hubspotId);
        assertThat(completions.succeeded(EXTERNAL_FLOW, hubspotId).get(1).getDetails()).containsEntry("crmFields", "lastName,phone");
        JsonNode edited = Sandbox.crmContact(crmId).orElseThrow();
        assertThat(edited.get("Last_Name").asText()).isEqualTo("Lindqvist-Berg");
        assertThat(edited.get("Phone").isNull()).isTrue();
        int beforeEdit = crmNotifications;
        completions.await(Duration.ofSeconds(30), () -> completions.of(CRM_FLOW, crmId).size() > beforeEdit,
                crmId, hubspotId);
        awaitQuiet(crmId, hubspotId);
        assertOnlyEchoes(crmId, hubspotId);
        assertThat(completions.succeeded(EXTERNAL_FLOW, hubspotId)).hasSize(2);
        int beforeDelete = completions.of(CRM_FLOW, crmId).size();

        // a deletion in HubSpot deletes the CRM contact; CRM's deletion notification is skipped
        Sandbox.userDeletesHubSpotContact(hubspotId);
        completions.await(Duration.ofSeconds(60), () -> completions.succeeded(EXTERNAL_FLOW, hubspotId).size() == 3,
                crmId, hubspotId);
        assertThat(Completions.target(completions.succeeded(EXTERNAL_FLOW, hubspotId).get(2), "Contacts", TargetAction.DELETED))
                .isEqualTo(crmId);
        assertThat(Sandbox.crmContact(crmId)).isEmpty();
        completions.await(Duration.ofSeconds(30), () -> completions.of(CRM_FLOW, crmId).size() > beforeDelete,
                crmId, hubspotId);
        awaitQuiet(crmId, hubspotId);
        assertOnlyEchoes(crmId, hubspotId);
        assertThat(completions.succeeded(EXTERNAL_FLOW, hubspotId)).hasSize(3);
    }

    /** Waits until neither flow has produced a completion for the pair for three seconds. */
    private void awaitQuiet(String crmId, String hubspotId) {
        int[] last = {-1};
        await().pollInterval(Duration.ofMillis(500)).during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30))
                .until(() -> {
                    int now = completions.of(CRM_FLOW, crmId).size() + completions.of(EXTERNAL_FLOW, hubspotId).size();
                    boolean same = now == last[0];
                    last[0] = now;
                    return same;
                });
    }

    /** Every CRM notification of the pair so far came from our own writes, and none was synced back. */
    private void assertOnlyEchoes(String crmId, String hubspotId) {
        assertThat(completions.of(CRM_FLOW, crmId))
                .as("CRM notifications of contact %s: %s", crmId, completions.describe(crmId, hubspotId))
                .isNotEmpty()
                .allSatisfy(c -> {
                    assertThat(c.getStatus()).isEqualTo(SyncStatus.SKIPPED);
                    assertThat(c.getSkipReason()).startsWith("own write");
                });
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
