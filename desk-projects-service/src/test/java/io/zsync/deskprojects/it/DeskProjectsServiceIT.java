package io.zsync.deskprojects.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.zsync.contract.ChangeEvent;
import io.zsync.contract.EventOrigin;
import io.zsync.contract.Operation;
import io.zsync.contract.SyncCompleted;
import io.zsync.contract.SyncStatus;
import io.zsync.deskprojects.flow.TicketToTaskFlow;
import io.zsync.schemas.Topics;
import io.zsync.sync.TopicProbe;
import io.zsync.sync.it.ZohoStack;
import io.zsync.testing.RealKafka;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * desk-projects-service against the real broker and registry, with the Zoho sandbox and the webhook gateway as
 * real processes: tickets are created and changed through the Desk API and reach the service only through the
 * sandbox's Desk webhook and the gateway; tasks are checked in the sandbox's Projects.
 */
@RealKafka
@MicronautTest
@Property(name = "spec.name", value = "DeskProjectsServiceIT")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeskProjectsServiceIT implements TestPropertyProvider {

    static final Duration WAIT = Duration.ofSeconds(90);
    static final String TASKS = "/restapi/portal/" + ZohoStack.PROJECTS_PORTAL_ID + "/projects/"
            + ZohoStack.PROJECTS_PROJECT_ID + "/tasks/";
    static final DateTimeFormatter PROJECTS_DATE = DateTimeFormatter.ofPattern("MM-dd-yyyy");

    /** Publishes change events as the gateway does: how a redelivery or a replay reaches the service. */
    @KafkaClient(acks = KafkaClient.Acknowledge.ALL)
    @Requires(property = "spec.name", value = "DeskProjectsServiceIT")
    interface Changes {
        @Topic(Topics.Names.DESK_TICKETS)
        void ticket(@KafkaKey String recordId, ChangeEvent event);
    }

    @Inject
    Changes changes;

    private final ZohoStack zoho = ZohoStack.get();
    private final SandboxApi api = new SandboxApi(zoho);
    private final TopicProbe<SyncCompleted> completions = new TopicProbe<>(Topics.SYNC_COMPLETIONS);
    private final TopicProbe<ChangeEvent> ticketEvents = new TopicProbe<>(Topics.DESK_TICKETS);

    @Override
    public Map<String, String> getProperties() {
        DeskWebhookWiring.ensure(zoho);
        Map<String, String> p = new HashMap<>(zoho.serviceProperties());
        p.put("zsync.sync.group", "desk-projects-it-" + UUID.randomUUID());
        p.put("zsync.sync.retry-base", "200ms");
        p.put("zsync.sync.retry-cap", "2s");
        p.put("micronaut.server.port", "-1");
        return p;
    }

    @AfterAll
    void close() {
        completions.close();
        ticketEvents.close();
    }

    @Test
    void shouldCreateOneTaskForABugTicketAndLinkItBackWithoutLooping() {
        String subject = "Login fails on Safari " + UUID.randomUUID();
        JsonNode ticket = createTicket(subject, "Bug", "Urgent");
        String ticketId = ticket.path("id").asText();

        SyncCompleted done = awaitOne(ticketId, SyncStatus.SUCCEEDED);
        JsonNode task = onlyTaskOf(ticketId);
        assertThat(task.path("name").asText()).isEqualTo("[Bug] " + subject);
        assertThat(task.path("priority").asText()).as("Urgent maps to High").isEqualTo("High");
        assertThat(task.path("description").asText()).isEqualTo("<p>Steps to reproduce</p>");
        LocalDate start = LocalDate.parse(task.path("start_date").asText(), PROJECTS_DATE);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(start).isIn(today, today.minusDays(1)); // the test may straddle midnight
        assertThat(LocalDate.parse(task.path("end_date").asText(), PROJECTS_DATE)).isEqualTo(start.plusDays(7));
        assertThat(customField(task, "UDF_CHAR2")).isEqualTo(ticket.path("ticketNumber").asText());

        JsonNode linked = api.call("GET", "/api/v1/tickets/" + ticketId, null);
        assertThat(linked.path("cf").path("cf_project_task_id").asText()).isEqualTo(task.path("id_string").asText());
        assertThat(linked.path("cf").path("cf_project_task_link").asText())
                .isEqualTo(task.path("link").path("self").path("url").asText());
        assertThat(done.getTargets()).extracting(t -> t.getRecordId()).containsExactly(task.path("id_string").asText(), ticketId);

        // the write-back changes the ticket, Desk says so by webhook: recognised as our own echo
        SyncCompleted echo = awaitOne(ticketId, SyncStatus.SKIPPED);
        assertThat(echo.getSkipReason()).contains("own write-back");
        assertThat(tasksOf(ticketId)).hasSize(1);
    }

    @Test
    void shouldSkipOtherCategoriesWithTheReason() {
        JsonNode ticket = createTicket("How do I export? " + UUID.randomUUID(), "Question", "Low");
        String ticketId = ticket.path("id").asText();

        SyncCompleted skipped = awaitOne(ticketId, SyncStatus.SKIPPED);
        assertThat(skipped.getSkipReason())
                .isEqualTo("ticket has category 'Question'; tasks are created for [Bug, Feature Request]");
        assertThat(tasksOf(ticketId)).isEmpty();
    }

    @Test
    void shouldCreateTheTaskWhenTheCategoryChangesAndNeverASecondOne() {
        JsonNode ticket = createTicket("Dark mode please " + UUID.randomUUID(), null, "Medium");
        String ticketId = ticket.path("id").asText();
        assertThat(awaitOne(ticketId, SyncStatus.SKIPPED).getSkipReason()).contains("no category");

        api.call("PATCH", "/api/v1/tickets/" + ticketId, "{\"category\":\"Feature Request\"}");
        awaitOne(ticketId, SyncStatus.SUCCEEDED);
        assertThat(onlyTaskOf(ticketId).path("name").asText()).startsWith("[Feature Request] Dark mode please");
        await().atMost(WAIT).until(() -> of(ticketId, c -> c.getSkipReason() != null
                && c.getSkipReason().contains("own write-back")).size() == 1);

        api.call("PATCH", "/api/v1/tickets/" + ticketId, "{\"priority\":\"High\",\"subject\":\"Dark mode, soon\"}");
        await().atMost(WAIT).until(() -> of(ticketId, c -> c.getSkipReason() != null
                && c.getSkipReason().contains("already has Projects task")).size() == 1);
        assertThat(of(ticketId, c -> c.getStatus() == SyncStatus.SUCCEEDED)).hasSize(1);
        assertThat(tasksOf(ticketId)).hasSize(1);
    }

    @Test
    void shouldCreateNothingTwiceWhenTheTicketEventIsRedeliveredOrReplayed() {
        JsonNode ticket = createTicket("Crash on save " + UUID.randomUUID(), "Bug", "High");
        String ticketId = ticket.path("id").asText();
        awaitOne(ticketId, SyncStatus.SUCCEEDED);
        awaitOne(ticketId, SyncStatus.SKIPPED);
        ChangeEvent added = ticketEvents.values(e -> e.getRecordId().equals(ticketId)
                && e.getOperation() == Operation.CREATED).get(0);

        for (int i = 0; i < 3; i++) {
            changes.ticket(ticketId, added);
        }
        // a poller finding the ticket again: new event id, no version, so it reaches the flow itself
        ChangeEvent replay = ChangeEvent.newBuilder(added).setEventId("replay-" + UUID.randomUUID())
                .setRecordVersion(null).setOrigin(EventOrigin.RECONCILIATION).build();
        changes.ticket(ticketId, replay);

        await().atMost(WAIT).until(() -> of(ticketId, c -> c.getEventId().equals(replay.getEventId())).size() == 1
                && of(ticketId, c -> c.getEventId().equals(added.getEventId())).size() >= 4);
        assertThat(of(ticketId, c -> c.getStatus() == SyncStatus.SUCCEEDED)).hasSize(1);
        assertThat(of(ticketId, c -> c.getEventId().equals(added.getEventId()) && c.getStatus() == SyncStatus.SKIPPED))
                .hasSizeGreaterThanOrEqualTo(3).allSatisfy(c -> assertThat(c.getSkipReason()).contains("already processed"));
        assertThat(of(ticketId, c -> c.getEventId().equals(replay.getEventId())).get(0).getSkipReason())
                .contains("already has Projects task");
        assertThat(tasksOf(ticketId)).hasSize(1);
    }

    @Test
    void shouldConvergeToOneTaskWhenProjectsAnswers429And5xx() {
        List<String> faults = List.of(fault("RATE_LIMIT", 2, 0), fault("SERVER_ERROR", 1, 503));
        try {
            JsonNode ticket = createTicket("Totals are wrong " + UUID.randomUUID(), "Bug", "Low");
            String ticketId = ticket.path("id").asText();

            SyncCompleted done = awaitOne(ticketId, SyncStatus.SUCCEEDED);
            assertThat(done.getAttempts()).isGreaterThan(1);
            assertThat(of(ticketId, c -> c.getStatus() == SyncStatus.FAILED)).isEmpty();
            assertThat(faults).as("every injected failure was served").noneMatch(this::faultActive);
            JsonNode task = onlyTaskOf(ticketId);
            assertThat(api.call("GET", "/api/v1/tickets/" + ticketId, null).path("cf").path("cf_project_task_id").asText())
                    .isEqualTo(task.path("id_string").asText());
        } finally {
            faults.forEach(this::removeFault);
        }
    }

    // ------------------------------------------------------------------ helpers

    private JsonNode createTicket(String subject, String category, String priority) {
        String email = "reporter-" + UUID.randomUUID() + "@example.com";
        String categoryJson = category == null ? "" : ",\"category\":\"" + category + "\"";
        JsonNode ticket = api.call("POST", "/api/v1/tickets", """
                {"subject":"%s","departmentId":"%s","description":"<p>Steps to reproduce</p>","priority":"%s"%s,
                 "contact":{"lastName":"Reporter","email":"%s"}}"""
                .formatted(subject, ZohoStack.DESK_DEPARTMENT_ID, priority, categoryJson, email));
        assertThat(ticket.path("id").asText()).as(ticket.toString()).isNotBlank();
        return ticket;
    }

    private List<SyncCompleted> of(String ticketId, Predicate<SyncCompleted> filter) {
        return completions.values(c -> c.getFlowId().equals(TicketToTaskFlow.ID)
                && c.getSource().getRecordId().equals(ticketId) && filter.test(c));
    }

    private SyncCompleted awaitOne(String ticketId, SyncStatus status) {
        await().atMost(WAIT).until(() -> !of(ticketId, c -> c.getStatus() == status).isEmpty());
        return of(ticketId, c -> c.getStatus() == status).get(0);
    }

    private List<JsonNode> tasksOf(String ticketId) {
        JsonNode all = api.call("GET", TASKS, null);
        List<JsonNode> tasks = new ArrayList<>();
        if (all != null) {
            all.path("tasks").forEach(t -> {
                if (ticketId.equals(customField(t, "UDF_CHAR1"))) {
                    tasks.add(t);
                }
            });
        }
        return tasks;
    }

    private JsonNode onlyTaskOf(String ticketId) {
        List<JsonNode> tasks = tasksOf(ticketId);
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    private static String customField(JsonNode task, String column) {
        for (JsonNode field : task.path("custom_fields")) {
            if (column.equals(field.path("column_name").asText())) {
                return field.path("value").asText();
            }
        }
        return null;
    }

    private boolean faultActive(String id) {
        for (JsonNode rule : zoho.sandbox("GET", "/_sandbox/faults", null).path("rules")) {
            if (id.equals(rule.path("id").asText())) {
                return true;
            }
        }
        return false;
    }

    private void removeFault(String id) {
        if (faultActive(id)) {
            zoho.sandbox("DELETE", "/_sandbox/faults/" + id, null);
        }
    }

    private String fault(String kind, int count, int status) {
        return zoho.sandbox("POST", "/_sandbox/faults", """
                {"product":"projects","kind":"%s","pathContains":"/tasks","count":%d,"status":%d,"retryAfterSeconds":1}"""
                .formatted(kind, count, status)).path("id").asText();
    }
}
