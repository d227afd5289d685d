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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.zsync.externalsync.it.Completions.CRM_FLOW;
import static io.zsync.externalsync.it.Completions.EXTERNAL_FLOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code crm-contact-to-external} end to end: a Zoho user creates, edits and deletes a contact in CRM; the CRM
 * notification reaches the service through the gateway; the HubSpot contact follows, and the webhooks our own
 * writes cause (HubSpot's, and CRM's for the write-back) end SKIPPED.
 */
@RealKafka
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrmToExternalIT implements TestPropertyProvider {

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
    void shouldCreateUpdateAndDeleteTheHubSpotContactAndSkipEveryEcho() {
        String email = "anna-" + UUID.randomUUID() + "@example.com";
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("First_Name", "Anna");
        fields.put("Last_Name", "Kingsley");
        fields.put("Email", email);
        fields.put("Phone", "555-0100");
        String crmId = Sandbox.createCrmContact(fields);

        // created in HubSpot, linked both ways
        completions.await(Duration.ofSeconds(60), () -> completions.succeeded(CRM_FLOW, crmId).size() == 1, crmId);
        SyncCompleted created = completions.succeeded(CRM_FLOW, crmId).get(0);
        String hubspotId = Completions.target(created, "contacts", TargetAction.CREATED);
        assertThat(Completions.target(created, "Contacts", TargetAction.UPDATED)).isEqualTo(crmId);
        JsonNode contact = Sandbox.hubspotContact(hubspotId).orElseThrow();
        assertThat(contact.get("firstname").asText()).isEqualTo("Anna");
        assertThat(contact.get("lastname").asText()).isEqualTo("Kingsley");
        assertThat(contact.get("email").asText()).isEqualTo(email);
        assertThat(contact.get("phone").asText()).isEqualTo("555-0100");
        assertThat(contact.get("zoho_contact_id").asText()).isEqualTo(crmId);
        assertThat(Sandbox.crmContact(crmId).orElseThrow().get("External_System_ID").asText()).isEqualTo(hubspotId);

        // HubSpot's creation webhook and CRM's write-back notification are our own writes
        completions.await(Duration.ofSeconds(30), () -> completions.of(EXTERNAL_FLOW, hubspotId).size() == 1
                && completions.of(CRM_FLOW, crmId).size() == 2, crmId, hubspotId);
        assertThat(completions.of(EXTERNAL_FLOW, hubspotId).get(0).getStatus()).isEqualTo(SyncStatus.SKIPPED);
        assertThat(completions.of(EXTERNAL_FLOW, hubspotId).get(0).getSkipReason()).startsWith("own write");
        assertThat(completions.of(CRM_FLOW, crmId).get(1).getStatus()).isEqualTo(SyncStatus.SKIPPED);
        assertThat(completions.of(CRM_FLOW, crmId).get(1).getSkipReason()).contains("own write-back");

        // an edit in CRM updates HubSpot once; HubSpot's webhook for it is skipped
        Sandbox.updateCrmContact(crmId, Map.of("Phone", "555-0199", "First_Name", "Annie"));
        await().atMost(Duration.ofSeconds(60)).until(() -> completions.succeeded(CRM_FLOW, crmId).size() == 2);
        SyncCompleted updated = completions.succeeded(CRM_FLOW, crmId).get(1);
        assertThat(updated.getDetails()).containsEntry("externalFields", "firstName,phone");
        assertThat(Sandbox.hubspotContact(hubspotId).orElseThrow().get("phone").asText()).isEqualTo("555-0199");
        await().atMost(Duration.ofSeconds(30)).until(() -> completions.of(EXTERNAL_FLOW, hubspotId).size() >= 2);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(15)).until(() ->
                completions.succeeded(EXTERNAL_FLOW, hubspotId).isEmpty() && completions.succeeded(CRM_FLOW, crmId).size() == 2);
        assertThat(completions.skipped(EXTERNAL_FLOW, hubspotId)).allSatisfy(c ->
                assertThat(c.getSkipReason()).matches("own write.*|superseded.*"));

        // another flow's write-back (crm-books-service links the Books customer) is settled without reading CRM
        Sandbox.updateCrmContact(crmId, Map.of("Books_Customer_ID", "460000000099"));
        await().atMost(Duration.ofSeconds(30)).until(() -> completions.skipped(CRM_FLOW, crmId).stream()
                .anyMatch(c -> c.getSkipReason().contains("only Books_Customer_ID")));
        SyncCompleted unrelated = completions.skipped(CRM_FLOW, crmId).stream()
                .filter(c -> c.getSkipReason().contains("only Books_Customer_ID")).findFirst().orElseThrow();
        assertThat(unrelated.getSkipReason()).startsWith("no field this flow acts on changed");
        assertThat(unrelated.getApiCalls()).isZero();
        assertThat(completions.succeeded(CRM_FLOW, crmId)).hasSize(2);

        // a deletion in CRM deletes the HubSpot contact; HubSpot's deletion webhook is skipped
        Sandbox.deleteCrmContact(crmId);
        await().atMost(Duration.ofSeconds(60)).until(() -> completions.succeeded(CRM_FLOW, crmId).size() == 3);
        assertThat(Completions.target(completions.succeeded(CRM_FLOW, crmId).get(2), "contacts", TargetAction.DELETED))
                .isEqualTo(hubspotId);
        assertThat(Sandbox.hubspotContact(hubspotId)).isEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() -> completions.of(EXTERNAL_FLOW, hubspotId).stream()
                .anyMatch(c -> c.getSkipReason() != null && c.getSkipReason().contains("deleted")));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(15)).until(() ->
                completions.succeeded(EXTERNAL_FLOW, hubspotId).isEmpty());
        List<SyncCompleted> all = completions.of(EXTERNAL_FLOW, hubspotId);
        assertThat(all).allSatisfy(c -> assertThat(c.getStatus()).isEqualTo(SyncStatus.SKIPPED));
    }
    @Test
    void shouldLinkToTheHubSpotContactThatAlreadyHasTheEmail() {
        // someone created the contact in HubSpot earlier, and that webhook never arrived
        String email = "known-" + UUID.randomUUID() + "@example.com";
        Sandbox.dropNextWebhooks("hubspot", 1);
        String existing = Sandbox.userCreatesHubSpotContact(Map.of("firstname", "Dana", "lastname", "Ortiz",
                "email", email, "phone", "555-0700"));
        await().atMost(Duration.ofSeconds(10)).until(() -> Sandbox.pendingDrops("hubspot") == 0);

        String crmId = Sandbox.createCrmContact(Map.of("First_Name", "Dana", "Last_Name", "Ortiz", "Email", email));

        completions.await(Duration.ofSeconds(60), () -> completions.succeeded(CRM_FLOW, crmId).size() == 1, crmId, existing);
        SyncCompleted linked = completions.succeeded(CRM_FLOW, crmId).get(0);
        assertThat(Completions.target(linked, "contacts", TargetAction.MATCHED)).isEqualTo(existing);
        assertThat(Sandbox.hubspotContactsByEmail(email)).hasSize(1);
        assertThat(Sandbox.hubspotContact(existing).orElseThrow().get("zoho_contact_id").asText()).isEqualTo(crmId);
        JsonNode crm = Sandbox.crmContact(crmId).orElseThrow();
        assertThat(crm.get("External_System_ID").asText()).isEqualTo(existing);
        assertThat(crm.get("Phone").asText()).isEqualTo("555-0700"); // the first link fills CRM's gap
    }
}
