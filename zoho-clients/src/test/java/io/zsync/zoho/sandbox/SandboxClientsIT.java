package io.zsync.zoho.sandbox;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.zsync.zoho.ZohoProduct;
import io.zsync.zoho.auth.ZohoTokenManager;
import io.zsync.zoho.books.BooksClient;
import io.zsync.zoho.books.BooksContact;
import io.zsync.zoho.books.BooksContactPerson;
import io.zsync.zoho.books.BooksContactRequest;
import io.zsync.zoho.books.BooksInvoice;
import io.zsync.zoho.books.BooksInvoiceRequest;
import io.zsync.zoho.books.BooksLineItem;
import io.zsync.zoho.budget.ApiCallCounter;
import io.zsync.zoho.creator.CreatorClient;
import io.zsync.zoho.creator.CreatorRecord;
import io.zsync.zoho.crm.CrmClient;
import io.zsync.zoho.crm.CrmListQuery;
import io.zsync.zoho.crm.CrmRecord;
import io.zsync.zoho.crm.CrmWriteResult;
import io.zsync.zoho.crm.WatchChannel;
import io.zsync.zoho.crm.WatchResult;
import io.zsync.zoho.desk.DeskClient;
import io.zsync.zoho.desk.DeskContact;
import io.zsync.zoho.desk.DeskContactRequest;
import io.zsync.zoho.desk.DeskTicket;
import io.zsync.zoho.desk.DeskTicketRequest;
import io.zsync.zoho.error.ZohoApiException;
import io.zsync.zoho.error.ZohoDuplicateException;
import io.zsync.zoho.error.ZohoRateLimitException;
import io.zsync.zoho.error.ZohoValidationException;
import io.zsync.zoho.hubspot.HubSpotClient;
import io.zsync.zoho.hubspot.HubSpotContact;
import io.zsync.zoho.projects.ProjectsClient;
import io.zsync.zoho.projects.ProjectsTask;
import io.zsync.zoho.projects.ProjectsTaskRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Every client against the real zoho-sandbox over HTTP, both written independently from zoho-api.md: where
 * they disagree, one of them misread the document. The sandbox runs in this JVM on a random port; the
 * clients reach it only through {@code base-url}, exactly as they would reach real Zoho through the DC hosts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxClientsIT {
    private static final String ORG = "sbx";
    private static final String HS = "sbxhub";
    private static final String DEPARTMENT = "55430000000010772"; // sandbox default department

    private EmbeddedServer sandbox;
    private ApplicationContext clients;
    private HttpClient admin;
    private CrmClient crm;
    private BooksClient books;
    private DeskClient desk;
    private ProjectsClient projects;
    private CreatorClient creator;
    private HubSpotClient hubspot;

    @BeforeAll
    void start() {
        sandbox = ApplicationContext.run(EmbeddedServer.class,
                Map.of("micronaut.server.port", -1, "micronaut.server.host", "127.0.0.1"));
        String url = sandbox.getURL().toString();
        var env = sandbox.getEnvironment();
        Map<String, Object> p = new HashMap<>();
        String o = "zsync.zoho.orgs." + ORG + ".";
        p.put(o + "data-centre", "US");
        p.put(o + "client-id", env.getRequiredProperty("sandbox.accounts.client-id", String.class));
        p.put(o + "client-secret", env.getRequiredProperty("sandbox.accounts.client-secret", String.class));
        p.put(o + "refresh-token", env.getRequiredProperty("sandbox.accounts.refresh-token", String.class));
        p.put(o + "base-url", url);
        p.put(o + "books-organization-id", first(env.getRequiredProperty("sandbox.books.organization-ids", String.class)));
        p.put(o + "desk-org-id", first(env.getRequiredProperty("sandbox.desk.org-ids", String.class)));
        p.put(o + "projects-portal-id", env.getRequiredProperty("sandbox.projects.portal-id", String.class));
        p.put(o + "projects-project-id", first(env.getRequiredProperty("sandbox.projects.project-ids", String.class)));
        p.put(o + "creator-owner", env.getRequiredProperty("sandbox.creator.owner", String.class));
        p.put(o + "creator-app", env.getRequiredProperty("sandbox.creator.app", String.class));
        p.put("zsync.hubspot.accounts." + HS + ".access-token",
                first(env.getRequiredProperty("sandbox.hubspot.access-tokens", String.class)));
        p.put("zsync.hubspot.accounts." + HS + ".base-url", url);
        p.put("zsync.zoho.budget-max-wait", "PT10S");
        p.put("micronaut.http.client.read-timeout", "5s");
        clients = ApplicationContext.run(p, "zoho-clients-it");
        admin = clients.createBean(HttpClient.class, sandbox.getURL());
        crm = clients.getBean(CrmClient.class);
        books = clients.getBean(BooksClient.class);
        desk = clients.getBean(DeskClient.class);
        projects = clients.getBean(ProjectsClient.class);
        creator = clients.getBean(CreatorClient.class);
        hubspot = clients.getBean(HubSpotClient.class);
    }

    @AfterAll
    void stop() {
        if (clients != null) {
            clients.close();
        }
        if (sandbox != null) {
            sandbox.getApplicationContext().close();
        }
    }

    @BeforeEach
    void resetSandbox() {
        admin.toBlocking().exchange(HttpRequest.POST("/_sandbox/reset", "{}"));
        admin.toBlocking().exchange(HttpRequest.DELETE("/_sandbox/faults"));
    }

    // ---------------------------------------------------------------- OAuth

    @Test
    void shouldMintOneTokenForManyParallelCallsThroughTheSandboxAccountsServer() {
        ZohoTokenManager tokens = clients.getBean(ZohoTokenManager.class);
        long before = tokens.grantsSent(ORG);

        List<Optional<CrmRecord>> results = java.util.stream.IntStream.range(0, 20).parallel()
                .mapToObj(i -> crm.get(ORG, "Contacts", "5725767000000524157")).toList();

        assertThat(results).allMatch(Optional::isEmpty);
        assertThat(tokens.grantsSent(ORG) - before).isLessThanOrEqualTo(1);
        assertThat(tokens.apiDomain(ORG)).isNotBlank();
    }

    // ---------------------------------------------------------------- CRM

    @Test
    void crmRoundTripFromInsertToDelete() {
        String email = unique("anna") + "@example.com";
        String id = crm.insertOne(ORG, "Contacts", CrmRecord.empty().with("First_Name", "Anna")
                .with("Last_Name", "Kingsley").with("Email", email).with("Phone", "555-33445561"));

        assertThat(id).matches("\\d{17,19}");
        CrmRecord read = crm.get(ORG, "Contacts", id).orElseThrow();
        assertThat(read.email()).isEqualTo(email);
        assertThat(read.modifiedTime()).isPresent(); // yyyy-MM-ddTHH:mm:ss±HH:mm parses

        CrmWriteResult updated = crm.updateOne(ORG, "Contacts", id, CrmRecord.empty().with("Phone", "555-0100"));
        assertThat(updated.message()).isEqualTo("record updated");
        assertThat(crm.get(ORG, "Contacts", id).orElseThrow().phone()).isEqualTo("555-0100");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(crm.searchByEmail(ORG, "Contacts", email)).extracting(CrmRecord::id).containsExactly(id));

        CrmWriteResult upsert = crm.upsertOne(ORG, "Contacts", CrmRecord.empty().with("Last_Name", "Kingsley")
                .with("Email", email).with("Title", "CFO"), List.of("Email"));
        assertThat(upsert.action()).isEqualTo("update");
        assertThat(upsert.id()).isEqualTo(id);

        assertThat(crm.delete(ORG, "Contacts", List.of(id))).singleElement()
                .satisfies(r -> assertThat(r.success()).isTrue());
        assertThat(crm.get(ORG, "Contacts", id)).isEmpty();
    }

    @Test
    void crmReportsDuplicatesWithTheExistingIdAndMissingMandatoryFieldsPerRecord() {
        String email = unique("dup") + "@example.com";
        String first = crm.insertOne(ORG, "Contacts", CrmRecord.empty().with("Last_Name", "A").with("Email", email));

        List<CrmWriteResult> results = crm.insert(ORG, "Contacts", List.of(
                CrmRecord.empty().with("Last_Name", "B").with("Email", email),
                CrmRecord.empty().with("First_Name", "no last name"),
                CrmRecord.empty().with("Last_Name", "C").with("Email", unique("ok") + "@example.com")));

        assertThat(results).extracting(CrmWriteResult::success).containsExactly(false, false, true);
        assertThat(results.get(0).error()).isInstanceOf(ZohoDuplicateException.class);
        assertThat(results.get(0).error().duplicateId()).contains(first);
        assertThat(results.get(1).error().code()).isEqualTo("MANDATORY_NOT_FOUND");
        assertThat(results.get(1).error().fieldErrors()).extracting(ZohoApiException.FieldError::field)
                .contains("Last_Name");
        assertThat(results.get(1).error().retryable()).isFalse();
    }

    @Test
    void crmListWalksPagesAndRespectsIfModifiedSince() {
        List<CrmRecord> batch = java.util.stream.IntStream.range(0, 5)
                .mapToObj(i -> CrmRecord.empty().with("Last_Name", "L" + i).with("Company", "Zylker")).toList();
        assertThat(crm.insert(ORG, "Leads", batch)).allMatch(CrmWriteResult::success);

        List<CrmRecord> all = crm.listAll(ORG, CrmListQuery.of("Leads", "Last_Name", "Company").perPage(2));
        assertThat(all).hasSize(5);

        List<CrmRecord> none = crm.listAll(ORG, CrmListQuery.of("Leads", "Last_Name")
                .modifiedSince(OffsetDateTime.now().plusHours(1)));
        assertThat(none).isEmpty(); // 304 or 204: nothing changed since
    }

    @Test
    void crmRelatedListOfADealWithoutProductsIsEmpty() {
        String deal = crm.insertOne(ORG, "Deals", CrmRecord.empty().with("Deal_Name", "Big one").with("Stage", "Qualification"));

        assertThat(crm.dealProducts(ORG, deal, List.of("Product_Name"))).isEmpty();
    }

    @Test
    void crmNotificationChannelsSubscribeListRenewAndDisable() {
        String channel = String.valueOf(1_000_000_000L + (long) (Math.random() * 1_000_000));
        List<WatchResult> sub = crm.subscribe(ORG, List.of(new WatchChannel(channel, List.of("Contacts.all"),
                "http://127.0.0.1:9/notify?tenant=acme", "TOKEN_" + channel, OffsetDateTime.now().plusDays(1), true)));

        assertThat(sub).singleElement().satisfies(r -> assertThat(r.success()).as(r.message()).isTrue());
        assertThat(crm.listChannels(ORG)).anySatisfy(c -> assertThat(String.valueOf(c.get("channel_id"))).isEqualTo(channel));
        assertThat(crm.renew(ORG, channel, List.of("Contacts.all"), OffsetDateTime.now().plusDays(6)))
                .singleElement().satisfies(r -> assertThat(r.success()).as(r.message()).isTrue());
        assertThat(crm.disable(ORG, List.of(channel))).allMatch(WatchResult::success);
    }

    @Test
    void injected429IsRetryableWithRetryAfter() {
        fault("{\"product\":\"crm\",\"kind\":\"RATE_LIMIT\",\"rate\":1.0,\"retryAfterSeconds\":7,\"count\":1}");

        assertThatThrownBy(() -> crm.get(ORG, "Contacts", "5725767000000524157"))
                .isInstanceOfSatisfying(ZohoRateLimitException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
                });
    }

    @Test
    void injected5xxIsRetryable() {
        fault("{\"product\":\"books\",\"kind\":\"SERVER_ERROR\",\"rate\":1.0,\"count\":1}");

        assertThatThrownBy(() -> books.searchContactsByEmail(ORG, "x@example.com"))
                .isInstanceOfSatisfying(ZohoApiException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.httpStatus()).isGreaterThanOrEqualTo(500);
                });
    }

    // ---------------------------------------------------------------- Books

    @Test
    void booksContactAndInvoiceFlow() {
        String email = unique("will") + "@bowman.example";
        String name = "Bowman " + unique("co");
        BooksContact contact = books.createContact(ORG, BooksContactRequest.customer(name, name,
                BooksContactPerson.primary("Will", "Smith", email, null)));

        assertThat(contact.contactId()).isNotBlank();
        assertThat(books.searchContactsByEmail(ORG, email)).extracting(BooksContact::contactId)
                .containsExactly(contact.contactId());
        assertThat(books.getContact(ORG, contact.contactId())).isPresent();
        assertThatThrownBy(() -> books.createContact(ORG, BooksContactRequest.customer(name, null,
                BooksContactPerson.primary("X", "Y", "other@example.com", null))))
                .isInstanceOfSatisfying(ZohoDuplicateException.class, e -> assertThat(e.code()).isEqualTo("3062"));

        String ref = "DEAL-" + unique("ref");
        BooksInvoice invoice = books.createInvoice(ORG, BooksInvoiceRequest.of(contact.contactId(), ref,
                LocalDate.now(), List.of(BooksLineItem.of(null, "Widget", new BigDecimal("120.00"), BigDecimal.valueOf(2)))));
        assertThat(invoice.invoiceNumber()).isNotBlank();
        assertThat(books.searchInvoicesByReference(ORG, ref)).extracting(BooksInvoice::invoiceId)
                .containsExactly(invoice.invoiceId());
        assertThat(books.searchInvoicesByNumber(ORG, invoice.invoiceNumber())).hasSize(1);
        assertThat(books.getInvoice(ORG, invoice.invoiceId())).hasValueSatisfying(i ->
                assertThat(i.total()).isEqualByComparingTo("240"));
        assertThat(books.listItems(ORG, null)).isNotNull();
    }

    // ---------------------------------------------------------------- Desk

    @Test
    void deskContactAndTicketFlow() {
        String email = unique("desk") + "@example.com";
        DeskContact contact = desk.createContact(ORG, DeskContactRequest.of("Anna", "Kingsley", email, "555-0100"));
        assertThat(contact.id()).isNotBlank();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(desk.searchContactsByEmail(ORG, email)).extracting(DeskContact::id).contains(contact.id()));

        DeskTicket ticket = desk.createTicket(ORG, DeskTicketRequest.of("Battery dead", DEPARTMENT, contact.id(),
                "<p>help</p>"));
        assertThat(ticket.ticketNumber()).isNotBlank();
        assertThat(ticket.isClosed()).isFalse();

        DeskTicket closed = desk.updateTicket(ORG, ticket.id(), Map.of("status", "Closed"));
        assertThat(closed.isClosed()).isTrue();
        assertThat(closed.closedTime()).isNotBlank();
        assertThat(desk.getTicket(ORG, ticket.id())).hasValueSatisfying(t -> assertThat(t.isClosed()).isTrue());
        assertThat(desk.getTicket(ORG, "55430000099999999")).isEmpty();
    }

    @Test
    void deskRejectsATicketWithoutAValidDepartment() {
        DeskContact contact = desk.createContact(ORG, DeskContactRequest.of(null, "K", unique("v") + "@example.com", null));

        assertThatThrownBy(() -> desk.createTicket(ORG, DeskTicketRequest.of("s", "1", contact.id(), null)))
                .isInstanceOfSatisfying(ZohoValidationException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.fieldErrors()).isNotEmpty();
                });
    }

    // ---------------------------------------------------------------- Projects

    @Test
    void projectsTaskCreateGetUpdate() {
        ProjectsTask task = projects.createTask(ORG, ProjectsTaskRequest.of("Bug from ticket 101", "details",
                "High", LocalDate.now().plusDays(7)));

        assertThat(task.taskId()).isNotBlank();
        assertThat(task.selfUrl()).isPresent();
        assertThat(projects.getTask(ORG, null, task.taskId())).hasValueSatisfying(t ->
                assertThat(t.name()).isEqualTo("Bug from ticket 101"));
        ProjectsTask updated = projects.updateTask(ORG, null, task.taskId(),
                new ProjectsTaskRequest(null, null, null, null, null, null, null, "Low", null, null));
        assertThat(updated.priority()).isEqualToIgnoringCase("Low");
    }

    // ---------------------------------------------------------------- Creator

    @Test
    void creatorReadAndUpdateOfASubmittedOrder() {
        String body = "{\"Email\":\"" + unique("c") + "@example.com\",\"Order_Total\":\"120.00\",\"Status\":\"Submitted\"}";
        Map<?, ?> created = admin.toBlocking().retrieve(HttpRequest.POST("/_sandbox/creator/orders", body)
                .contentType(MediaType.APPLICATION_JSON_TYPE), Map.class);
        String id = String.valueOf(created.get("ID"));
        String report = sandbox.getEnvironment().getRequiredProperty("sandbox.creator.report", String.class);

        CreatorRecord read = creator.getRecord(ORG, report, id).orElseThrow();
        assertThat(read.id()).isEqualTo(id);
        assertThat(creator.updateRecord(ORG, report, id, Map.of("Status", "Processed"), List.of())).isEqualTo(id);
        assertThat(creator.getRecord(ORG, report, id).orElseThrow().string("Status")).isEqualTo("Processed");
    }

    // ---------------------------------------------------------------- HubSpot

    @Test
    void hubspotContactLifecycleAndConflict() {
        String email = unique("hs") + "@example.com";
        HubSpotContact c = hubspot.create(HS, Map.of("email", email, "firstname", "A", "lastname", "B"));

        assertThat(c.id()).isNotBlank();
        assertThatThrownBy(() -> hubspot.create(HS, Map.of("email", email)))
                .isInstanceOfSatisfying(ZohoDuplicateException.class, e -> assertThat(e.duplicateId()).contains(c.id()));
        assertThat(hubspot.update(HS, c.id(), Map.of("phone", "555")).phone()).isEqualTo("555");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(hubspot.searchByEmail(HS, email)).extracting(HubSpotContact::id).containsExactly(c.id()));
        hubspot.delete(HS, c.id());
        assertThat(hubspot.get(HS, c.id())).isEmpty();
    }

    // ---------------------------------------------------------------- counting

    @Test
    void countsTheCallsOfOneUnitOfWork() {
        ApiCallCounter counter = clients.getBean(ApiCallCounter.class);
        try (ApiCallCounter.Scope scope = counter.open()) {
            crm.get(ORG, "Leads", "5725767000000524157");
            books.searchContactsByEmail(ORG, "nobody@example.com");

            assertThat(scope.count(ZohoProduct.CRM)).isEqualTo(1);
            assertThat(scope.count(ZohoProduct.BOOKS)).isEqualTo(1);
        }
    }

    private void fault(String json) {
        admin.toBlocking().exchange(HttpRequest.POST("/_sandbox/faults", json).contentType(MediaType.APPLICATION_JSON_TYPE));
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String first(String csv) {
        return csv.split(",")[0].trim();
    }
}
