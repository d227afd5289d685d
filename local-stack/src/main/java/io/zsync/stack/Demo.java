package io.zsync.stack;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.function.BiConsumer;

/**
 * {@code ./zsync up --demo}: drives every pattern of the integration-patterns guide once, from outside, the
 * way Zoho users and Zoho itself would (product APIs of the sandbox, whose webhooks reach the gateway), so
 * the dashboard fills up: a contact (to Books and HubSpot), a deal closed won with a product (an invoice), a
 * lead (a Desk ticket), a bug ticket (a Projects task) that is then closed (CRM updated), a Creator order
 * (the fan-out) and a HubSpot contact (to CRM).
 */
final class Demo {

    private final SandboxClient sandbox;
    private final BiConsumer<String, String> progress;

    Demo(SandboxClient sandbox, BiConsumer<String, String> progress) {
        this.sandbox = sandbox;
        this.progress = progress;
    }

    void run() {
        String suffix = Long.toString(System.currentTimeMillis() % 1_000_000);
        String books = "?organization_id=" + SandboxDefaults.BOOKS_ORGANIZATION_ID;

        JsonNode item = sandbox.zoho("POST", "/books/v3/items" + books,
                "{\"name\":\"Demo widget " + suffix + "\",\"rate\":120.0}");
        String itemId = item.path("item").path("item_id").asText();
        String productId = firstId(sandbox.zoho("POST", "/crm/v8/Products",
                "{\"data\":[{\"Product_Name\":\"Demo widget " + suffix + "\",\"Unit_Price\":120.0,\"Books_Item_ID\":\"" + itemId + "\"}]}"));

        String contactId = firstId(sandbox.zoho("POST", "/crm/v8/Contacts", """
                {"data":[{"First_Name":"Ana","Last_Name":"Lima %s","Email":"ana.lima.%s@example.com","Phone":"+1 555 0100",
                 "Mailing_Street":"1 Main St","Mailing_City":"Austin","Mailing_State":"TX","Mailing_Zip":"73301",
                 "Mailing_Country":"USA"}]}""".formatted(suffix, suffix)));
        progress.accept("demo", "CRM contact " + contactId + " created (-> Books customer, HubSpot contact)");

        String dealId = firstId(sandbox.zoho("POST", "/crm/v8/Deals", """
                {"data":[{"Deal_Name":"Demo deal %s","Stage":"Qualification","Amount":240.0,"Contact_Name":{"id":"%s"}}]}"""
                .formatted(suffix, contactId)));
        sandbox.zoho("PUT", "/crm/v8/Deals/" + dealId + "/Products/" + productId,
                "{\"data\":[{\"Quantity\":2,\"List_Price\":120.0}]}");
        sandbox.zoho("PUT", "/crm/v8/Deals/" + dealId, "{\"data\":[{\"Stage\":\"Closed Won\"}]}");
        progress.accept("demo", "CRM deal " + dealId + " closed won (-> Books invoice)");

        String leadId = firstId(sandbox.zoho("POST", "/crm/v8/Leads", """
                {"data":[{"First_Name":"Bo","Last_Name":"Chen %s","Email":"bo.chen.%s@example.com","Company":"Chen Labs",
                 "Lead_Source":"Web Download"}]}""".formatted(suffix, suffix)));
        progress.accept("demo", "CRM lead " + leadId + " created (-> Desk ticket)");

        JsonNode deskContact = sandbox.zoho("POST", "/api/v1/contacts",
                "{\"lastName\":\"Chen " + suffix + "\",\"email\":\"bo.chen." + suffix + "@example.com\"}");
        JsonNode bug = sandbox.zoho("POST", "/api/v1/tickets", """
                {"subject":"Export crashes %s","departmentId":"%s","contactId":"%s","category":"Bug","priority":"High",
                 "description":"CSV export fails with 500","cf":{"cf_crm_lead_id":"%s"}}"""
                .formatted(suffix, SandboxDefaults.DESK_DEPARTMENT_ID, deskContact.path("id").asText(), leadId));
        String ticketId = bug.path("id").asText();
        progress.accept("demo", "Desk bug ticket " + ticketId + " created (-> Projects task)");
        sandbox.zoho("PATCH", "/api/v1/tickets/" + ticketId, "{\"status\":\"Closed\",\"resolution\":\"Fixed in 2.4\"}");
        progress.accept("demo", "Desk ticket " + ticketId + " closed (-> CRM lead qualified)");

        JsonNode order = sandbox.admin("POST", "/_sandbox/creator/orders", """
                {"Order_Number":"ORD-%s","Customer_First_Name":"Cleo","Customer_Last_Name":"Diaz","Customer_Email":"cleo.%s@example.com",
                 "Customer_Phone":"+1 555 0101","Total_Amount":12500.0,"Quantity":5,"Unit_Price":2500.0,
                 "Product_Books_ID":"%s","Status":"Submitted"}""".formatted(suffix, suffix, itemId));
        progress.accept("demo", "Creator order " + order.path("ID").asText() + " submitted (-> contact, deal, invoice, VIP ticket, e-mail)");

        sandbox.admin("POST", "/_sandbox/hubspot/contacts", """
                {"properties":{"firstname":"Dee","lastname":"Evans %s","email":"dee.%s@example.com","phone":"+1 555 0102",
                 "company":"Evans Co"}}""".formatted(suffix, suffix));
        progress.accept("demo", "HubSpot contact created (-> CRM contact)");
    }

    private static String firstId(JsonNode crmWrite) {
        JsonNode id = crmWrite.path("data").path(0).path("details").path("id");
        if (id.isMissingNode()) {
            throw new StackException("the sandbox did not create the record: " + crmWrite);
        }
        return id.asText();
    }
}
