package io.zsync.crmdesk.it;

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
import io.zsync.contract.SystemId;
import io.zsync.crmdesk.flow.LeadToDeskTicketFlow;
import io.zsync.crmdesk.flow.TicketClosedToCrmFlow;
import io.zsync.schemas.Topics;
import io.zsync.schemas.serde.AvroSerializer;
import io.zsync.schemas.serde.RestSchemaRegistryClient;
import io.zsync.sync.TopicProbe;
import io.zsync.sync.it.ZohoStack;
import io.zsync.testing.KafkaStack;
import io.zsync.testing.RealKafka;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Both flows of crm-desk-service against the real broker and registry, with the Zoho sandbox and the webhook
 * gateway as real processes: a lead created through the CRM API, tickets created and closed through the Desk API,
 * every change reaching the service only through the sandbox's webhooks and the gateway.
 */
@RealKafka
@MicronautTest
@Property(name = "spec.name", value = "CrmDeskServiceIT")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrmDeskServiceIT implements TestPropertyProvider {

    static final Duration WAIT = Duration.ofSeconds(90);

    /** Publishes change events as the gateway does: how a redelivery or a replay reaches the service. */
    @KafkaClient(acks = KafkaClient.Acknowledge.ALL)
    @Requires(property = "spec.name", value = "CrmDeskServiceIT")
    interface Changes {
        @Topic(Topics.Names.CRM_LEADS)
        void lead(@KafkaKey String recordId, ChangeEvent event);

        @Topic(Topics.Names.DESK_TICKETS)
        void ticket(@KafkaKey String recordId, ChangeEvent event);
    }

    @Inject
    Changes changes;

    private final ZohoStack zoho = ZohoStack.get();
    private final SandboxApi api = new SandboxApi(zoho);
    private final TopicProbe<SyncCompleted> completions = new TopicProbe<>(Topics.SYNC_COMPLETIONS);
    private final TopicProbe<ChangeEvent> leadEvents = new TopicProbe<>(Topics.CRM_LEADS);
    private final TopicProbe<ChangeEvent> ticketEvents = new TopicProbe<>(Topics.DESK_TICKETS);

    @Override
    public Map<String, String> getProperties() {
        DeskWebhookWiring.ensure(zoho);
        Map<String, String> p = new HashMap<>(zoho.serviceProperties());
        p.put("zsync.sync.group", "crm-desk-it-" + UUID.randomUUID());
        p.put("zsync.sync.retry-base", "200ms");
        p.put("zsync.sync.retry-cap", "2s");
        p.put("zsync.crm-desk.orgs.dev.ticket-department-id", ZohoStack.DESK_DEPARTMENT_ID);
        p.put("micronaut.server.port", "-1");
        return p;
    }

    @AfterAll
    void close() {
        completions.close();
        leadEvents.close();
        ticketEvents.close();
    }

    // ------------------------------------------------------------------ crm-lead-to-desk-ticket

    @Test
    void shouldOpenOneTicketForANewLeadAndWriteTheDeskIdsBack() {
        Lead lead = createLead("Ada", "Lovelace");

        SyncCompleted done = awaitOne(LeadToDeskTicketFlow.ID, lead.id, SyncStatus.SUCCEEDED);
        JsonNode ticket = onlyTicketOf(lead.id);
        assertThat(ticket.path("subject").asText()).isEqualTo("Inquiry from Ada " + lead.lastName);
        assertThat(ticket.path("departmentId").asText()).isEqualTo(ZohoStack.DESK_DEPARTMENT_ID);
        assertThat(ticket.path("priority").asText()).isEqualTo("High");
        assertThat(ticket.path("statusType").asText()).isEqualTo("Open");
        assertThat(ticket.path("description").asText()).isEqualTo("Lead inquiry for: Analytical Engines<br>Lead Source: Web Download");
        JsonNode contacts = deskContacts(lead.email);
        assertThat(contacts).hasSize(1);
        assertThat(contacts.get(0).path("lastName").asText()).isEqualTo(lead.lastName);
        assertThat(ticket.path("contactId").asText()).isEqualTo(contacts.get(0).path("id").asText());

        JsonNode crmLead = crmLead(lead.id);
        assertThat(crmLead.path("Desk_Contact_ID").asText()).isEqualTo(contacts.get(0).path("id").asText());
        assertThat(crmLead.path("Desk_Ticket_ID").asText()).isEqualTo(ticket.path("id").asText());
        assertThat(crmLead.path("Desk_Ticket_Number").asText()).isEqualTo(ticket.path("ticketNumber").asText());
        assertThat(done.getTargets()).extracting(t -> t.getRecordId())
                .contains(ticket.path("id").asText(), contacts.get(0).path("id").asText(), lead.id);

        // the write-back comes back as a CRM notification: recognised as our own echo, not a new sync
        SyncCompleted echo = awaitOne(LeadToDeskTicketFlow.ID, lead.id, SyncStatus.SKIPPED);
        assertThat(echo.getSkipReason()).contains("own write-back");
        // and the new ticket reaches the closed-ticket flow through the Desk webhook: not a closure
        SyncCompleted notClosed = awaitOne(TicketClosedToCrmFlow.ID, ticket.path("id").asText(), SyncStatus.SKIPPED);
        assertThat(notClosed.getSkipReason()).startsWith("not a transition to closed");
        assertThat(ticketsOf(lead.id)).hasSize(1);
    }

    @Test
    void shouldCreateNothingTwiceWhenTheLeadEventIsRedeliveredOrReplayed() {
        Lead lead = createLead("Grace", "Hopper");
        awaitOne(LeadToDeskTicketFlow.ID, lead.id, SyncStatus.SUCCEEDED);
        awaitOne(LeadToDeskTicketFlow.ID, lead.id, SyncStatus.SKIPPED);
        ChangeEvent created = leadEvents.values(e -> e.getRecordId().equals(lead.id)
                && e.getOperation() == Operation.CREATED).get(0);

        for (int i = 0; i < 3; i++) {
            changes.lead(lead.id, created); // the gateway or Kafka delivering the same event again
        }
        ChangeEvent replay = ChangeEvent.newBuilder(created).setEventId("replay-" + UUID.randomUUID())
                .setOrigin(EventOrigin.RECONCILIATION).build();
        changes.lead(lead.id, replay); // a poller finding the same lead again under a new event id

        await().atMost(WAIT).until(() -> of(LeadToDeskTicketFlow.ID, lead.id, c -> true).size() >= 6);
        List<SyncCompleted> all = of(LeadToDeskTicketFlow.ID, lead.id, c -> true);
        assertThat(all).filteredOn(c -> c.getStatus() == SyncStatus.SUCCEEDED).hasSize(1);
        assertThat(all).filteredOn(c -> c.getEventId().equals(created.getEventId()) && c.getStatus() == SyncStatus.SKIPPED)
                .hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(c -> assertThat(c.getSkipReason()).contains("already processed"));
        assertThat(all).filteredOn(c -> c.getEventId().equals(replay.getEventId())).singleElement()
                .satisfies(c -> assertThat(c.getSkipReason()).startsWith("lead already has Desk ticket"));
        assertThat(ticketsOf(lead.id)).hasSize(1);
        assertThat(deskContacts(lead.email)).hasSize(1);
    }

    @Test
    void shouldSyncALeadOnceWhenItsWebhookAndThePollersCopyArriveInOneBatch() {
        // The gateway's reconciliation finds a new lead whose insert notification is still queued behind a
        // restart: both events of the lead reach the flow in one batch, the poller's under its own event id.
        zoho.sandbox("POST", "/_sandbox/webhooks/drop", "{\"product\":\"crm\",\"count\":1,\"containing\":\"\\\"operation\\\":\\\"insert\\\"\"}");
        Lead lead = createLead("Barbara", "Liskov");
        await().atMost(WAIT).until(() -> zoho.sandbox("GET", "/_sandbox/webhooks/deliveries?limit=1", null)
                .path("pendingDrops").path("crm").asInt(0) == 0);
        ChangeEvent webhook = leadCreated(lead.id, "crm-insert-" + UUID.randomUUID(), EventOrigin.WEBHOOK);
        ChangeEvent pollersCopy = leadCreated(lead.id, "reconcile-" + UUID.randomUUID(), EventOrigin.RECONCILIATION);
        publishTogether(lead.id, webhook, pollersCopy); // one transaction: a read_committed fetch sees both or neither

        await().atMost(WAIT).until(() -> of(LeadToDeskTicketFlow.ID, lead.id,
                c -> c.getEventId().equals(webhook.getEventId()) || c.getEventId().equals(pollersCopy.getEventId())).size() == 2);
        assertThat(of(LeadToDeskTicketFlow.ID, lead.id, c -> c.getEventId().equals(webhook.getEventId())))
                .singleElement().satisfies(c -> assertThat(c.getStatus()).isEqualTo(SyncStatus.SUCCEEDED));
        assertThat(of(LeadToDeskTicketFlow.ID, lead.id, c -> c.getEventId().equals(pollersCopy.getEventId())))
                .singleElement().satisfies(c -> {
                    assertThat(c.getStatus()).isEqualTo(SyncStatus.SKIPPED);
                    assertThat(c.getSkipReason()).isEqualTo("superseded: event " + webhook.getEventId()
                            + " earlier in this batch acts for lead " + lead.id);
                });
        assertThat(of(LeadToDeskTicketFlow.ID, lead.id, c -> c.getStatus() == SyncStatus.SUCCEEDED)).hasSize(1);
        JsonNode ticket = onlyTicketOf(lead.id);
        assertThat(deskContacts(lead.email)).hasSize(1);
        assertThat(crmLead(lead.id).path("Desk_Ticket_ID").asText()).isEqualTo(ticket.path("id").asText());
    }

    @Test
    void shouldConvergeToOneTicketWhenDeskAnswers429And5xx() {
        List<String> faults = List.of(
                fault("RATE_LIMIT", "/api/v1/tickets", 2, 0),
                fault("SERVER_ERROR", "/api/v1/contacts", 1, 503));
        try {
            Lead lead = createLead("Katherine", "Johnson");

            SyncCompleted done = awaitOne(LeadToDeskTicketFlow.ID, lead.id, SyncStatus.SUCCEEDED);
            assertThat(done.getAttempts()).isGreaterThan(1);
            assertThat(of(LeadToDeskTicketFlow.ID, lead.id, c -> c.getStatus() == SyncStatus.FAILED)).isEmpty();
            assertThat(ticketsOf(lead.id)).hasSize(1);
            assertThat(deskContacts(lead.email)).hasSize(1);
            assertThat(crmLead(lead.id).path("Desk_Ticket_ID").asText()).isEqualTo(ticketsOf(lead.id).get(0).path("id").asText());
            assertThat(faults).as("every injected failure was served").noneMatch(this::faultActive);
        } finally {
            faults.forEach(this::removeFault);
        }
    }

    // ------------------------------------------------------------------ desk-ticket-closed-to-crm

    @Test
    void shouldReportAClosedTicketOnItsLeadAndQualifyIt() {
        Lead lead = createLead("Margaret", "Hamilton");
        awaitOne(LeadToDeskTicketFlow.ID, lead.id, SyncStatus.SUCCEEDED);
        awaitOne(LeadToDeskTicketFlow.ID, lead.id, SyncStatus.SKIPPED);
        String ticketId = onlyTicketOf(lead.id).path("id").asText();
        awaitOne(TicketClosedToCrmFlow.ID, ticketId, SyncStatus.SKIPPED); // its creation: not a closure
        // CRM fails twice while the closure is reported: retried, then written once
        String fault = fault("SERVER_ERROR", "/crm/v8/Leads", 2, 503);
        try {
            JsonNode closed = api.call("PATCH", "/api/v1/tickets/" + ticketId,
                    "{\"status\":\"Closed\",\"resolution\":\"Explained the flight software\"}");

            SyncCompleted done = awaitOne(TicketClosedToCrmFlow.ID, ticketId, SyncStatus.SUCCEEDED);
            assertThat(done.getAttempts()).isGreaterThan(1);
            JsonNode crmLead = crmLead(lead.id);
            assertThat(crmLead.path("Last_Support_Ticket_Status").asText()).isEqualTo("Closed");
            assertThat(crmLead.path("Last_Support_Ticket_Date").asText()).isEqualTo(
                    Instant.parse(closed.path("closedTime").asText()).atOffset(ZoneOffset.UTC).toLocalDate().toString());
            assertThat(crmLead.path("Support_Notes").asText()).isEqualTo("Explained the flight software");
            assertThat(crmLead.path("Lead_Status").asText()).isEqualTo("Qualified");
            assertThat(faultActive(fault)).as("both CRM failures were served").isFalse();
        } finally {
            removeFault(fault);
        }
        // the CRM update comes back as a lead change: the lead flow has nothing to do with it, and (tickets open on
        // create here, so Lead_Status decides nothing) knows it from the notification's fields, without a read
        await().atMost(WAIT).until(() -> of(LeadToDeskTicketFlow.ID, lead.id, c -> c.getStatus() == SyncStatus.SKIPPED).size() >= 2);
        SyncCompleted report = await().atMost(WAIT).until(() -> of(LeadToDeskTicketFlow.ID, lead.id,
                c -> c.getSkipReason() != null && c.getSkipReason().contains("Support_Notes")).stream().findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        assertThat(report.getSkipReason()).startsWith("no field this flow acts on changed");
        assertThat(report.getApiCalls()).isZero();
        assertThat(of(LeadToDeskTicketFlow.ID, lead.id, c -> c.getStatus() == SyncStatus.SUCCEEDED)).hasSize(1);
        assertThat(ticketsOf(lead.id)).hasSize(1);
    }

    @Test
    void shouldSkipTicketChangesThatAreNotClosuresAndTicketsWithoutCrmLink() {
        String email = "walk-in-" + UUID.randomUUID() + "@example.com";
        JsonNode ticket = api.call("POST", "/api/v1/tickets", """
                {"subject":"Walk-in question","departmentId":"%s","contact":{"lastName":"Walk-in","email":"%s"}}"""
                .formatted(ZohoStack.DESK_DEPARTMENT_ID, email));
        String ticketId = ticket.path("id").asText();
        awaitOne(TicketClosedToCrmFlow.ID, ticketId, SyncStatus.SKIPPED);

        api.call("PATCH", "/api/v1/tickets/" + ticketId, "{\"priority\":\"Low\"}");
        await().atMost(WAIT).until(() -> of(TicketClosedToCrmFlow.ID, ticketId, c -> true).size() >= 2);
        assertThat(of(TicketClosedToCrmFlow.ID, ticketId, c -> true)).extracting(SyncCompleted::getSkipReason)
                .contains("not a transition to closed (statusType Open -> Open)");

        api.call("PATCH", "/api/v1/tickets/" + ticketId, "{\"status\":\"Closed\"}");
        await().atMost(WAIT).until(() -> of(TicketClosedToCrmFlow.ID, ticketId, c -> true).size() >= 3);
        List<SyncCompleted> all = of(TicketClosedToCrmFlow.ID, ticketId, c -> true);
        assertThat(all).allSatisfy(c -> assertThat(c.getStatus()).isEqualTo(SyncStatus.SKIPPED));
        assertThat(all).extracting(SyncCompleted::getSkipReason).anySatisfy(reason -> assertThat(reason)
                .isEqualTo("ticket #" + ticket.path("ticketNumber").asText()
                        + " has no CRM link: cf_crm_lead_id and cf_crm_contact_id are empty"));
    }

    @Test
    void shouldNotReportAClosureTwiceWhenItIsRedeliveredOrReplayed() {
        Lead lead = createLead("Hedy", "Lamarr");
        awaitOne(LeadToDeskTicketFlow.ID, lead.id, SyncStatus.SUCCEEDED);
        String ticketId = onlyTicketOf(lead.id).path("id").asText();
        api.call("PATCH", "/api/v1/tickets/" + ticketId, "{\"status\":\"Closed\",\"resolution\":\"Patented\"}");
        awaitOne(TicketClosedToCrmFlow.ID, ticketId, SyncStatus.SUCCEEDED);
        String modifiedAfterSync = crmLead(lead.id).path("Modified_Time").asText();
        ChangeEvent closure = ticketEvents.values(e -> e.getRecordId().equals(ticketId)
                && "CLOSED".equals(e.getAttributes().get("transition"))).get(0);

        changes.ticket(ticketId, closure);
        changes.ticket(ticketId, closure);
        ChangeEvent replay = ChangeEvent.newBuilder(closure).setEventId("replay-" + UUID.randomUUID()).build();
        changes.ticket(ticketId, replay);

        await().atMost(WAIT).until(() -> of(TicketClosedToCrmFlow.ID, ticketId,
                c -> c.getEventId().equals(replay.getEventId())).size() == 1
                && of(TicketClosedToCrmFlow.ID, ticketId, c -> c.getEventId().equals(closure.getEventId())).size() >= 3);
        assertThat(of(TicketClosedToCrmFlow.ID, ticketId, c -> c.getStatus() == SyncStatus.SUCCEEDED)).hasSize(1);
        assertThat(of(TicketClosedToCrmFlow.ID, ticketId, c -> c.getEventId().equals(replay.getEventId())).get(0)
                .getSkipReason()).contains("already synced");
        assertThat(crmLead(lead.id).path("Modified_Time").asText()).as("CRM written once").isEqualTo(modifiedAfterSync);
    }

    // ------------------------------------------------------------------ helpers

    record Lead(String id, String lastName, String email) {
    }

    private Lead createLead(String first, String last) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String lastName = last + "-" + suffix;
        String email = first.toLowerCase() + "." + suffix + "@example.com";
        JsonNode answer = api.call("POST", "/crm/v8/Leads", """
                {"data":[{"First_Name":"%s","Last_Name":"%s","Email":"%s","Company":"Analytical Engines",
                  "Lead_Source":"Web Download","Phone":"555-0100"}]}""".formatted(first, lastName, email));
        JsonNode result = answer.path("data").get(0);
        assertThat(result.path("status").asText()).as(answer.toString()).isEqualTo("success");
        return new Lead(result.path("details").path("id").asText(), lastName, email);
    }

    private static ChangeEvent leadCreated(String leadId, String eventId, EventOrigin origin) {
        Instant now = Instant.now();
        return ChangeEvent.newBuilder().setEventId(eventId).setSource(SystemId.ZOHO_CRM).setOrgId(ZohoStack.ORG)
                .setEntityType("Leads").setRecordId(leadId).setOperation(Operation.CREATED).setChangedFields(List.of())
                .setChangedValues(null).setPreviousValues(null).setRecordVersion(null).setOrigin(origin)
                .setOccurredAt(now).setReceivedAt(now).setTraceId("trace-" + eventId).setAttributes(new HashMap<>())
                .build();
    }

    /** Writes the events in one Kafka transaction, so the service's read_committed consumer fetches them together. */
    private static void publishTogether(String key, ChangeEvent... events) {
        KafkaStack stack = KafkaStack.get();
        try (KafkaProducer<String, ChangeEvent> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "crm-desk-it-" + UUID.randomUUID()),
                new StringSerializer(), new AvroSerializer<>(
                        new RestSchemaRegistryClient(stack.schemaRegistryUrl(), null, Duration.ofSeconds(10)), true, false))) {
            producer.initTransactions();
            producer.beginTransaction();
            for (ChangeEvent event : events) {
                producer.send(new ProducerRecord<>(Topics.CRM_LEADS.name(), key, event));
            }
            producer.commitTransaction();
        }
    }

    private List<SyncCompleted> of(String flow, String recordId, Predicate<SyncCompleted> filter) {
        return completions.values(c -> c.getFlowId().equals(flow) && c.getSource().getRecordId().equals(recordId)
                && filter.test(c));
    }

    private SyncCompleted awaitOne(String flow, String recordId, SyncStatus status) {
        await().atMost(WAIT).until(() -> !of(flow, recordId, c -> c.getStatus() == status).isEmpty());
        return of(flow, recordId, c -> c.getStatus() == status).get(0);
    }

    private List<JsonNode> ticketsOf(String leadId) {
        JsonNode found = api.call("GET", "/api/v1/tickets/search?customField1=cf_crm_lead_id:" + leadId, null);
        List<JsonNode> tickets = new ArrayList<>();
        if (found != null) {
            found.path("data").forEach(tickets::add);
        }
        return tickets;
    }

    private JsonNode onlyTicketOf(String leadId) {
        List<JsonNode> tickets = ticketsOf(leadId);
        assertThat(tickets).hasSize(1);
        return tickets.get(0);
    }

    private JsonNode deskContacts(String email) {
        JsonNode found = api.call("GET", "/api/v1/contacts/search?email=" + email, null);
        return found == null ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode() : found.path("data");
    }

    private JsonNode crmLead(String id) {
        return api.call("GET", "/crm/v8/Leads/" + id, null).path("data").get(0);
    }

    /** A rule with a count disappears once used up. */
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

    private String fault(String kind, String path, int count, int status) {
        JsonNode rule = zoho.sandbox("POST", "/_sandbox/faults", """
                {"product":"%s","kind":"%s","pathContains":"%s","count":%d,"status":%d,"retryAfterSeconds":1}"""
                .formatted(path.startsWith("/crm") ? "crm" : "desk", kind, path, count, status));
        return rule.path("id").asText();
    }
}
