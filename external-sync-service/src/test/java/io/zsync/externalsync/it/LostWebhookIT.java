package io.zsync.externalsync.it;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.zsync.contract.SyncCompleted;
import io.zsync.contract.TargetAction;
import io.zsync.externalsync.batch.BatchLeadership;
import io.zsync.externalsync.batch.CrmContactBatch;
import io.zsync.externalsync.domain.BatchCursor;
import io.zsync.testing.RealKafka;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import static io.zsync.externalsync.it.Completions.CRM_FLOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A CRM notification is lost (dropped at the sandbox), so the HubSpot contact misses the change; the batch,
 * started through its bean as the schedule would, finds the contact by its modification time, hands it to the
 * normal flow as a reconciliation event, and the HubSpot contact is repaired. Its cursor then stands at the
 * contact's modification time, not at the wall clock.
 */
@RealKafka
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LostWebhookIT implements TestPropertyProvider {

    private final Completions completions = new Completions();

    @Inject
    CrmContactBatch batch;
    @Inject
    BatchLeadership leadership;
    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return Sandbox.serviceProperties();
    }

    @AfterAll
    void close() {
        completions.close();
    }

    private Map<String, Object> runBatch() {
        return Batches.runToEnd(batch, leadership, Duration.ofSeconds(120));
    }

    @Test
    void shouldRepairAChangeWhoseWebhookWasLost() {
        runBatch(); // brings the cursor up to date, so the next run lists only what changes from here on
        String email = "lost-" + UUID.randomUUID() + "@example.com";
        String crmId = Sandbox.createCrmContact(Map.of("First_Name", "Lia", "Last_Name", "Novak", "Email", email,
                "Phone", "555-0500"));
        completions.await(Duration.ofSeconds(60), () -> completions.succeeded(CRM_FLOW, crmId).size() == 1, crmId);
        String hubspotId = Completions.target(completions.succeeded(CRM_FLOW, crmId).get(0), "contacts", TargetAction.CREATED);
        completions.await(Duration.ofSeconds(30), () -> completions.of(CRM_FLOW, crmId).size() == 2, crmId, hubspotId);

        Sandbox.dropNextWebhooks("crm", 1);
        Sandbox.updateCrmContact(crmId, Map.of("Phone", "555-0599"));
        await().atMost(Duration.ofSeconds(10)).until(() -> Sandbox.pendingDrops("crm") == 0);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                completions.of(CRM_FLOW, crmId).size() == 2);
        assertThat(Sandbox.hubspotContact(hubspotId).orElseThrow().get("phone").asText()).isEqualTo("555-0500");

        Map<String, Object> run = runBatch();

        completions.await(Duration.ofSeconds(60), () -> completions.succeeded(CRM_FLOW, crmId).size() == 2, crmId, hubspotId);
        SyncCompleted repaired = completions.succeeded(CRM_FLOW, crmId).get(1);
        assertThat(repaired.getDetails()).containsEntry("origin", "RECONCILIATION").containsEntry("externalFields", "phone");
        assertThat(Sandbox.hubspotContact(hubspotId).orElseThrow().get("phone").asText()).isEqualTo("555-0599");
        assertThat((Integer) run.get("handedOver")).isGreaterThanOrEqualTo(1);
        Instant modified = OffsetDateTime.parse(Sandbox.crmContact(crmId).orElseThrow().get("Modified_Time").asText()).toInstant();
        BatchCursor cursor = leadership.cursor(CrmContactBatch.cursorKey(Sandbox.ORG)).orElseThrow();
        assertThat(cursor.time()).isAfterOrEqualTo(modified).isBefore(Instant.now().plusSeconds(1));

        // nothing changed since: the next run syncs nothing and leaves the cursor where it is
        int before = completions.of(CRM_FLOW, crmId).size();
        runBatch();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                completions.of(CRM_FLOW, crmId).size() == before);
        assertThat(leadership.cursor(CrmContactBatch.cursorKey(Sandbox.ORG))).contains(cursor);
        assertThat(completions.succeeded(CRM_FLOW, crmId)).hasSize(2);
    }

    @Test
    void shouldNeverStartARunWhileTheLastOneRuns() {
        await().atMost(Duration.ofSeconds(60)).until(() -> leadership.isLeader() && !batch.isRunning(Sandbox.ORG));

        CrmContactBatch.Start first = batch.start(Sandbox.ORG);
        CrmContactBatch.Start second = batch.start(Sandbox.ORG);

        assertThat(first.started()).isTrue();
        assertThat(second.started()).isFalse();
        assertThat(second.message()).contains("still running").contains(first.runId());
        await().atMost(Duration.ofSeconds(120)).until(() -> !batch.isRunning(Sandbox.ORG));
    }
    @Test
    void shouldReportAndStartRunsThroughTheManagementEndpoint() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> leadership.isLeader() && !batch.isRunning(Sandbox.ORG));
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + server.getPort() + "/contactbatch";

        HttpResponse<String> started = http.send(HttpRequest.newBuilder(
                        URI.create(base + "/" + Sandbox.ORG)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> status = http.send(HttpRequest.newBuilder(
                URI.create(base)).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(started.statusCode()).isEqualTo(200);
        assertThat(started.body()).contains("\"started\":true").contains("runId");
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("\"leader\":true").contains("\"dev\"");
        await().atMost(Duration.ofSeconds(120)).until(() -> !batch.isRunning(Sandbox.ORG));
    }
}
