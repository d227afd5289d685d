package io.zsync.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import io.zsync.contract.SyncCompleted;
import io.zsync.contract.SyncStatus;
import io.zsync.schemas.Topics;
import io.zsync.stack.SandboxDefaults;
import io.zsync.sync.TopicProbe;
import io.zsync.sync.it.ZohoStack;
import io.zsync.testing.KafkaStack;
import io.zsync.testing.RealKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Crash and replay: the CRM contact → Books customer flow runs as a real process that halts (like a SIGKILL)
 * at random points (before the target write, after it and before the write-back, after the write-back and
 * before the commit) and is restarted each time, until every contact has its outcome; then the contacts'
 * topic is replayed from offset 0. Figures: duplicate Books customers (must be 0) and contacts without a
 * final completion (must be 0). The number of contacts comes from {@code reliability.crash.records}.
 */
@RealKafka
class CrashReplayIT {

    private static final Logger LOG = LoggerFactory.getLogger(CrashReplayIT.class);
    private static final String FLOW = "crm-contact-to-books-customer";
    private static final String GROUP = "crm-books-service";
    private static final int MAX_CRASHES = Integer.getInteger("reliability.crash.max", 40);
    private static final List<String> DETERMINISTIC = List.of("before-target-write", "after-target-write", "before-commit");

    @Test
    void shouldCreateExactlyOneCustomerPerContactThroughCrashesAndReplay() {
        int records = Integer.getInteger("reliability.crash.records", 24);
        ZohoStack zoho = ZohoStack.get();
        String run = UUID.randomUUID().toString().substring(0, 8);
        int crashes = 0;
        try (TopicProbe<SyncCompleted> completions = new TopicProbe<>(Topics.SYNC_COMPLETIONS);
             ServiceUnderTest service = new ServiceUnderTest("crm-books-service", "io.zsync.crmbooks.CrmBooksApplication",
                     Map.of())) {
            arm(service, 0);
            List<String> contactIds = new ArrayList<>();
            for (int start = 0; start < records; start += 20) {
                int end = Math.min(records, start + 20);
                contactIds.addAll(createContacts(zoho, run, start, end));
                crashes += keepAliveUntil(service, completions, Set.copyOf(contactIds), crashes);
            }
            Set<String> ids = Set.copyOf(contactIds);

            Map<String, Integer> customers = booksCustomersPerContact(zoho, run, records);
            List<String> withoutCompletion = ids.stream().filter(id -> finalOutcome(completions, id) == null).toList();
            long duplicates = customers.values().stream().filter(n -> n > 1).count();
            LOG.info("crash run {}: {} contacts, {} crashes, {} duplicate customers, {} without completion",
                    run, records, crashes, duplicates, withoutCompletion.size());
            assertThat(crashes).as("crashes (each point first, then at random)").isGreaterThanOrEqualTo(DETERMINISTIC.size());
            assertThat(withoutCompletion).as("contacts without a final completion").isEmpty();
            assertThat(customers).as("Books customers per contact email").hasSize(records).allSatisfy((email, n) ->
                    assertThat(n).as(email).isEqualTo(1));

            // Replay the whole topic from offset 0 with a restarted service: nothing is created again.
            service.close();
            rewind(GROUP);
            service.start(0);
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    ids.stream().allMatch(id -> completions.values(c -> matches(c, id)).size() >= 2));
            assertThat(booksCustomersPerContact(zoho, run, records)).allSatisfy((email, n) -> assertThat(n).isEqualTo(1));
            assertThat(ids).allSatisfy(id -> assertThat(completions.values(c -> matches(c, id)))
                    .filteredOn(c -> c.getStatus() == SyncStatus.SUCCEEDED).hasSize(1));
        }
    }

    /** Restarts the service whenever it dies (with crash injection while the budget of crashes lasts). */
    private int keepAliveUntil(ServiceUnderTest service, TopicProbe<SyncCompleted> completions, Set<String> ids, int crashesSoFar) {
        int[] crashes = {0};
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!service.alive()) {
                crashes[0]++;
                arm(service, crashesSoFar + crashes[0]);
            }
            return ids.stream().allMatch(id -> finalOutcome(completions, id) != null);
        });
        return crashes[0];
    }

    /**
     * Starts the service for its {@code crashesSoFar + 1}-th life: the first lives halt at one point each, the first
     * time it is reached, so every point is crashed at in every run however few records it has; later lives halt at
     * any point at random while the crash budget lasts; the last runs clean.
     */
    private static void arm(ServiceUnderTest service, int crashesSoFar) {
        if (crashesSoFar < DETERMINISTIC.size()) {
            service.start(DETERMINISTIC.get(crashesSoFar), 1.0);
        } else {
            service.start(crashesSoFar < MAX_CRASHES ? 0.25 : 0);
        }
    }

    private static SyncCompleted finalOutcome(TopicProbe<SyncCompleted> completions, String id) {
        return completions.values(c -> matches(c, id)).stream().findFirst().orElse(null);
    }

    private static boolean matches(SyncCompleted c, String contactId) {
        return c.getFlowId().equals(FLOW) && c.getSource().getRecordId().equals(contactId);
    }

    private static List<String> createContacts(ZohoStack zoho, String run, int from, int to) {
        String data = IntStream.range(from, to).mapToObj(i -> """
                {"First_Name":"Crash","Last_Name":"Test %s-%d","Email":"crash.%s.%d@example.com"}""".formatted(run, i, run, i))
                .collect(Collectors.joining(",", "{\"data\":[", "]}"));
        JsonNode written = zoho.zoho("POST", "/crm/v8/Contacts", data);
        List<String> ids = new ArrayList<>();
        written.path("data").forEach(r -> ids.add(r.path("details").path("id").asText()));
        assertThat(ids).hasSize(to - from);
        return ids;
    }

    private static Map<String, Integer> booksCustomersPerContact(ZohoStack zoho, String run, int records) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < records; i++) {
            String email = "crash." + run + "." + i + "@example.com";
            JsonNode found = zoho.zoho("GET", "/books/v3/contacts?organization_id=" + SandboxDefaults.BOOKS_ORGANIZATION_ID
                    + "&email=" + email, null);
            counts.put(email, found == null ? 0 : found.path("contacts").size());
        }
        return counts;
    }

    private static void rewind(String group) throws RuntimeException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaStack.get().bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
            for (int p = 0; p < Topics.CRM_CONTACTS.partitions(); p++) {
                start.put(new TopicPartition(Topics.CRM_CONTACTS.name(), p), new OffsetAndMetadata(0));
            }
            await().atMost(Duration.ofMinutes(1)).ignoreExceptions().until(() -> {
                admin.alterConsumerGroupOffsets(group, start).all().get();
                return true;
            });
        }
    }
}
