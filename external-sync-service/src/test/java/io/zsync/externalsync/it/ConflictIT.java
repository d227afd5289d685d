package io.zsync.externalsync.it;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.zsync.contract.SyncCompleted;
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
 * Both sides change the same contact before either change is synced (one side's webhook is dropped at the
 * sandbox, so the other side's notice arrives first): each field is settled by "most recent modification wins",
 * a field changed on one side only is taken from that side, both sides end equal, and the losing value is in
 * the completion event.
 */
@RealKafka
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConflictIT implements TestPropertyProvider {

    private final Completions completions = new Completions();

    @Override
    public Map<String, String> getProperties() {
        return Sandbox.serviceProperties();
    }

    @AfterAll
    void close() {
        completions.close();
    }

    /** A contact created in CRM and synced, with every echo settled. */
    private String[] pair() {
        String email = "conflict-" + UUID.randomUUID() + "@example.com";
        String crmId = Sandbox.createCrmContact(Map.of("First_Name", "Carla", "Last_Name", "Mendes", "Email", email,
                "Phone", "555-0300"));
        completions.await(Duration.ofSeconds(60), () -> completions.succeeded(CRM_FLOW, crmId).size() == 1, crmId);
        String hubspotId = Completions.target(completions.succeeded(CRM_FLOW, crmId).get(0), "contacts", TargetAction.CREATED);
        completions.await(Duration.ofSeconds(30), () -> completions.of(EXTERNAL_FLOW, hubspotId).size() == 1
                && completions.of(CRM_FLOW, crmId).size() == 2, crmId, hubspotId);
        return new String[] {crmId, hubspotId};
    }

    @Test
    void shouldLetTheLaterHubSpotEditWinAndKeepTheCrmOnlyChange() {
        String[] ids = pair();
        String crmId = ids[0];
        String hubspotId = ids[1];

        Sandbox.dropNextWebhooks("crm", 1);
        Sandbox.updateCrmContact(crmId, Map.of("First_Name", "Carla-CRM", "Phone", "555-0301"));
        await().atMost(Duration.ofSeconds(10)).until(() -> Sandbox.pendingDrops("crm") == 0);
        Sandbox.advanceClock(2);
        Sandbox.userEditsHubSpotContact(hubspotId, Map.of("firstname", "Carla-Hub"));

        completions.await(Duration.ofSeconds(60), () -> completions.succeeded(EXTERNAL_FLOW, hubspotId).size() == 1,
                crmId, hubspotId);
        SyncCompleted settled = completions.succeeded(EXTERNAL_FLOW, hubspotId).get(0);
        assertThat(settled.getDetails())
                .containsEntry("conflicts", "firstName")
                .containsEntry("conflict.firstName.winner", "external")
                .containsEntry("conflict.firstName.rule", "LATEST")
                .containsEntry("conflict.firstName.kept", "Carla-Hub")
                .containsEntry("conflict.firstName.lostSide", "crm")
                .containsEntry("conflict.firstName.lost", "Carla-CRM");
        assertThat(Sandbox.crmContact(crmId).orElseThrow().get("First_Name").asText()).isEqualTo("Carla-Hub");
        assertThat(Sandbox.crmContact(crmId).orElseThrow().get("Phone").asText()).isEqualTo("555-0301");
        assertThat(Sandbox.hubspotContact(hubspotId).orElseThrow().get("firstname").asText()).isEqualTo("Carla-Hub");
        assertThat(Sandbox.hubspotContact(hubspotId).orElseThrow().get("phone").asText()).isEqualTo("555-0301");
        // the writes of the settlement come back from both sides and are recognised
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(30)).until(() ->
                completions.succeeded(EXTERNAL_FLOW, hubspotId).size() == 1 && completions.succeeded(CRM_FLOW, crmId).size() == 1);
    }

    @Test
    void shouldLetTheLaterCrmEditWinAndRecordTheLosingHubSpotValue() {
        String[] ids = pair();
        String crmId = ids[0];
        String hubspotId = ids[1];

        Sandbox.dropNextWebhooks("hubspot", 1);
        Sandbox.userEditsHubSpotContact(hubspotId, Map.of("lastname", "Mendes-Hub"));
        await().atMost(Duration.ofSeconds(10)).until(() -> Sandbox.pendingDrops("hubspot") == 0);
        Sandbox.advanceClock(2);
        Sandbox.updateCrmContact(crmId, Map.of("Last_Name", "Mendes-CRM"));

        completions.await(Duration.ofSeconds(60), () -> completions.succeeded(CRM_FLOW, crmId).size() == 2, crmId, hubspotId);
        SyncCompleted settled = completions.succeeded(CRM_FLOW, crmId).get(1);
        assertThat(settled.getDetails())
                .containsEntry("conflict.lastName.winner", "crm")
                .containsEntry("conflict.lastName.kept", "Mendes-CRM")
                .containsEntry("conflict.lastName.lostSide", "external")
                .containsEntry("conflict.lastName.lost", "Mendes-Hub");
        assertThat(Sandbox.hubspotContact(hubspotId).orElseThrow().get("lastname").asText()).isEqualTo("Mendes-CRM");
        assertThat(Sandbox.crmContact(crmId).orElseThrow().get("Last_Name").asText()).isEqualTo("Mendes-CRM");
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(30)).until(() ->
                completions.succeeded(EXTERNAL_FLOW, hubspotId).isEmpty() && completions.succeeded(CRM_FLOW, crmId).size() == 2);
    }
}
