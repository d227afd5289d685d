package io.zsync.crmbooks.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.zsync.contract.SyncCompleted;
import io.zsync.contract.SyncStatus;
import io.zsync.contract.TargetAction;
import io.zsync.crmbooks.config.CrashHook;
import io.zsync.crmbooks.flow.ContactToCustomerFlow;
import io.zsync.schemas.Topics;
import io.zsync.stack.AppProcess;
import io.zsync.stack.Ports;
import io.zsync.stack.StackException;
import io.zsync.sync.TopicProbe;
import io.zsync.sync.it.ZohoStack;
import io.zsync.testing.RealKafka;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service as a real process dies between the Books create and the Kafka commit of that event (the test-only
 * {@link CrashHook} halts the JVM right after Books answered), is started again, and must neither create a second
 * customer nor lose the sync.
 */
@RealKafka
class CrashRecoveryIT {

    private final Sandbox sandbox = new Sandbox();

    private static AppProcess start(Map<String, String> properties, Path log) {
        return AppProcess.start("crm-books-service", AppProcess.repositoryRoot().resolve("crm-books-service"),
                "io.zsync.crmbooks.CrmBooksApplication", Ports.free(), properties, log, Duration.ofSeconds(90));
    }

    @Test
    void shouldNotDuplicateTheCustomerWhenKilledAfterTheBooksCreateAndBeforeTheCommit() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "crash." + tag + "@example.com";
        String contactId = sandbox.crmInsert("Contacts", Map.of("First_Name", "Kai", "Last_Name", "Crash-" + tag,
                "Email", email));
        Map<String, String> properties = new LinkedHashMap<>(ZohoStack.get().serviceProperties());
        properties.put("zsync.sync.group", "crm-books-crash-" + tag);
        properties.put("zsync.sync.retry-base", "100ms");
        Map<String, String> crashing = new LinkedHashMap<>(properties);
        crashing.put(CrashHook.PROPERTY, contactId);

        Path logs = Files.createDirectories(Path.of("target", "crash-it"));
        Path firstLog = logs.resolve("first-" + tag + ".log");
        try (TopicProbe<SyncCompleted> completions = new TopicProbe<>(Topics.SYNC_COMPLETIONS)) {
            try {
                AppProcess first = start(crashing, firstLog);
                try {
                    await().atMost(Duration.ofSeconds(90)).until(() -> !first.process().isAlive());
                } finally {
                    first.kill();
                }
            } catch (StackException diedBeforeReady) {
                // the hook may halt the JVM before its health endpoint first answered: the same crash
                assertThat(diedBeforeReady.getMessage()).contains("exited with code 137");
            }
            assertThat(Files.readString(firstLog)).contains("halting the JVM after the Books create");
            // the customer exists, but nothing about it was committed: no completion, no link on the contact
            assertThat(sandbox.booksContactsByEmail(email)).hasSize(1);
            assertThat(Sandbox.text(sandbox.crmGet("Contacts", contactId), "Books_Customer_ID")).isEmpty();
            assertThat(completionsOf(completions, contactId)).isEmpty();

            try (AppProcess second = start(properties, logs.resolve("second-" + tag + ".log"))) {
                await().atMost(Duration.ofSeconds(90))
                        .until(() -> completionsOf(completions, contactId).stream()
                                .anyMatch(c -> c.getStatus() == SyncStatus.SUCCEEDED));
                assertThat(second.process().isAlive()).isTrue();
            }
            List<SyncCompleted> outcomes = completionsOf(completions, contactId);
            assertThat(outcomes).filteredOn(c -> c.getStatus() == SyncStatus.SUCCEEDED).hasSize(1);
            SyncCompleted done = outcomes.stream().filter(c -> c.getStatus() == SyncStatus.SUCCEEDED).findFirst()
                    .orElseThrow();
            assertThat(done.getTargets().get(0).getAction()).isEqualTo(TargetAction.MATCHED);
            assertThat(done.getDetails()).containsEntry("customer", "matched-by-email");
        }
        List<JsonNode> customers = sandbox.booksContactsByEmail(email);
        assertThat(customers).hasSize(1);
        assertThat(sandbox.crmGet("Contacts", contactId).path("Books_Customer_ID").asText())
                .isEqualTo(customers.get(0).path("contact_id").asText());
    }

    private static List<SyncCompleted> completionsOf(TopicProbe<SyncCompleted> completions, String contactId) {
        return completions.values(c -> c.getFlowId().equals(ContactToCustomerFlow.ID)
                && c.getSource().getRecordId().equals(contactId));
    }
}
