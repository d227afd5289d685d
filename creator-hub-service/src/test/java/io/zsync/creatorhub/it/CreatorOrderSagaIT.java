package io.zsync.creatorhub.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.zsync.contract.ChangeEvent;
import io.zsync.contract.DeadLetter;
import io.zsync.contract.RetryRequest;
import io.zsync.contract.SyncCompleted;
import io.zsync.contract.SyncStatus;
import io.zsync.contract.SystemId;
import io.zsync.contract.TargetAction;
import io.zsync.contract.TargetRef;
import io.zsync.creatorhub.flow.CreatorOrderFlow;
import io.zsync.schemas.Topics;
import io.zsync.sync.TopicProbe;
import io.zsync.testing.RealKafka;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.zsync.creatorhub.it.HubStack.booksContactsWithEmail;
import static io.zsync.creatorhub.it.HubStack.booksInvoicesWithReference;
import static io.zsync.creatorhub.it.HubStack.creatorOrder;
import static io.zsync.creatorhub.it.HubStack.crmContact;
import static io.zsync.creatorhub.it.HubStack.crmContactsWithEmail;
import static io.zsync.creatorhub.it.HubStack.crmDealsNamed;
import static io.zsync.creatorhub.it.HubStack.deskTicketsOf;
import static io.zsync.creatorhub.it.HubStack.mailsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The order saga in this JVM against the real broker, registry, Zoho sandbox and gateway processes, and a real
 * SMTP server: orders are submitted in Creator as a customer would and reach the service through the
 * gateway. Each test uses its own order numbers and e-mail addresses and reads only their outcomes.
 */
