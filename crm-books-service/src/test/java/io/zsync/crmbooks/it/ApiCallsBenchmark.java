package io.zsync.crmbooks.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.zsync.contract.SyncCompleted;
import io.zsync.contract.SyncStatus;
import io.zsync.crmbooks.flow.ContactToCustomerFlow;
import io.zsync.schemas.Topics;
import io.zsync.sync.TopicProbe;
import io.zsync.testing.RealKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * API calls per synced contact for bursts of new CRM contacts, read from the sandbox's call counters, next to
 * the integration-patterns guide's naive sequence (get the contact, create the customer, update the contact:
 * 2 CRM calls and 1 Books call per contact). A report, not a test: it runs only with {@code -Pbenchmark}
 * (see docs/benchmarks.md) and prints a table; the numbers are judged by people against the targets.
 */
@RealKafka
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiCallsBenchmark implements TestPropertyProvider {

    private final Sandbox sandbox = new Sandbox();
    private final TopicProbe<SyncCompleted> completions = new TopicProbe<>(Topics.SYNC_COMPLETIONS);

    @Override
    public Map<String, String> getProperties() {
        return ServiceProperties.forTest("ApiCallsBenchmark");
    }

    @AfterAll
    void close() {
        completions.close();
    }

    /** One burst's figures. */
    record Row(int contacts, long crmReads, long crmWriteBacks, long crmOther, long booksCreates, long booksOther,
               long crm429, long books429, long faults, Duration elapsed) {

        double crmPerContact() {
            return (double) (crmReads + crmWriteBacks + crmOther) / contacts;
        }

        double booksPerContact() {
            return (double) (booksCreates + booksOther) / contacts;
        }
    }

    @Test
    void shouldReportApiCallsPerSyncedContact() throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (String size : System.getProperty("bench.sizes", "100,1000").split(",")) {
            sizes.add(Integer.parseInt(size.trim()));
        }
        List<Row> rows = new ArrayList<>();
        for (int size : sizes) {
            rows.add(burst(size));
        }
        String table = table(rows);
        System.out.println(table);
        Path out = Files.createDirectories(Path.of("target", "benchmark")).resolve("crm-books-api-calls.md");
        Files.writeString(out, table);
    }

    private Row burst(int size) {
        String run = UUID.randomUUID().toString().substring(0, 6);
        sandbox.resetCalls();
        Instant start = Instant.now();
        Set<String> ids = new HashSet<>(sandbox.crmInsertAll("Contacts", size, i -> {
            Map<String, Object> contact = new LinkedHashMap<>();
            contact.put("First_Name", "Bench");
            contact.put("Last_Name", run + "-" + i);
            contact.put("Email", "bench." + run + "." + i + "@example.com");
            contact.put("Phone", "555-" + i);
            contact.put("Mailing_City", "Lisboa");
            contact.put("Mailing_Country", "Portugal");
            return contact;
        }));
        // Books takes 100 requests a minute: a burst needs about size x 0.62 s
        await().atMost(Duration.ofSeconds(180 + size)).pollInterval(Duration.ofSeconds(2)).until(() -> synced(ids) == size);
        Duration elapsed = Duration.between(start, Instant.now());
        JsonNode calls = sandbox.calls().path("products");
        JsonNode crm = calls.path("crm").path("endpoints");
        JsonNode books = calls.path("books").path("endpoints");
        long crmReads = crm.path("GET /crm/v8/Contacts").asLong();
        long crmWriteBacks = crm.path("PUT /crm/v8/Contacts").asLong();
        long testInserts = crm.path("POST /crm/v8/Contacts").asLong();
        long crmOther = calls.path("crm").path("calls").asLong() - crmReads - crmWriteBacks - testInserts;
        long booksCreates = books.path("POST /books/v3/contacts").asLong();
        long booksOther = calls.path("books").path("calls").asLong() - booksCreates;
        return new Row(size, crmReads, crmWriteBacks, crmOther, booksCreates, booksOther,
                calls.path("crm").path("rateLimited").asLong(), calls.path("books").path("rateLimited").asLong(),
                calls.path("crm").path("faultsInjected").asLong() + calls.path("books").path("faultsInjected").asLong(),
                elapsed);
    }

    private long synced(Set<String> ids) {
        return completions.values(c -> c.getFlowId().equals(ContactToCustomerFlow.ID) && c.getStatus() == SyncStatus.SUCCEEDED
                && ids.contains(c.getSource().getRecordId())).stream().map(c -> c.getSource().getRecordId()).distinct().count();
    }

    private static String table(List<Row> rows) {
        StringBuilder t = new StringBuilder();
        t.append("| burst | CRM reads (getMany) | CRM write-backs | CRM other | CRM calls / contact | naive CRM / contact "
                + "| Books creates | Books other | Books calls / contact | naive Books / contact | CRM 429 | Books 429 "
                + "| time |\n");
        t.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            t.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %.3f | 2 | %d | %d | %.3f | 1 | %d | %d | %d s |%n",
                    r.contacts(), r.crmReads(), r.crmWriteBacks(), r.crmOther(), r.crmPerContact(), r.booksCreates(),
                    r.booksOther(), r.booksPerContact(), r.crm429(), r.books429(), r.elapsed().toSeconds()));
        }
        return t.toString();
    }
}
