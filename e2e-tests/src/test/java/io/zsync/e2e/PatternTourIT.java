package io.zsync.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.zsync.contract.SyncCompleted;
import io.zsync.contract.SyncStatus;
import io.zsync.stack.SandboxClient;
import io.zsync.stack.SandboxDefaults;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The project's tour: one scenario per pattern of the integration-patterns guide, on the full stack, driven
 * only from outside (the sandbox's product APIs as a Zoho user would call them; the sandbox then sends its
 * webhooks to the gateway as Zoho would), each checking the final state in the sandbox and the completions.
 */
class PatternTourIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String BOOKS = "?organization_id=" + SandboxDefaults.BOOKS_ORGANIZATION_ID;

    private static FullStack stack;
    private static SandboxClient sandbox;

    @BeforeAll
    static void start() {
        stack = FullStack.get();
        sandbox = stack.sandbox();
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String firstId(JsonNode crmWrite) {
        return crmWrite.path("data").path(0).path("details").path("id").asText();
    }

    private static JsonNode crmRecord(String module, String id) {
        return sandbox.zoho("GET", "/crm/v8/" + module + "/" + id, null).path("data").path(0);
    }

    private static SyncCompleted awaitSucceeded(String flowId, String recordId) {
        await().atMost(PATIENCE).until(() -> stack.completionsOf(flowId, recordId).stream()
                .anyMatch(c -> c.getStatus() == SyncStatus.SUCCEEDED));
        return stack.completionsOf(flowId, recordId).stream().filter(c -> c.getStatus() == SyncStatus.SUCCEEDED)
                .findFirst().orElseThrow();
    }

    @Test
    void contactBecomesBooksCustomerWithWriteBack() {
        String u = unique();
        String contactId = firstId(sandbox.zoho("POST", "/crm/v8/Contacts", """
                {"data":[{"First_Name":"Ana","Last_Name":"Lima %s","Email":"ana.%s@example.com","Phone":"+1 555 0100",
                 "Mailing_City":"Austin","Mailing_Country":"USA"}]}""".formatted(u, u)));

        awaitSucceeded("crm-contact-to-books-customer", contactId);
        await().atMost(PATIENCE).until(() -> !crmRecord("Contacts", contactId).path("Books_Customer_ID").isMissingNode()
                && !crmRecord("Contacts", contactId).path("Books_Customer_ID").isNull());
        String customerId = crmRecord("Contacts", contactId).path("Books_Customer_ID").asText();
        JsonNode customer = sandbox.zoho("GET", "/books/v3/contacts/" + customerId + BOOKS, null).path("contact");
        assertThat(customer.path("contact_name").asText()).isEqualTo("Ana Lima " + u);
        assertThat(stack.completionsOf("crm-contact-to-books-customer", contactId))
                .filteredOn(c -> c.getStatus() == SyncStatus.SUCCEEDED).hasSize(1);
    }

    @Test
    void closedWonDealBecomesOneInvoice() {
        String u = unique();
        String itemId = sandbox.zoho("POST", "/books/v3/items" + BOOKS, "{\"name\":\"Widget " + u + "\",\"rate\":120.0}")
                .path("item").path("item_id").asText();
        String productId = firstId(sandbox.zoho("POST", "/crm/v8/Products", """
                {"data":[{"Product_Name":"Widget %s","Unit_Price":120.0,"Books_Item_ID":"%s"}]}""".formatted(u, itemId)));
        String contactId = firstId(sandbox.zoho("POST", "/crm/v8/Contacts", """
                {"data":[{"First_Name":"Bea","Last_Name":"Deal %s","Email":"bea.%s@example.com"}]}""".formatted(u, u)));
        String dealId = firstId(sandbox.zoho("POST", "/crm/v8/Deals", """
                {"data":[{"Deal_Name":"Deal %s","Stage":"Qualification","Amount":240.0,"Contact_Name":{"id":"%s"}}]}"""
                .formatted(u, contactId)));
        sandbox.zoho("PUT", "/crm/v8/Deals/" + dealId + "/Products/" + productId, "{\"data\":[{\"Quantity\":2,\"List_Price\":120.0}]}");

        sandbox.zoho("PUT", "/crm/v8/Deals/" + dealId, "{\"data\":[{\"Stage\":\"Closed Won\"}]}");

        awaitSucceeded("crm-deal-to-books-invoice", dealId);
        await().atMost(PATIENCE).until(() -> crmRecord("Deals", dealId).hasNonNull("Books_Invoice_ID"));
        JsonNode deal = crmRecord("Deals", dealId);
        JsonNode invoice = sandbox.zoho("GET", "/books/v3/invoices/" + deal.path("Books_Invoice_ID").asText() + BOOKS, null)
                .path("invoice");
        assertThat(invoice.path("invoice_number").asText()).isEqualTo(deal.path("Books_Invoice_Number").asText());
        assertThat(invoice.path("line_items").get(0).path("item_id").asText()).isEqualTo(itemId);
    }

    @Test
    void leadBecomesDeskTicketWithIdsWrittenBack() {
        String u = unique();
        String leadId = firstId(sandbox.zoho("POST", "/crm/v8/Leads", """
                {"data":[{"First_Name":"Cy","Last_Name":"Lead %s","Email":"cy.%s@example.com","Company":"Cy Labs",
                 "Lead_Source":"Web Download"}]}""".formatted(u, u)));

        awaitSucceeded("crm-lead-to-desk-ticket", leadId);
        await().atMost(PATIENCE).until(() -> crmRecord("Leads", leadId).hasNonNull("Desk_Ticket_ID"));
        JsonNode lead = crmRecord("Leads", leadId);
        JsonNode ticket = sandbox.zoho("GET", "/api/v1/tickets/" + lead.path("Desk_Ticket_ID").asText(), null);
        assertThat(ticket.path("subject").asText()).contains("Cy Lead " + u);
        assertThat(ticket.path("ticketNumber").asText()).isEqualTo(lead.path("Desk_Ticket_Number").asText());
        assertThat(lead.path("Desk_Contact_ID").asText()).isEqualTo(ticket.path("contactId").asText());
    }

    @Test
    void bugTicketBecomesProjectsTaskAndClosingItQualifiesTheLead() {
        String u = unique();
        String leadId = firstId(sandbox.zoho("POST", "/crm/v8/Leads", """
                {"data":[{"First_Name":"Di","Last_Name":"Bug %s","Email":"di.%s@example.com","Company":"Di Co"}]}""".formatted(u, u)));
        String deskContact = sandbox.zoho("POST", "/api/v1/contacts",
                "{\"lastName\":\"Bug " + u + "\",\"email\":\"di." + u + "@example.com\"}").path("id").asText();
        String ticketId = sandbox.zoho("POST", "/api/v1/tickets", """
                {"subject":"Export crashes %s","departmentId":"%s","contactId":"%s","category":"Bug","priority":"High",
                 "description":"CSV export fails","cf":{"cf_crm_lead_id":"%s"}}"""
                .formatted(u, SandboxDefaults.DESK_DEPARTMENT_ID, deskContact, leadId)).path("id").asText();

        awaitSucceeded("desk-ticket-to-projects-task", ticketId);
        await().atMost(PATIENCE).until(() -> !sandbox.zoho("GET", "/api/v1/tickets/" + ticketId, null)
                .path("cf").path("cf_project_task_id").asText("").isEmpty());

        sandbox.zoho("PATCH", "/api/v1/tickets/" + ticketId, "{\"status\":\"Closed\",\"resolution\":\"Fixed in 2.4\"}");

        awaitSucceeded("desk-ticket-closed-to-crm", ticketId);
        await().atMost(PATIENCE).until(() -> "Qualified".equals(crmRecord("Leads", leadId).path("Lead_Status").asText()));
        assertThat(stack.completionsOf("desk-ticket-to-projects-task", ticketId))
                .filteredOn(c -> c.getStatus() == SyncStatus.SUCCEEDED).hasSize(1);
    }

    @Test
    void creatorOrderFansOutToEveryProductAndSendsOneEmail() {
        String u = unique();
        String itemId = sandbox.zoho("POST", "/books/v3/items" + BOOKS, "{\"name\":\"Gadget " + u + "\",\"rate\":2500.0}")
                .path("item").path("item_id").asText();
        JsonNode order = sandbox.admin("POST", "/_sandbox/creator/orders", """
                {"Order_Number":"ORD-%s","Customer_First_Name":"Eve","Customer_Last_Name":"Order %s",
                 "Customer_Email":"eve.%s@example.com","Customer_Phone":"+1 555 0101","Total_Amount":12500.0,"Quantity":5,
                 "Unit_Price":2500.0,"Product_Books_ID":"%s","Status":"Submitted"}""".formatted(u, u, u, itemId));
        String orderId = order.path("ID").asText();

        SyncCompleted done = awaitSucceeded("creator-order-to-zoho", orderId);
        assertThat(done.getTargets()).extracting(t -> t.getSystem().name())
                .contains("ZOHO_CRM", "ZOHO_BOOKS", "ZOHO_DESK", "ZOHO_CREATOR");
        await().atMost(PATIENCE).until(() -> stack.stack().mail().getReceivedMessages().length > 0
                && List.of(stack.stack().mail().getReceivedMessages()).stream().anyMatch(m -> subjectHas(m, "ORD-" + u)));
        assertThat(List.of(stack.stack().mail().getReceivedMessages())).filteredOn(m -> subjectHas(m, "ORD-" + u)).hasSize(1);
    }

    private static boolean subjectHas(jakarta.mail.internet.MimeMessage message, String text) {
        try {
            return message.getSubject() != null && message.getSubject().contains(text);
        } catch (jakarta.mail.MessagingException e) {
            return false;
        }
    }

    @Test
    void crmContactReachesHubSpotAndHubSpotContactReachesCrm() {
        String u = unique();
        String contactId = firstId(sandbox.zoho("POST", "/crm/v8/Contacts", """
                {"data":[{"First_Name":"Fay","Last_Name":"Ext %s","Email":"fay.%s@example.com"}]}""".formatted(u, u)));
        awaitSucceeded("crm-contact-to-external", contactId);
        await().atMost(PATIENCE).until(() -> crmRecord("Contacts", contactId).hasNonNull("External_System_ID"));

        JsonNode created = sandbox.admin("POST", "/_sandbox/hubspot/contacts", """
                {"properties":{"firstname":"Gus","lastname":"Hub %s","email":"gus.%s@example.com"}}""".formatted(u, u));
        String hubspotId = created.path("id").asText();
        awaitSucceeded("external-contact-to-crm", hubspotId);
        await().atMost(PATIENCE).until(() -> {
            JsonNode found = sandbox.zoho("GET", "/crm/v8/Contacts/search?email=gus." + u + "@example.com", null);
            return found != null && found.path("data").size() == 1
                    && hubspotId.equals(found.path("data").path(0).path("External_System_ID").asText());
        });
    }

    @Test
    void hourlyBatchRepairsAChangeWhoseWebhookWasLost() throws Exception {
        String u = unique();
        String contactId = firstId(sandbox.zoho("POST", "/crm/v8/Contacts", """
                {"data":[{"First_Name":"Hal","Last_Name":"Batch %s","Email":"hal.%s@example.com","Phone":"+1 555 0300"}]}"""
                .formatted(u, u)));
        awaitSucceeded("crm-contact-to-external", contactId);
        await().atMost(PATIENCE).until(() -> crmRecord("Contacts", contactId).hasNonNull("External_System_ID"));
        String hubspotId = crmRecord("Contacts", contactId).path("External_System_ID").asText();
        // both services write their ids back to the contact; once each flow has seen the insert and both
        // write-backs, the next CRM notification about this contact is the user's edit below
        await().atMost(PATIENCE).until(() -> crmRecord("Contacts", contactId).hasNonNull("Books_Customer_ID"));
        await().atMost(PATIENCE).until(() -> stack.completionsOf("crm-contact-to-external", contactId).size() >= 3
                && stack.completionsOf("crm-contact-to-books-customer", contactId).size() >= 3);

        // lose the webhook of this contact's next CRM change (whatever else CRM notifies meanwhile), and check it
        // was lost: HubSpot still has the old phone a while later
        sandbox.admin("POST", "/_sandbox/webhooks/drop", "{\"product\":\"crm\",\"count\":1,\"containing\":\"" + contactId + "\"}");
        sandbox.zoho("PUT", "/crm/v8/Contacts/" + contactId, "{\"data\":[{\"Phone\":\"+1 555 0399\"}]}");
        await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.admin("GET", "/_sandbox/webhooks/deliveries?limit=1", null)
                .path("pendingDrops").path("crm").asInt(0) == 0);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> hubspotPhone(hubspotId).equals("+1 555 0300"));

        // the hourly batch, started now through the service's management endpoint as an operator would
        String batch = stack.stack().app("external-sync-service").url() + "/contactbatch/" + SandboxDefaults.ORG;
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(2)).until(() -> http.send(HttpRequest.newBuilder(URI.create(batch))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString()).body().contains("\"started\":true"));

        await().atMost(PATIENCE).until(() -> hubspotPhone(hubspotId).equals("+1 555 0399"));
        // the repair is the batch's: its completion (committed with the offsets, after the write) says so
        await().atMost(PATIENCE).until(() -> stack.completionsOf("crm-contact-to-external", contactId).stream()
                .anyMatch(c -> c.getStatus() == SyncStatus.SUCCEEDED && "RECONCILIATION".equals(c.getDetails().get("origin"))));
        assertThat(stack.completionsOf("crm-contact-to-external", contactId))
                .filteredOn(c -> c.getStatus() == SyncStatus.SUCCEEDED).hasSize(2);
    }

    private static String hubspotPhone(String hubspotId) {
        return sandbox.hubspot("GET", "/crm/v3/objects/contacts/" + hubspotId + "?properties=phone", null)
                .path("properties").path("phone").asText();
    }
}