@RealKafka
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CreatorOrderSagaIT implements TestPropertyProvider {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final TopicProbe<SyncCompleted> completions = new TopicProbe<>(Topics.SYNC_COMPLETIONS);
    private final TopicProbe<DeadLetter> deadLetters = new TopicProbe<>(Topics.SYNC_DEADLETTERS);
    private final TopicProbe<ChangeEvent> orderEvents = new TopicProbe<>(Topics.CREATOR_ORDERS);
    private final TopicProbe<RetryRequest> retries = new TopicProbe<>(Topics.SYNC_RETRIES);

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new java.util.LinkedHashMap<>(HubStack.serviceProperties());
        p.put("micronaut.server.port", "-1");
        // this org's Creator form calls the phone field "Phone": the saga must read it under that name
        p.put("zsync.creator-hub.orgs.dev.fields.Customer_Phone", "Phone");
        return p;
    }

    @AfterEach
    void clearFaults() {
        HubStack.zoho().sandbox("DELETE", "/_sandbox/faults", null);
    }

    @AfterAll
    void closeProbes() {
        completions.close();
        deadLetters.close();
        orderEvents.close();
        retries.close();
    }

    private List<SyncCompleted> completionsOf(String recordId) {
        return completions.values(c -> c.getFlowId().equals(CreatorOrderFlow.ID) && c.getSource().getRecordId().equals(recordId));
    }

    private SyncCompleted awaitOutcome(String recordId, SyncStatus status) {
        await().atMost(PATIENCE).until(() -> completionsOf(recordId).stream().anyMatch(c -> c.getStatus() == status));
        return completionsOf(recordId).stream().filter(c -> c.getStatus() == status).findFirst().orElseThrow();
    }

    private static String target(SyncCompleted completion, SystemId system, String entity) {
        return completion.getTargets().stream().filter(t -> t.getSystem() == system && t.getEntityType().equals(entity))
                .map(TargetRef::getRecordId).findFirst().orElseThrow(() -> new AssertionError("no " + system + " " + entity
                        + " in " + completion.getTargets()));
    }

    @Test
    void shouldRunEverySagaStepOnceForAVipOrderAndConfirmItByOneEmail() throws Exception {
        String number = HubStack.uniqueNumber("VIP");
        String email = number.toLowerCase() + "@customer.test";
        String product = "Standing Desk " + number;
        String itemId = HubStack.seedBooksItem(product, "4000");
        Map<String, Object> fields = HubStack.order(number, email, product, 3, "4000.00");
        fields.put("Phone", "555-0142");
        LocalDate before = LocalDate.now(ZoneOffset.UTC);

        String recordId = HubStack.submitOrder(fields);

        SyncCompleted done = awaitOutcome(recordId, SyncStatus.SUCCEEDED);
        LocalDate after = LocalDate.now(ZoneOffset.UTC);
        assertThat(done.getDetails()).containsKeys("crm.contact", "crm.deal", "books.customer", "books.invoice",
                "desk.ticket", "email.confirmation", "creator.update");
        assertThat(done.getDetails().get("crm.contact")).startsWith("created ");
        assertThat(done.getDetails().get("desk.ticket")).startsWith("created ");
        assertThat(done.getTargets()).extracting(TargetRef::getAction).doesNotContain(TargetAction.UNCHANGED);

        List<JsonNode> contacts = crmContactsWithEmail(email);
        assertThat(contacts).hasSize(1);
        String contactId = contacts.get(0).get("id").asText();
        assertThat(contacts.get(0).get("Phone").asText()).isEqualTo("555-0142");
        assertThat(target(done, SystemId.ZOHO_CRM, "Contacts")).isEqualTo(contactId);

        List<JsonNode> deals = crmDealsNamed("Order " + number);
        assertThat(deals).hasSize(1);
        JsonNode deal = deals.get(0);
        assertThat(deal.get("Stage").asText()).isEqualTo("Qualification");
        assertThat(new BigDecimal(deal.get("Amount").asText())).isEqualByComparingTo("12000");
        assertThat(deal.get("Contact_Name").get("id").asText()).isEqualTo(contactId);
        assertThat(LocalDate.parse(deal.get("Closing_Date").asText())).isBetween(before.plusDays(30), after.plusDays(30));

        List<JsonNode> invoices = booksInvoicesWithReference(number);
        assertThat(invoices).hasSize(1);
        String invoiceId = invoices.get(0).get("invoice_id").asText();
        JsonNode invoice = HubStack.read("/books/v3/invoices/" + invoiceId + "?organization_id="
                + io.zsync.sync.it.ZohoStack.BOOKS_ORGANIZATION_ID).get("invoice");
        assertThat(invoice.get("line_items")).hasSize(1);
        assertThat(invoice.get("line_items").get(0).get("item_id").asText()).isEqualTo(itemId);
        assertThat(new BigDecimal(invoice.get("line_items").get(0).get("quantity").asText())).isEqualByComparingTo("3");
        assertThat(new BigDecimal(invoice.get("total").asText())).isEqualByComparingTo("12000");
        List<JsonNode> customers = booksContactsWithEmail(email);
        assertThat(customers).hasSize(1);
        assertThat(invoice.get("customer_id").asText()).isEqualTo(customers.get(0).get("contact_id").asText());
        assertThat(crmContact(contactId).path("Books_Customer_ID").asText())
                .as("the new CRM contact is created linked to the order's Books customer, so crm-books-service links "
                        + "the pair instead of creating a second customer")
                .isEqualTo(customers.get(0).get("contact_id").asText());
        assertThat(done.getDetails().get("books.customer")).startsWith("created ");

        List<JsonNode> tickets = deskTicketsOf(email);
        assertThat(tickets).hasSize(1);
        assertThat(tickets.get(0).get("subject").asText()).isEqualTo("VIP Order - " + number);
        assertThat(tickets.get(0).get("priority").asText()).isEqualTo("High");
        assertThat(tickets.get(0).get("cf").get("cf_order_id").asText()).isEqualTo(recordId);

        List<MimeMessage> mails = mailsTo(email);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).isEqualTo("Order Confirmation - " + number);
        assertThat(mails.get(0).getMessageID()).isEqualTo("<creator-order-" + recordId + "@" + HubStack.MESSAGE_ID_DOMAIN + ">");
        assertThat(mails.get(0).getFrom()[0].toString()).isEqualTo(HubStack.SENDER);
        assertThat(String.valueOf(mails.get(0).getContent())).contains(number);
        assertThat(target(done, SystemId.EMAIL, "message")).isEqualTo(mails.get(0).getMessageID());

        JsonNode order = creatorOrder(recordId);
        assertThat(order.get("Status").asText()).isEqualTo("Processing");
        assertThat(order.get("CRM_Deal_ID").asText()).isEqualTo(deal.get("id").asText());
        assertThat(order.get("Books_Invoice_ID").asText()).isEqualTo(invoiceId);
        assertThat(order.get("CRM_Contact_ID").asText()).isEqualTo(contactId);
    }

    @Test
    void shouldSkipARedeliveredOrderEventWithoutSendingASecondEmail() {
        String number = HubStack.uniqueNumber("DUP");
        String email = number.toLowerCase() + "@customer.test";
        String product = "Lamp " + number;
        HubStack.seedBooksItem(product, "20");
        String recordId = HubStack.submitOrder(HubStack.order(number, email, product, 2, "20.00"));
        awaitOutcome(recordId, SyncStatus.SUCCEEDED);
        await().atMost(PATIENCE).until(() -> !orderEvents.values(e -> e.getRecordId().equals(recordId)).isEmpty());
        ChangeEvent delivered = orderEvents.values(e -> e.getRecordId().equals(recordId)).get(0);

        // what a redelivery after a lost offset commit looks like: the same event once more
        HubStack.redrive(deadLetterLike(delivered));

        SyncCompleted second = awaitOutcome(recordId, SyncStatus.SKIPPED);
        assertThat(second.getSkipReason()).isNotBlank();
        assertThat(completionsOf(recordId)).extracting(SyncCompleted::getStatus).containsOnlyOnce(SyncStatus.SUCCEEDED);
        assertThat(mailsTo(email)).hasSize(1);
        assertThat(crmDealsNamed("Order " + number)).hasSize(1);
        assertThat(booksInvoicesWithReference(number)).hasSize(1);
    }

    /** A dead letter wrapping an event, so {@link HubStack#redrive} can republish it the operator's way. */
    private static DeadLetter deadLetterLike(ChangeEvent event) {
        java.time.Instant now = java.time.Instant.now();
        return DeadLetter.newBuilder().setEventId(event.getEventId()).setFlowId(CreatorOrderFlow.ID).setOriginal(event)
                .setRawValue(null).setSourceTopic(Topics.CREATOR_ORDERS.name()).setSourcePartition(0).setSourceOffset(0)
                .setRecordKey(event.getRecordId()).setConsumerGroup(HubStack.GROUP).setErrorCode("TEST")
                .setErrorMessage("redelivery").setErrorClass(null).setRetryable(false).setAttempts(1).setFailedStep(null)
                .setFirstFailedAt(now).setDeadLetteredAt(now).setRedriveCount(0).setTraceId(event.getTraceId()).build();
    }

    @Test
    void shouldNotOpenAVipTicketForAnOrderOfExactlyTheThreshold() {
        String number = HubStack.uniqueNumber("EDGE");
        String email = number.toLowerCase() + "@customer.test";
        String product = "Server " + number;
        HubStack.seedBooksItem(product, "10000");

        String recordId = HubStack.submitOrder(HubStack.order(number, email, product, 1, "10000.00"));

        SyncCompleted done = awaitOutcome(recordId, SyncStatus.SUCCEEDED);
        assertThat(done.getDetails().get("desk.ticket")).startsWith("skipped: total 10000.00 does not exceed");
        assertThat(done.getTargets()).noneMatch(t -> t.getSystem() == SystemId.ZOHO_DESK);
        assertThat(deskTicketsOf(email)).isEmpty();
        assertThat(mailsTo(email)).hasSize(1);
        assertThat(creatorOrder(recordId).get("Status").asText()).isEqualTo("Processing");
    }

    @Test
    void shouldUseTheCustomersExistingCrmContactAndBooksCustomer() {
        String number = HubStack.uniqueNumber("OLD");
        String email = number.toLowerCase() + "@customer.test";
        String product = "Chair " + number;
        HubStack.seedBooksItem(product, "150");
        String crmContactId = HubStack.seedCrmContact("Known " + number, email);
        String booksCustomerId = HubStack.zoho().sandbox("POST", "/_sandbox/seed", "{\"books\":{\"contacts\":[{\"contact_name\":"
                + "\"Known " + number + "\",\"contact_persons\":[{\"email\":\"" + email + "\",\"is_primary_contact\":true}]}]}}")
                .get("books").get("contacts").get(0).get("contact_id").asText();
        Map<String, Object> fields = HubStack.order(number, email, product, 4, "150.00");
        fields.put("Books_Customer_ID", booksCustomerId);

        String recordId = HubStack.submitOrder(fields);

        SyncCompleted done = awaitOutcome(recordId, SyncStatus.SUCCEEDED);
        assertThat(done.getDetails().get("crm.contact")).isEqualTo("matched " + crmContactId);
        assertThat(done.getDetails().get("books.customer")).isEqualTo("matched " + booksCustomerId);
        assertThat(crmContactsWithEmail(email)).hasSize(1);
        assertThat(booksContactsWithEmail(email)).hasSize(1);
        assertThat(booksInvoicesWithReference(number)).singleElement()
                .satisfies(i -> assertThat(i.get("customer_id").asText()).isEqualTo(booksCustomerId));
        assertThat(crmDealsNamed("Order " + number)).singleElement()
                .satisfies(d -> assertThat(d.get("Contact_Name").get("id").asText()).isEqualTo(crmContactId));
    }

    @Test
    void shouldGiveANamesakesCustomerNameTheEmailAndLinkTheNewContactToIt() {
        String number = HubStack.uniqueNumber("NAME");
        String email = number.toLowerCase() + "@customer.test";
        String product = "Shelf " + number;
        HubStack.seedBooksItem(product, "80");
        // another person already holds the name the order's customer would get ("Ada Buyer <number>")
        String namesake = HubStack.zoho().sandbox("POST", "/_sandbox/seed", "{\"books\":{\"contacts\":[{\"contact_name\":"
                + "\"Ada Buyer " + number + "\",\"contact_persons\":[{\"email\":\"other." + email
                + "\",\"is_primary_contact\":true}]}]}}").get("books").get("contacts").get(0).get("contact_id").asText();

        String recordId = HubStack.submitOrder(HubStack.order(number, email, product, 1, "80.00"));

        SyncCompleted done = awaitOutcome(recordId, SyncStatus.SUCCEEDED);
        List<JsonNode> customers = booksContactsWithEmail(email);
        assertThat(customers).singleElement().satisfies(c -> {
            assertThat(c.get("contact_id").asText()).isNotEqualTo(namesake);
            assertThat(c.get("contact_name").asText()).isEqualTo("Ada Buyer " + number + " (" + email + ")");
        });
        String customerId = customers.get(0).get("contact_id").asText();
        assertThat(done.getDetails().get("books.customer")).isEqualTo("created " + customerId);
        assertThat(booksInvoicesWithReference(number)).singleElement()
                .satisfies(i -> assertThat(i.get("customer_id").asText()).isEqualTo(customerId));
        String contactId = target(done, SystemId.ZOHO_CRM, "Contacts");
        assertThat(crmContact(contactId).path("Books_Customer_ID").asText()).isEqualTo(customerId);
    }

    @Test
    void shouldRejectAZeroQuantityOrderBeforeWritingAnything() {
        String number = HubStack.uniqueNumber("ZERO");
        String email = number.toLowerCase() + "@customer.test";
        Map<String, Object> fields = HubStack.order(number, email, "Anything", 0, "10.00");

        String recordId = HubStack.submitOrder(fields);

        SyncCompleted failed = awaitOutcome(recordId, SyncStatus.FAILED);
        assertThat(failed.getErrorCode()).isEqualTo("ZERO_QUANTITY");
        assertThat(failed.getDetails()).containsEntry("failedStep", "order.validate");
        await().atMost(PATIENCE).until(() -> !deadLetters.values(d -> d.getRecordKey().equals(recordId)).isEmpty());
        assertThat(deadLetters.values(d -> d.getRecordKey().equals(recordId)).get(0).getFailedStep()).isEqualTo("order.validate");
        assertThat(crmContactsWithEmail(email)).isEmpty();
        assertThat(crmDealsNamed("Order " + number)).isEmpty();
        assertThat(mailsTo(email)).isEmpty();
    }

    @Test
    void shouldStopAtTheInvoiceWhenBooksHasNoItemAndFinishOnRedriveWithoutDuplicates() {
        String number = HubStack.uniqueNumber("NOITEM");
        String email = number.toLowerCase() + "@customer.test";
        String product = "Unlisted Gadget " + number;

        String recordId = HubStack.submitOrder(HubStack.order(number, email, product, 5, "2500.00"));

        SyncCompleted failed = awaitOutcome(recordId, SyncStatus.FAILED);
        assertThat(failed.getErrorCode()).isEqualTo("MISSING_BOOKS_ITEM");
        assertThat(failed.getDetails()).containsEntry("failedStep", "books.invoice");
        assertThat(crmContactsWithEmail(email)).hasSize(1);
        assertThat(crmDealsNamed("Order " + number)).hasSize(1);
        assertThat(booksInvoicesWithReference(number)).isEmpty();
        assertThat(deskTicketsOf(email)).isEmpty();               // later steps did not run
        assertThat(mailsTo(email)).isEmpty();
        assertThat(creatorOrder(recordId).path("Status").asText()).isNotEqualTo("Processing");
        await().atMost(PATIENCE).until(() -> !deadLetters.values(d -> d.getRecordKey().equals(recordId)).isEmpty());
        DeadLetter deadLetter = deadLetters.values(d -> d.getRecordKey().equals(recordId)).get(0);
        assertThat(deadLetter.getFailedStep()).isEqualTo("books.invoice");

        HubStack.seedBooksItem(product, "2500");   // the shop adds the product to Books
        HubStack.redrive(deadLetter);

        SyncCompleted done = awaitOutcome(recordId, SyncStatus.SUCCEEDED);
        assertThat(done.getDetails().get("crm.contact")).startsWith("done earlier ");
        assertThat(done.getDetails().get("crm.deal")).startsWith("done earlier ");
        assertThat(done.getDetails().get("books.invoice")).startsWith("created ");
        assertThat(crmContactsWithEmail(email)).hasSize(1);
        assertThat(crmDealsNamed("Order " + number)).hasSize(1);
        assertThat(booksInvoicesWithReference(number)).hasSize(1);
        assertThat(booksContactsWithEmail(email)).hasSize(1);
        assertThat(deskTicketsOf(email)).hasSize(1);               // 12,500 is a VIP total
        assertThat(mailsTo(email)).hasSize(1);
        assertThat(creatorOrder(recordId).get("Status").asText()).isEqualTo("Processing");
    }

    @Test
    void shouldResumeAfterTransientBooksFailuresWithoutRepeatingEarlierSteps() {
        String number = HubStack.uniqueNumber("FLAKY");
        String email = number.toLowerCase() + "@customer.test";
        String product = "Monitor " + number;
        HubStack.seedBooksItem(product, "300");
        // Books answers 503 to the next two invoice calls: the first attempt's create and the retry's lookup
        HubStack.zoho().sandbox("POST", "/_sandbox/faults", "{\"product\":\"books\",\"kind\":\"SERVER_ERROR\","
                + "\"status\":503,\"pathContains\":\"/books/v3/invoices\",\"count\":2}");

        String recordId = HubStack.submitOrder(HubStack.order(number, email, product, 2, "300.00"));

        SyncCompleted done = awaitOutcome(recordId, SyncStatus.SUCCEEDED);
        assertThat(done.getAttempts()).isGreaterThanOrEqualTo(3);
        assertThat(completionsOf(recordId)).hasSize(1);
        assertThat(crmContactsWithEmail(email)).hasSize(1);
        assertThat(crmDealsNamed("Order " + number)).hasSize(1);
        assertThat(booksContactsWithEmail(email)).hasSize(1);
        assertThat(booksInvoicesWithReference(number)).hasSize(1);
        assertThat(mailsTo(email)).hasSize(1);
    }

    @Test
    void shouldRetryTheEmailWhenTheSmtpServerIsDownAndSendItOnce() {
        String number = HubStack.uniqueNumber("SMTP");
        String email = number.toLowerCase() + "@customer.test";
        String product = "Keyboard " + number;
        HubStack.seedBooksItem(product, "80");
        HubStack.smtp().stop();
        try {
            String recordId = HubStack.submitOrder(HubStack.order(number, email, product, 1, "80.00"));
            // the e-mail step ran into the closed SMTP port and the runtime parked the order for a retry
            await().atMost(PATIENCE).until(() -> !retries.values(r -> r.getEvent().getRecordId().equals(recordId)
                    && "TRANSIENT_IO".equals(r.getLastErrorCode())).isEmpty());
            assertThat(booksInvoicesWithReference(number)).hasSize(1);
            HubStack.smtp().start();

            SyncCompleted done = awaitOutcome(recordId, SyncStatus.SUCCEEDED);
            assertThat(done.getAttempts()).isGreaterThan(1);
            assertThat(done.getDetails().get("email.confirmation")).startsWith("sent ");
            assertThat(mailsTo(email)).hasSize(1);
            assertThat(booksInvoicesWithReference(number)).hasSize(1);
        } finally {
            if (!HubStack.smtp().isRunning()) {
                HubStack.smtp().start();
            }
        }
    }
}
