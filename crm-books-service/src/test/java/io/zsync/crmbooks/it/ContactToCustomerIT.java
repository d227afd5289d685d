package io.zsync.crmbooks.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Requires;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.zsync.contract.ChangeEvent;
import io.zsync.contract.Operation;
import io.zsync.contract.SyncCompleted;
import io.zsync.contract.SyncStatus;
import io.zsync.contract.TargetAction;
import io.zsync.crmbooks.flow.ContactToCustomerFlow;
import io.zsync.schemas.Topics;
import io.zsync.sync.TopicProbe;
import io.zsync.testing.RealKafka;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * crm-contact-to-books-customer end to end: contacts created in the sandbox's CRM reach the service through the
 * sandbox's notification, the real gateway and the real broker, and the outcome is read back from Books, CRM and
 * the completion topic.
 */
@RealKafka
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContactToCustomerIT implements TestPropertyProvider {

    private static final String SPEC = "ContactToCustomerIT";

    @KafkaClient(acks = KafkaClient.Acknowledge.ALL)
    @Requires(property = "spec.name", value = SPEC)
    interface Redelivery {
        @Topic(Topics.Names.CRM_CONTACTS)
        void send(@KafkaKey String recordId, ChangeEvent event);
    }

    @Inject
    Redelivery redelivery;

    private final Sandbox sandbox = new Sandbox();
    private final TopicProbe<SyncCompleted> completions = new TopicProbe<>(Topics.SYNC_COMPLETIONS);
    private final TopicProbe<ChangeEvent> contactChanges = new TopicProbe<>(Topics.CRM_CONTACTS);

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = ServiceProperties.forTest(SPEC);
        // 30 % of the calls fail in one test: allow enough attempts that a run of bad luck is not a flaky test
        properties.put("zsync.sync.max-attempts", "20");
        return properties;
    }

    @AfterAll
    void close() {
        completions.close();
        contactChanges.close();
    }

    private List<SyncCompleted> completionsOf(String contactId) {
        return completions.values(c -> c.getFlowId().equals(ContactToCustomerFlow.ID)
                && c.getSource().getRecordId().equals(contactId));
    }

    private static long count(List<SyncCompleted> completions, SyncStatus status) {
        return completions.stream().filter(c -> c.getStatus() == status).count();
    }

    private Map<String, Object> contact(String tag) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("First_Name", "Ingrid");
        c.put("Last_Name", "Øster-" + tag);
        c.put("Email", "ingrid." + tag + "@example.com");
        c.put("Phone", "+47 555 0101");
        c.put("Mailing_Street", "Strandgata 1");
        c.put("Mailing_City", "Tromsø");
        c.put("Mailing_State", "Troms");
        c.put("Mailing_Zip", "9008");
        c.put("Mailing_Country", "Norway");
        return c;
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void shouldCreateTheBooksCustomerWithTheMappedFieldsAndLinkItBackOnce() {
        String tag = tag();
        String accountId = sandbox.crmInsert("Accounts", Map.of("Account_Name", "Fjord AS " + tag));
        Map<String, Object> fields = contact(tag);
        fields.put("Account_Name", Map.of("id", accountId));
        String contactId = sandbox.crmInsert("Contacts", fields);

        await().atMost(Duration.ofSeconds(60)).until(() -> count(completionsOf(contactId), SyncStatus.SUCCEEDED) == 1
                && completionsOf(contactId).stream().anyMatch(c -> c.getStatus() == SyncStatus.SKIPPED
                && c.getSkipReason().contains("own write-back")));

        List<SyncCompleted> outcomes = completionsOf(contactId);
        assertThat(count(outcomes, SyncStatus.SUCCEEDED)).isEqualTo(1);
        assertThat(count(outcomes, SyncStatus.FAILED)).isZero();
        SyncCompleted created = outcomes.stream().filter(c -> c.getStatus() == SyncStatus.SUCCEEDED).findFirst().orElseThrow();
        assertThat(created.getTargets()).hasSize(1);
        assertThat(created.getTargets().get(0).getAction()).isEqualTo(TargetAction.CREATED);
        String customerId = created.getTargets().get(0).getRecordId();

        List<JsonNode> customers = sandbox.booksContactsByEmail("ingrid." + tag + "@example.com");
        assertThat(customers).extracting(c -> c.path("contact_id").asText()).containsExactly(customerId);
        JsonNode customer = sandbox.booksContact(customerId);
        assertThat(customer.path("contact_name").asText()).isEqualTo("Ingrid Øster-" + tag);
        assertThat(customer.path("company_name").asText()).isEqualTo("Fjord AS " + tag);
        assertThat(customer.path("contact_type").asText()).isEqualTo("customer");
        JsonNode billing = customer.path("billing_address");
        assertThat(billing.path("attention").asText()).isEqualTo("Ingrid Øster-" + tag);
        assertThat(billing.path("address").asText()).isEqualTo("Strandgata 1");
        assertThat(billing.path("city").asText()).isEqualTo("Tromsø");
        assertThat(billing.path("state").asText()).isEqualTo("Troms");
        assertThat(billing.path("zip").asText()).isEqualTo("9008");
        assertThat(billing.path("country").asText()).isEqualTo("Norway");
        JsonNode person = customer.path("contact_persons").path(0);
        assertThat(person.path("email").asText()).isEqualTo("ingrid." + tag + "@example.com");
        assertThat(person.path("phone").asText()).isEqualTo("+47 555 0101");
        assertThat(person.path("is_primary_contact").asBoolean()).isTrue();
        assertThat(customer.path("custom_fields").toString()).contains("cf_crm_contact_id", contactId);

        assertThat(sandbox.crmGet("Contacts", contactId).path("Books_Customer_ID").asText()).isEqualTo(customerId);
    }

    @Test
    void shouldCreateOneCustomerWhenTheSameChangeEventIsDeliveredTenTimes() {
        String tag = tag();
        String contactId = sandbox.crmInsert("Contacts", contact(tag));
        await().atMost(Duration.ofSeconds(30)).until(() -> !contactChanges.values(e -> e.getRecordId().equals(contactId)
                && e.getOperation() == Operation.CREATED).isEmpty());
        ChangeEvent created = contactChanges.values(e -> e.getRecordId().equals(contactId)
                && e.getOperation() == Operation.CREATED).get(0);
        // redeliveries of an event already processed (copies inside one batch are covered by OrgBatches)
        await().atMost(Duration.ofSeconds(60)).until(() -> count(completionsOf(contactId), SyncStatus.SUCCEEDED) == 1);
        for (int i = 0; i < 9; i++) {
            redelivery.send(contactId, created); // with the gateway's own delivery: ten in all
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> completionsOf(contactId).stream()
                .filter(c -> c.getEventId().equals(created.getEventId())).count() == 10);
        List<SyncCompleted> ofThatEvent = completionsOf(contactId).stream()
                .filter(c -> c.getEventId().equals(created.getEventId())).toList();
        assertThat(count(ofThatEvent, SyncStatus.SUCCEEDED)).isEqualTo(1);
        assertThat(ofThatEvent).filteredOn(c -> c.getStatus() == SyncStatus.SKIPPED).hasSize(9)
                .allSatisfy(c -> assertThat(c.getSkipReason()).contains("already processed"));
        assertThat(sandbox.booksContactsByEmail("ingrid." + tag + "@example.com")).hasSize(1);
    }

    @Test
    void shouldCreateExactlyOneCustomerWhileThirtyPercentOfCallsFail() {
        long faultsBefore = sandbox.calls().path("total").path("faultsInjected").asLong();
        // 15 % 429 and 15 % of the rest... per product: P(429) = .15, P(500) = .85 x .176 = .15: 30 % in all
        List<String> rules = List.of(sandbox.addFault("crm", "RATE_LIMIT", 0.15),
                sandbox.addFault("crm", "SERVER_ERROR", 0.176), sandbox.addFault("books", "RATE_LIMIT", 0.15),
                sandbox.addFault("books", "SERVER_ERROR", 0.176));
        // A contact costs the flow only a few calls, which may all pass by chance: sync contacts until the
        // storm has really hit the flow (faults were injected), at most eight.
        Map<String, String> contacts = new java.util.LinkedHashMap<>();
        try {
            while (contacts.size() < 8 && (contacts.isEmpty()
                    || sandbox.calls().path("total").path("faultsInjected").asLong() <= faultsBefore + contacts.size())) {
                String tag = tag();
                String contactId = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                        .until(() -> sandbox.crmInsert("Contacts", contact(tag)), id -> !id.isEmpty());
                contacts.put(contactId, tag);
                await().atMost(Duration.ofSeconds(120)).until(() -> count(completionsOf(contactId), SyncStatus.SUCCEEDED) == 1);
            }
        } finally {
            rules.forEach(sandbox::removeFault);
        }

        assertThat(sandbox.calls().path("total").path("faultsInjected").asLong()).isGreaterThan(faultsBefore + 1);
        contacts.forEach((contactId, tag) -> {
            List<SyncCompleted> outcomes = completionsOf(contactId);
            assertThat(count(outcomes, SyncStatus.SUCCEEDED)).isEqualTo(1);
            assertThat(count(outcomes, SyncStatus.FAILED)).isZero();
            List<JsonNode> customers = sandbox.booksContactsByEmail("ingrid." + tag + "@example.com");
            assertThat(customers).hasSize(1);
            assertThat(sandbox.crmGet("Contacts", contactId).path("Books_Customer_ID").asText())
                    .isEqualTo(customers.get(0).path("contact_id").asText());
        });
    }

    @Test
    void shouldUpdateTheCustomerWhenAMappedFieldChangesAndIgnoreOtherChanges() {
        String tag = tag();
        String contactId = sandbox.crmInsert("Contacts", contact(tag));
        await().atMost(Duration.ofSeconds(60)).until(() -> count(completionsOf(contactId), SyncStatus.SUCCEEDED) == 1);

        sandbox.crmUpdate("Contacts", contactId, Map.of("Phone", "+47 555 0202"));
        await().atMost(Duration.ofSeconds(60)).until(() -> count(completionsOf(contactId), SyncStatus.SUCCEEDED) == 2);
        sandbox.crmUpdate("Contacts", contactId, Map.of("Description", "met at the fair"));
        // a field the mapping does not read: settled from the notification's affected fields, without a CRM read
        await().atMost(Duration.ofSeconds(60)).until(() -> completionsOf(contactId).stream()
                .anyMatch(c -> c.getSkipReason() != null && c.getSkipReason().contains("only Description")));
        SyncCompleted ignored = completionsOf(contactId).stream()
                .filter(c -> c.getSkipReason() != null && c.getSkipReason().contains("only Description")).findFirst().orElseThrow();
        assertThat(ignored.getSkipReason()).startsWith("no field this flow acts on changed");
        assertThat(ignored.getApiCalls()).isZero();

        SyncCompleted updated = completionsOf(contactId).stream().filter(c -> c.getStatus() == SyncStatus.SUCCEEDED)
                .toList().get(1);
        assertThat(updated.getTargets().get(0).getAction()).isEqualTo(TargetAction.UPDATED);
        List<JsonNode> customers = sandbox.booksContactsByEmail("ingrid." + tag + "@example.com");
        assertThat(customers).hasSize(1);
        JsonNode persons = sandbox.booksContact(customers.get(0).path("contact_id").asText()).path("contact_persons");
        assertThat(persons).hasSize(1); // the primary person was kept (by id), not replaced
        assertThat(persons.path(0).path("phone").asText()).isEqualTo("+47 555 0202");
        assertThat(count(completionsOf(contactId), SyncStatus.SUCCEEDED)).isEqualTo(2);
    }

    @Test
    void shouldUpdateALinkedCustomerKeepingItsNameWhenANamesakeHoldsTheContactsName() {
        String tag = tag();
        String name = "Ingrid Øster-" + tag;
        String email = "ingrid." + tag + "@example.com";
        // another person holds the plain name; this person's customer was named after the e-mail too (the Creator
        // saga does so) and the CRM contact was created already linked to it
        sandbox.zoho("POST", "/books/v3/contacts?" + Sandbox.BOOKS_ORG, Map.of("contact_name", name,
                "contact_persons", List.of(Map.of("email", "other." + email, "is_primary_contact", true))));
        String customerId = sandbox.zoho("POST", "/books/v3/contacts?" + Sandbox.BOOKS_ORG, Map.of("contact_name",
                name + " (" + email + ")", "contact_persons", List.of(Map.of("email", email, "is_primary_contact", true))))
                .path("contact").path("contact_id").asText();
        Map<String, Object> fields = contact(tag);
        fields.put("Books_Customer_ID", customerId);

        String contactId = sandbox.crmInsert("Contacts", fields);

        await().atMost(Duration.ofSeconds(60)).until(() -> count(completionsOf(contactId), SyncStatus.SUCCEEDED) == 1);
        List<SyncCompleted> outcomes = completionsOf(contactId);
        assertThat(count(outcomes, SyncStatus.FAILED)).isZero();
        SyncCompleted updated = outcomes.stream().filter(c -> c.getStatus() == SyncStatus.SUCCEEDED).findFirst().orElseThrow();
        assertThat(updated.getTargets()).singleElement().satisfies(t -> {
            assertThat(t.getRecordId()).isEqualTo(customerId);
            assertThat(t.getAction()).isEqualTo(TargetAction.UPDATED);
        });
        assertThat(sandbox.booksContactsByEmail(email)).extracting(c -> c.path("contact_id").asText())
                .containsExactly(customerId);
        JsonNode customer = sandbox.booksContact(customerId);
        assertThat(customer.path("contact_name").asText()).isEqualTo(name + " (" + email + ")");
        assertThat(customer.path("billing_address").path("city").asText()).isEqualTo("Tromsø");
        assertThat(customer.path("custom_fields").toString()).contains("cf_crm_contact_id", contactId);
        assertThat(sandbox.crmGet("Contacts", contactId).path("Books_Customer_ID").asText()).isEqualTo(customerId);
    }

    @Test
    void shouldSkipADeletedContactWithTheReason() {
        String tag = tag();
        String contactId = sandbox.crmInsert("Contacts", contact(tag));
        await().atMost(Duration.ofSeconds(60)).until(() -> count(completionsOf(contactId), SyncStatus.SUCCEEDED) == 1);

        sandbox.crmDelete("Contacts", contactId);

        await().atMost(Duration.ofSeconds(60)).until(() -> completionsOf(contactId).stream()
                .anyMatch(c -> c.getSkipReason() != null && c.getSkipReason().contains("deleted in CRM")));
        assertThat(sandbox.booksContactsByEmail("ingrid." + tag + "@example.com")).hasSize(1);
    }
}
