package io.zsync.externalsync.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.zsync.contract.SyncCompleted;
import io.zsync.contract.SyncStatus;
import io.zsync.contract.TargetAction;
import io.zsync.externalsync.batch.BatchLeadership;
import io.zsync.externalsync.batch.CrmContactBatch;
import io.zsync.externalsync.domain.BatchCursor;
import io.zsync.testing.RealKafka;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.zsync.externalsync.it.Completions.CRM_FLOW;
import static io.zsync.externalsync.it.Completions.EXTERNAL_FLOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 1,000 CRM contacts imported without notifications (as before the sync existed) are all found by one batch
 * run, which walks every page, hands each over to the normal flow at the pace the budgets allow (a webhook
 * arriving meanwhile is synced at once, not after the batch), and leaves its cursor at the newest modification
 * it read. Every contact is created in HubSpot exactly once, HubSpot's
 * webhooks for those creations all end SKIPPED, and HubSpot never answers 429.
 */
@RealKafka
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BatchThousandIT implements TestPropertyProvider {

    private static final int CONTACTS = 1_000;
    private final Completions completions = new Completions();

    @Inject
    CrmContactBatch batch;
    @Inject
    BatchLeadership leadership;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = Sandbox.serviceProperties();
        // keep a quarter of HubSpot's budget for webhooks instead of half, so a thousand contacts take minutes, not more
        p.put("zsync.external-sync.batch.realtime-reserve", "0.25");
        return p;
    }

    @AfterAll
    void close() {
        completions.close();
    }

    private Map<String, Object> runBatch(Duration atMost) {
        return Batches.runToEnd(batch, leadership, atMost);
    }

    @SuppressWarnings("unchecked")
    private int handedOver() {
        Map<String, Object> dev = (Map<String, Object>) ((Map<String, Object>) batch.status().get("orgs")).get(Sandbox.ORG);
        Object running = dev.get("running");
        return running == null ? 0 : (Integer) ((Map<String, Object>) running).get("handedOver");
    }

    @Test
    void shouldSyncAThousandModifiedContactsInOneRunWithoutHoldingUpWebhooks() {
        runBatch(Duration.ofMinutes(3)); // whatever earlier tests left behind, so this run sees the thousand only
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Map<String, Object>> seed = new ArrayList<>();
        for (int i = 0; i < CONTACTS; i++) {
            Map<String, Object> contact = new LinkedHashMap<>();
            contact.put("First_Name", "Bulk");
            contact.put("Last_Name", "Contact " + i);
            contact.put("Email", "bulk-" + run + "-" + i + "@example.com");
            contact.put("Phone", "555-" + (10_000 + i));
            seed.add(contact);
        }
        Instant seededFrom = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        List<String> crmIds = Sandbox.seedCrmContacts(seed);
        assertThat(crmIds).hasSize(CONTACTS);
        Sandbox.resetCalls();

        CrmContactBatch.Start start = batch.start(Sandbox.ORG);
        assertThat(start.started()).as(start.message()).isTrue();
        // while the batch works through the thousand, a person edits CRM: that webhook does not wait for the batch
        await().atMost(Duration.ofMinutes(3)).until(() -> handedOver() >= 100);
        String live = Sandbox.createCrmContact(Map.of("First_Name", "Live", "Last_Name", "During Batch",
                "Email", "live-" + run + "@example.com"));
        completions.await(Duration.ofSeconds(60), () -> completions.succeeded(CRM_FLOW, live).size() == 1, live);
        Instant liveSynced = completions.succeeded(CRM_FLOW, live).get(0).getFinishedAt();
        await().atMost(Duration.ofMinutes(8)).until(() -> !batch.isRunning(Sandbox.ORG));
        Map<String, Object> last = batch.lastRun(Sandbox.ORG).orElseThrow();
        assertThat(String.valueOf(last.get("outcome"))).as(last.toString()).startsWith("completed");
        assertThat(liveSynced).as("the webhook was synced while the batch still ran")
                .isBefore(Instant.parse(String.valueOf(last.get("finishedAt"))));
        assertThat(completions.succeeded(CRM_FLOW, live).get(0).getDetails()).containsEntry("origin", "WEBHOOK");

        assertThat((Integer) last.get("handedOver")).isGreaterThanOrEqualTo(CONTACTS);
        assertThat((Integer) last.get("pages")).isGreaterThanOrEqualTo(CONTACTS / 200);
        completions.await(Duration.ofMinutes(5), () -> completions.succeededOnce(CRM_FLOW, crmIds) == CONTACTS,
                crmIds.get(0), crmIds.get(CONTACTS - 1));
        Map<String, List<SyncCompleted>> byCrmId = completions.byRecord(CRM_FLOW);
        Set<String> hubspotIds = new HashSet<>();
        for (String id : crmIds) {
            List<SyncCompleted> succeeded = byCrmId.get(id).stream().filter(c -> c.getStatus() == SyncStatus.SUCCEEDED).toList();
            assertThat(succeeded).hasSize(1);
            SyncCompleted done = succeeded.get(0);
            assertThat(done.getDetails()).containsEntry("origin", "RECONCILIATION");
            hubspotIds.add(Completions.target(done, "contacts", TargetAction.CREATED));
        }
        assertThat(hubspotIds).hasSize(CONTACTS);
        BatchCursor cursor = leadership.cursor(CrmContactBatch.cursorKey(Sandbox.ORG)).orElseThrow();
        assertThat(cursor.time()).isAfterOrEqualTo(seededFrom).isBeforeOrEqualTo(Instant.now());

        // HubSpot's webhooks for the thousand creations are our own writes
        // (the sandbox delivers webhooks to one URL one after the other, so these trail the creations)
        completions.await(Duration.ofMinutes(6), () -> completions.byRecord(EXTERNAL_FLOW).keySet().containsAll(hubspotIds));
        Map<String, List<SyncCompleted>> echoes = completions.byRecord(EXTERNAL_FLOW);
        assertThat(hubspotIds).allSatisfy(h -> assertThat(echoes.get(h))
                .allSatisfy(c -> assertThat(c.getStatus()).isEqualTo(SyncStatus.SKIPPED)));
        for (int i = 0; i < CONTACTS; i += 97) {
            String crmId = crmIds.get(i);
            String hubspotId = Completions.target(completions.succeeded(CRM_FLOW, crmId).get(0), "contacts", TargetAction.CREATED);
            JsonNode contact = Sandbox.hubspotContact(hubspotId).orElseThrow();
            assertThat(contact.get("lastname").asText()).isEqualTo("Contact " + i);
            assertThat(contact.get("zoho_contact_id").asText()).isEqualTo(crmId);
            assertThat(Sandbox.crmContact(crmId).orElseThrow().get("External_System_ID").asText()).isEqualTo(hubspotId);
        }
        JsonNode hubspot = Sandbox.calls().path("products").path("hubspot");
        assertThat(hubspot.path("rateLimited").asLong()).as(hubspot.toString()).isZero();
        // two HubSpot calls per contact: the creation, and reading it back when its webhook arrives
        assertThat(hubspot.path("calls").asLong()).isLessThanOrEqualTo(2L * CONTACTS + 50);
    }
}
