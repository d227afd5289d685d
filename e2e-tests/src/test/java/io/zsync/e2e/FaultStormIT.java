package io.zsync.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.zsync.contract.DeadLetter;
import io.zsync.contract.SyncCompleted;
import io.zsync.contract.SyncStatus;
import io.zsync.schemas.Topics;
import io.zsync.schemas.serde.AvroDeserializer;
import io.zsync.schemas.serde.RestSchemaRegistryClient;
import io.zsync.stack.Demo;
import io.zsync.stack.SandboxClient;
import io.zsync.stack.SandboxDefaults;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A sustained fault storm through every flow at once, on the full stack: while the sandbox answers about 30 % of
 * every product API call with a 429 (with Retry-After), a 5xx or a timeout, people keep driving every pattern of
 * the guide (the demo's rounds, several at a time, as people in the products' UIs, so the storm hits only the
 * integration). Every source record must end in exactly one SUCCEEDED completion of its flow and none fail or
 * dead-letter, no target record may exist twice by the natural key its flow uses, and the only 429s the services
 * may meet are the injected ones (their client-side budgets keep them under the products' real limits).
 *
 * <p>The storm lasts its set time and then ends, whatever is in flight; the rounds it overlapped finish after it, and
 * what it interrupted must heal on its own: a pattern a round does not see within its patience during the storm is
 * reported as late, and must still end SUCCEEDED within the retry cap (and a margin) after the storm. Short by default (75 s of storm, 3 rounds at a time); longer with {@code -Dfaultstorm.seconds=900
 * -Dfaultstorm.lanes=4 -Dfaultstorm.rate=0.3}; with {@code -Dfaultstorm.rate=0} the same rounds run in calm weather,
 * the baseline for the API calls per record per flow that the run prints.
 */
class FaultStormIT {

    private static final Logger LOG = LoggerFactory.getLogger(FaultStormIT.class);

    private static final Duration STORM = Duration.ofSeconds(Long.getLong("faultstorm.seconds", 75));
    private static final int LANES = Integer.getInteger("faultstorm.lanes", 3);
    private static final double RATE = Double.parseDouble(System.getProperty("faultstorm.rate", "0.3"));
    /** Per pattern within a round: the storm slows every sync down, retries wait out Retry-After and timeouts. */
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    /** After the storm: the services' retry cap (5 min, sync-runtime's default) and a margin. */
    private static final Duration HEAL = Duration.ofMinutes(7);
    /** Longer than the services' HTTP read timeout (Micronaut's 10 s default), so a timeout fault is one for them. */
    private static final long TIMEOUT_FAULT_MS = 11_000;
    private static final List<String> PRODUCTS = List.of("crm", "books", "desk", "projects", "creator", "hubspot");
    private static final String BOOKS = "?organization_id=" + SandboxDefaults.BOOKS_ORGANIZATION_ID;

    /** Each flow, the source record of a round it keys its completions by, and the guide's naive calls per record. */
    private record Flow(String id, Function<Demo.Round, String> source, String naive) {
    }

    private static final List<Flow> FLOWS = List.of(
            new Flow("crm-contact-to-books-customer", Demo.Round::contactId, "3 (get contact, create customer, update contact)"),
            new Flow("crm-contact-to-external", Demo.Round::contactId, "3 (get contact, create in HubSpot, update contact)"),
            new Flow("crm-deal-to-books-invoice", Demo.Round::dealId,
                    "5 (get deal, get contact, get products, create invoice, update deal)"),
            new Flow("crm-lead-to-desk-ticket", Demo.Round::leadId,
                    "5 (get lead, create Desk contact, update lead, create ticket, update lead)"),
            new Flow("desk-ticket-to-projects-task", Demo.Round::ticketId, "3 (get ticket, create task, update ticket)"),
            new Flow("desk-ticket-closed-to-crm", Demo.Round::ticketId, "3 (get ticket, update lead twice)"),
            new Flow("creator-order-to-zoho", Demo.Round::orderId,
                    "6 (search contact, create contact, create deal, create invoice, create ticket, update order)"),
            new Flow("external-contact-to-crm", Demo.Round::hubspotContactId, "- (the guide has no sequence)"));

    private final FullStack stack = FullStack.get();
    private final SandboxClient admin = stack.sandbox();
    /** People in the products' UIs: their edits fire webhooks, but no fault, quota or call counter touches them. */
    private final SandboxClient person = stack.sandbox().asPerson();

    @AfterAll
    static void calmDown() {
        FullStack.get().sandbox().admin("DELETE", "/_sandbox/faults", null);
    }

    @Test
    void shouldSyncEveryRecordExactlyOnceThroughASustainedStormOnEveryProduct() throws Exception {
        Instant started = Instant.now();
        admin.admin("DELETE", "/_sandbox/calls", null);
        injectStorm();

        List<Demo.Round> rounds = new CopyOnWriteArrayList<>();
        Demo demo = new Demo(person, stack.stack().mail(), PATIENCE, (what, state) -> LOG.debug("{}: {}", what, state));
        long deadline = System.nanoTime() + STORM.toNanos();
        // the storm ends at its deadline, whatever is in flight: what it broke must then heal on its own (retries,
        // parked records), and the rounds still running finish in calm weather
        ScheduledExecutorService calm = Executors.newSingleThreadScheduledExecutor();
        ScheduledFuture<?> stormEnds = calm.schedule(() -> admin.admin("DELETE", "/_sandbox/faults", null),
                STORM.toMillis(), TimeUnit.MILLISECONDS);
        ExecutorService lanes = Executors.newFixedThreadPool(LANES);
        List<CompletableFuture<Void>> driving = new ArrayList<>();
        for (int lane = 0; lane < LANES; lane++) {
            driving.add(CompletableFuture.runAsync(() -> {
                while (System.nanoTime() < deadline) {
                    Demo.Round round = demo.round();
                    rounds.add(round);
                    LOG.info("storm round {} done: {} of {} patterns", round.suffix(),
                            round.outcomes().stream().filter(Demo.Outcome::done).count(), round.outcomes().size());
                }
            }, lanes));
        }
        try {
            stormEnds.get();
            CompletableFuture.allOf(driving.toArray(CompletableFuture[]::new)).join();
        } finally {
            lanes.shutdownNow();
            calm.shutdownNow();
        }
        Duration stormLasted = STORM;
        Duration runLasted = Duration.between(started, Instant.now());
        JsonNode calls = admin.admin("GET", "/_sandbox/calls", null); // the whole run's: storm and the calm after it

        // a pattern the round did not see within its patience while the storm lasted is late, not lost: a saga of
        // ten calls at 30 % faults may need many attempts, and the backoff between them grows to the retry cap.
        // What must hold is that it heals: every source record's SUCCEEDED completion, within the retry cap (and a
        // margin) after the storm, then a quiet while in which nothing more completes for it
        List<String> late = rounds.stream().flatMap(r -> r.outcomes().stream().filter(o -> !o.done())
                .map(o -> "round " + r.suffix() + ": " + o.pattern())).toList();
        await().atMost(HEAL).pollInterval(Duration.ofSeconds(1)).until(() -> missingSucceeded(rounds) == 0);
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> notExactlyOnce(rounds) == 0);

        List<SyncCompleted> ofTheRun = stack.completions(c -> !c.getFinishedAt().isBefore(started));
        long failed = ofTheRun.stream().filter(c -> c.getStatus() == SyncStatus.FAILED).count();
        List<DeadLetter> deadLetters = deadLettersSince(started);
        Map<String, Integer> duplicates = duplicates(rounds);
        long duplicateTargets = duplicates.values().stream().mapToInt(n -> Math.max(0, n - 1)).sum();
        long injected = calls.path("total").path("faultsInjected").asLong();
        long throttled = calls.path("total").path("throttled").asLong();
        int sources = rounds.size() * FLOWS.size();

        LOG.info("""
                
                fault storm: {} s, then calm until every round was done ({} s in all), {} rounds of every pattern ({} at a time), {} % faults on {}
                  patterns a round did not see within its patience (late, then healed): {} {}
                  source records ending in exactly one SUCCEEDED completion: {} of {}; FAILED completions: {}; dead letters: {}
                  duplicate target records (by the flows' natural keys): {} ({} keys checked)
                  API calls: {}; faults injected: {} {}; 429s answered: {}, of them beyond the injected ones: {}
                {}""",
                stormLasted.toSeconds(), runLasted.toSeconds(), rounds.size(), LANES, Math.round(RATE * 100), PRODUCTS,
                late.size(), late,
                sources - notExactlyOnce(rounds), sources, failed, deadLetters.size(),
                duplicateTargets, duplicates.size(),
                calls.path("total").path("calls").asLong(), injected, faultsByKind(calls),
                calls.path("total").path("rateLimited").asLong(), throttled,
                callsPerRecord(ofTheRun, calls));

        assertThat(rounds.size()).as("rounds driven").isGreaterThanOrEqualTo(LANES);
        if (RATE > 0) {
            assertThat(injected).as("faults injected").isPositive();
        } else {
            // -Dfaultstorm.rate=0: the calm baseline of the same rounds, for the API calls per record per flow
            assertThat(injected).as("faults injected in a calm run").isZero();
            assertThat(late).as("patterns late in calm weather").isEmpty();
        }
        assertThat(notExactlyOnce(rounds)).as("source records without exactly one SUCCEEDED completion").isZero();
        assertThat(ofTheRun).as("FAILED completions").filteredOn(c -> c.getStatus() == SyncStatus.FAILED).isEmpty();
        assertThat(deadLetters).as("dead letters").isEmpty();
        assertThat(duplicates).as("target records per natural key").allSatisfy((key, n) -> assertThat(n).as(key).isLessThanOrEqualTo(1));
        assertThat(throttled).as("429s beyond the injected ones: " + calls.path("products")).isZero();
    }

    /** About {@link #RATE} of every product call faulted: half 429 with Retry-After, 5xx (500, 503), a few timeouts. */
    private void injectStorm() {
        admin.admin("DELETE", "/_sandbox/faults", null);
        double rateLimit = RATE * 0.5;
        double error500 = RATE * 0.2;
        double error503 = RATE * 0.2;
        double timeout = RATE * 0.1;
        for (String product : PRODUCTS) {
            // the first rule whose dice hit wins: each later rule's rate is conditional on the earlier ones missing
            double left = 1.0;
            admin.admin("POST", "/_sandbox/faults", """
                    {"product":"%s","kind":"RATE_LIMIT","rate":%s,"retryAfterSeconds":1}""".formatted(product, rateLimit / left));
            left -= rateLimit;
            admin.admin("POST", "/_sandbox/faults", """
                    {"product":"%s","kind":"SERVER_ERROR","status":500,"rate":%s}""".formatted(product, error500 / left));
            left -= error500;
            admin.admin("POST", "/_sandbox/faults", """
                    {"product":"%s","kind":"SERVER_ERROR","status":503,"rate":%s}""".formatted(product, error503 / left));
            left -= error503;
            admin.admin("POST", "/_sandbox/faults", """
                    {"product":"%s","kind":"TIMEOUT","latencyMs":%d,"rate":%s}""".formatted(product, TIMEOUT_FAULT_MS, timeout / left));
        }
    }

    /** SUCCEEDED completions per flow and source record, from one read of the completions. */
    private Map<String, Integer> succeeded() {
        Map<String, Integer> counts = new HashMap<>();
        stack.completions(c -> c.getStatus() == SyncStatus.SUCCEEDED)
                .forEach(c -> counts.merge(c.getFlowId() + " " + c.getSource().getRecordId(), 1, Integer::sum));
        return counts;
    }

    private long missingSucceeded(List<Demo.Round> rounds) {
        Map<String, Integer> counts = succeeded();
        return rounds.stream().flatMap(r -> FLOWS.stream().filter(f -> !counts.containsKey(f.id() + " " + f.source().apply(r)))).count();
    }

    private long notExactlyOnce(List<Demo.Round> rounds) {
        Map<String, Integer> counts = succeeded();
        return rounds.stream().flatMap(r -> FLOWS.stream().filter(f -> counts.getOrDefault(f.id() + " " + f.source().apply(r), 0) != 1)).count();
    }

    /** Target records per natural key, as the flows find them again: e-mail, reference, custom id field. */
    private Map<String, Integer> duplicates(List<Demo.Round> rounds) {
        Map<String, Integer> perKey = new LinkedHashMap<>();
        Map<String, Integer> tasksPerTicket = new HashMap<>();
        JsonNode tasks = person.zoho("GET", "/restapi/portal/" + SandboxDefaults.PROJECTS_PORTAL_ID + "/projects/"
                + SandboxDefaults.PROJECTS_PROJECT_ID + "/tasks/", null);
        if (tasks != null) {
            for (JsonNode task : tasks.path("tasks")) {
                for (JsonNode field : task.path("custom_fields")) {
                    if ("UDF_CHAR1".equals(field.path("column_name").asText())) {
                        tasksPerTicket.merge(field.path("value").asText(), 1, Integer::sum);
                    }
                }
            }
        }
        for (Demo.Round r : rounds) {
            String s = r.suffix();
            for (String email : List.of("ana.lima." + s + "@example.com", "cleo." + s + "@example.com", r.hubspotEmail())) {
                perKey.put("CRM contacts with " + email, size(person.zoho("GET", "/crm/v8/Contacts/search?email=" + email, null), "data"));
                perKey.put("Books customers with " + email, size(person.zoho("GET", "/books/v3/contacts" + BOOKS + "&email=" + email, null), "contacts"));
                perKey.put("HubSpot contacts with " + email, person.hubspot("POST", "/crm/v3/objects/contacts/search", """
                        {"filterGroups":[{"filters":[{"propertyName":"email","operator":"EQ","value":"%s"}]}]}""".formatted(email))
                        .path("total").asInt());
            }
            perKey.put("Books invoices of deal " + r.dealId(), size(person.zoho("GET", "/books/v3/invoices" + BOOKS
                    + "&reference_number=" + r.dealId(), null), "invoices"));
            perKey.put("Books invoices of order ORD-" + s, size(person.zoho("GET", "/books/v3/invoices" + BOOKS
                    + "&reference_number=ORD-" + s, null), "invoices"));
            JsonNode ofLead = person.zoho("GET", "/api/v1/tickets/search?customField1=cf_crm_lead_id:" + r.leadId() + "&limit=100", null);
            int leadTickets = 0;
            for (JsonNode ticket : ofLead == null ? List.<JsonNode>of() : toList(ofLead.path("data"))) {
                // the bug ticket the round itself opened names the same lead
                leadTickets += ticket.path("id").asText().equals(r.ticketId()) ? 0 : 1;
            }
            perKey.put("Desk tickets of lead " + r.leadId(), leadTickets);
            perKey.put("Desk tickets of order " + r.orderId(), size(person.zoho("GET",
                    "/api/v1/tickets/search?customField1=cf_order_id:" + r.orderId() + "&limit=100", null), "data"));
            perKey.put("CRM deals of order ORD-" + s, size(person.zoho("POST", "/crm/v8/coql", """
                    {"select_query":"select id from Deals where Deal_Name = 'Order ORD-%s'"}""".formatted(s)), "data"));
            perKey.put("Projects tasks of ticket " + r.ticketId(), tasksPerTicket.getOrDefault(r.ticketId(), 0));
            perKey.put("e-mails of order ORD-" + s, (int) List.of(stack.stack().mail().getReceivedMessages()).stream()
                    .filter(m -> subjectHas(m, "ORD-" + s)).count());
        }
        return perKey;
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private static int size(JsonNode answer, String array) {
        return answer == null ? 0 : answer.path(array).size();
    }

    private static boolean subjectHas(jakarta.mail.internet.MimeMessage message, String text) {
        try {
            return message.getSubject() != null && message.getSubject().contains(text);
        } catch (jakarta.mail.MessagingException e) {
            return false;
        }
    }

    private static String faultsByKind(JsonNode calls) {
        Map<String, Long> byKind = new LinkedHashMap<>();
        calls.path("products").forEach(p -> p.path("faultsByKind").fields()
                .forEachRemaining(e -> byKind.merge(e.getKey(), e.getValue().asLong(), Long::sum)));
        return byKind.toString();
    }

    /**
     * API calls per synced record per flow, from each completion's own count (every event of the run, echoes and
     * skips included, retries under the storm included), next to the guide's naive sequence; then the sandbox's
     * count per product, which the flows' counts must add up to.
     */
    private static String callsPerRecord(List<SyncCompleted> ofTheRun, JsonNode calls) {
        StringBuilder table = new StringBuilder("  | flow | records synced | events | API calls | calls / record | naive calls / record |\n")
                .append("  |---|---:|---:|---:|---:|---|\n");
        long sum = 0;
        for (Flow flow : FLOWS) {
            List<SyncCompleted> events = ofTheRun.stream().filter(c -> c.getFlowId().equals(flow.id())).toList();
            long apiCalls = events.stream().mapToLong(SyncCompleted::getApiCalls).sum();
            // every record the flow synced in the run: a round's own, and those other flows made (a Creator order's
            // CRM contact, a HubSpot contact's CRM partner), which the flow syncs as well
            long synced = events.stream().filter(c -> c.getStatus() == SyncStatus.SUCCEEDED)
                    .map(c -> c.getSource().getRecordId()).distinct().count();
            sum += apiCalls;
            table.append("  | %s | %d | %d | %d | %.2f | %s |%n".formatted(flow.id(), synced, events.size(), apiCalls,
                    synced == 0 ? 0.0 : (double) apiCalls / synced, flow.naive()));
        }
        table.append("  flows' own count: ").append(sum).append("; the sandbox's:");
        calls.path("products").fields().forEachRemaining(p -> table.append(' ').append(p.getKey()).append(' ')
                .append(p.getValue().path("calls").asLong()));
        table.append("\n  sandbox calls per endpoint: ");
        calls.path("products").forEach(p -> table.append(p.path("endpoints")).append(' '));
        return table.toString();
    }

    /** Every dead letter written since {@code since}, read to the end of the topic. */
    private List<DeadLetter> deadLettersSince(Instant since) {
        List<DeadLetter> found = new ArrayList<>();
        try (KafkaConsumer<String, DeadLetter> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.stack().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-storm-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new AvroDeserializer<>(new RestSchemaRegistryClient(
                        stack.stack().schemaRegistryUrl(), null, Duration.ofSeconds(10)), DeadLetter.class))) {
            consumer.subscribe(List.of(Topics.SYNC_DEADLETTERS.name()));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (!r.value().getDeadLetteredAt().isBefore(since)) {
                        found.add(r.value());
                    }
                });
                return !consumer.assignment().isEmpty() && consumer.endOffsets(consumer.assignment()).entrySet().stream()
                        .allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
            });
        }
        return found;
    }
}
