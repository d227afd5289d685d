package io.zsync.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zsync.contract.ChangeEvent;
import io.zsync.contract.EventOrigin;
import io.zsync.contract.Operation;
import io.zsync.contract.SyncCompleted;
import io.zsync.contract.SyncStatus;
import io.zsync.schemas.TopicSpec;
import io.zsync.schemas.Topics;
import io.zsync.stack.Ports;
import io.zsync.stack.SandboxDefaults;
import io.zsync.sync.TopicProbe;
import io.zsync.sync.it.ZohoStack;
import org.awaitility.core.ConditionTimeoutException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The flows {@link CrashReplayIT} runs through crashes and replay. Each makes its source records through the
 * sandbox's product API as a Zoho user's script would, and counts targets by the natural key the flow itself
 * relies on to find a target an earlier, crashed attempt created.
 */
final class CrashScenarios {

    private CrashScenarios() {
    }

    /** crm-books-service: a CRM contact gets one Books customer (found again by its e-mail). */
    static final class ContactToBooksCustomer implements CrashScenario {
        public String module() {
            return "crm-books-service";
        }

        public String mainClass() {
            return "io.zsync.crmbooks.CrmBooksApplication";
        }

        public String flowId() {
            return "crm-contact-to-books-customer";
        }

        public List<TopicSpec<String, ChangeEvent>> topics() {
            return List.of(Topics.CRM_CONTACTS, Topics.CRM_DEALS);
        }

        public Map<String, String> properties() {
            return Map.of();
        }

        public String sources() {
            return "contacts";
        }

        public String targets() {
            return "Books customers";
        }

        public List<String> create(ZohoStack zoho, String run, int from, int to) {
            return crmInsert(zoho, "Contacts", IntStream.range(from, to).mapToObj(i -> """
                    {"First_Name":"Crash","Last_Name":"Books %s-%d","Email":"%s"}""".formatted(run, i, email(run, i))).toList());
        }

        public Map<String, Integer> targetsPerSource(ZohoStack zoho, String run, List<String> sourceIds) {
            Map<String, Integer> counts = new HashMap<>();
            for (int i = 0; i < sourceIds.size(); i++) {
                String email = email(run, i);
                JsonNode found = read(() -> zoho.zoho("GET", "/books/v3/contacts?organization_id="
                        + SandboxDefaults.BOOKS_ORGANIZATION_ID + "&email=" + email, null), "contacts");
                counts.put(sourceIds.get(i), found == null ? 0 : found.path("contacts").size());
            }
            return counts;
        }

        private static String email(String run, int i) {
            return "books." + run + "." + i + "@example.com";
        }
    }

    /** crm-desk-service: a new CRM lead gets one Desk inquiry ticket (found again by the lead id it carries). */
    static final class LeadToDeskTicket implements CrashScenario {
        public String module() {
            return "crm-desk-service";
        }

        public String mainClass() {
            return "io.zsync.crmdesk.CrmDeskApplication";
        }

        public String flowId() {
            return "crm-lead-to-desk-ticket";
        }

        public List<TopicSpec<String, ChangeEvent>> topics() {
            return List.of(Topics.CRM_LEADS);
        }

        public Map<String, String> properties() {
            // the service's other flow (closed tickets to CRM) would reach the same crash points with the tickets
            // this flow opens; off, every crash of the run falls in the lead flow
            return Map.of("zsync.crm-desk.orgs.dev.ticket-department-id", ZohoStack.DESK_DEPARTMENT_ID,
                    "zsync.crm-desk.closed-ticket.enabled", "false");
        }

        public String sources() {
            return "leads";
        }

        public String targets() {
            return "Desk tickets";
        }

        public List<String> create(ZohoStack zoho, String run, int from, int to) {
            return crmInsert(zoho, "Leads", IntStream.range(from, to).mapToObj(i -> """
                    {"First_Name":"Crash","Last_Name":"Lead %s-%d","Email":"lead.%s.%d@example.com",
                     "Company":"Crash Test","Lead_Source":"Web Download"}""".formatted(run, i, run, i)).toList());
        }

        public Map<String, Integer> targetsPerSource(ZohoStack zoho, String run, List<String> sourceIds) {
            Map<String, Integer> counts = new HashMap<>();
            for (String leadId : sourceIds) {
                JsonNode found = read(() -> zoho.zoho("GET", "/api/v1/tickets/search?limit=100&customField1=cf_crm_lead_id:"
                        + leadId, null), "data");
                counts.put(leadId, found == null ? 0 : found.path("data").size());
            }
            return counts;
        }
    }

    /** desk-projects-service: a Desk bug ticket gets one Projects task (found again by the ticket id it carries). */
    static final class BugTicketToProjectsTask implements CrashScenario {
        private static final String TASKS = "/restapi/portal/" + ZohoStack.PROJECTS_PORTAL_ID + "/projects/"
                + ZohoStack.PROJECTS_PROJECT_ID + "/tasks/";

        public String module() {
            return "desk-projects-service";
        }

        public String mainClass() {
            return "io.zsync.deskprojects.DeskProjectsApplication";
        }

        public String flowId() {
            return "desk-ticket-to-projects-task";
        }

        public List<TopicSpec<String, ChangeEvent>> topics() {
            return List.of(Topics.DESK_TICKETS);
        }

        public Map<String, String> properties() {
            return Map.of();
        }

        public String sources() {
            return "bug tickets";
        }

        public String targets() {
            return "Projects tasks";
        }

        public List<String> create(ZohoStack zoho, String run, int from, int to) {
            List<String> ids = new ArrayList<>();
            for (int i = from; i < to; i++) { // Desk creates one ticket per call
                JsonNode ticket = zoho.zoho("POST", "/api/v1/tickets", """
                        {"subject":"Crash %s-%d","departmentId":"%s","description":"<p>Steps to reproduce</p>",
                         "priority":"High","category":"Bug","contact":{"lastName":"Reporter","email":"bug.%s.%d@example.com"}}"""
                        .formatted(run, i, ZohoStack.DESK_DEPARTMENT_ID, run, i));
                assertThat(ticket.path("id").asText()).as(String.valueOf(ticket)).isNotBlank();
                ids.add(ticket.path("id").asText());
            }
            return ids;
        }

        public Map<String, Integer> targetsPerSource(ZohoStack zoho, String run, List<String> sourceIds) {
            Map<String, Integer> counts = new HashMap<>();
            sourceIds.forEach(id -> counts.put(id, 0));
            JsonNode all = read(() -> zoho.zoho("GET", TASKS, null), "tasks"); // null (204) when the project has no task
            if (all != null) {
                for (JsonNode task : all.path("tasks")) {
                    for (JsonNode field : task.path("custom_fields")) {
                        if ("UDF_CHAR1".equals(field.path("column_name").asText())) {
                            counts.computeIfPresent(field.path("value").asText(), (id, n) -> n + 1);
                        }
                    }
                }
            }
            return counts;
        }
    }

    /**
     * external-sync-service: a CRM contact gets one HubSpot contact. Half the contacts have no e-mail, so HubSpot's
     * refusal of a second contact with the same e-mail cannot hide a duplicate: those are found again only by the
     * CRM id the HubSpot contact carries ({@code zoho_contact_id}).
     */
    static final class ContactToHubSpot implements CrashScenario {
        public String module() {
            return "external-sync-service";
        }

        public String mainClass() {
            return "io.zsync.externalsync.ExternalSyncApplication";
        }

        public String flowId() {
            return "crm-contact-to-external";
        }

        public List<TopicSpec<String, ChangeEvent>> topics() {
            return List.of(Topics.CRM_CONTACTS, Topics.EXTERNAL_CONTACTS);
        }

        public Map<String, String> properties() {
            // the hourly batch would add its own reconciliation events to the run; webhooks alone drive it here
            return Map.of("zsync.external-sync.batch.enabled", "false");
        }

        public String sources() {
            return "contacts";
        }

        public String targets() {
            return "HubSpot contacts";
        }

        public List<String> create(ZohoStack zoho, String run, int from, int to) {
            return crmInsert(zoho, "Contacts", IntStream.range(from, to).mapToObj(i -> i % 2 == 0
                    ? """
                    {"First_Name":"Crash","Last_Name":"HubSpot %s-%d","Email":"hub.%s.%d@example.com"}""".formatted(run, i, run, i)
                    : """
                    {"First_Name":"Crash","Last_Name":"HubSpot %s-%d"}""".formatted(run, i)).toList());
        }

        public Map<String, Integer> targetsPerSource(ZohoStack zoho, String run, List<String> sourceIds) {
            Map<String, Integer> counts = new HashMap<>();
            sourceIds.forEach(id -> counts.put(id, 0));
            String after = null;
            do {
                String cursor = after == null ? "" : "&after=" + after;
                JsonNode page = read(() -> zoho.hubspot("GET", "/crm/v3/objects/contacts?limit=100&properties=zoho_contact_id"
                        + cursor, null), "results");
                page.path("results").forEach(c -> counts.computeIfPresent(
                        c.path("properties").path("zoho_contact_id").asText(), (id, n) -> n + 1));
                after = page.path("paging").path("next").path("after").asText(null);
            } while (after != null);
            return counts;
        }
    }

    /**
     * crm-books-service: a CRM deal that becomes "Closed Won" gets one Books invoice. The flow finds an invoice an
     * earlier, crashed attempt created by its number ({@code DEAL-} + the deal id), which Books keeps unique, so a
     * count by number could never show a second invoice; invoices are counted by the reference the flow gives
     * them, the deal id, as well as by number. Each chunk's deals belong to one contact (a customer who wins
     * several deals), so the run's Books calls and crashes go to invoices rather than to customers.
     */
    static final class WonDealToBooksInvoice implements CrashScenario {
        private static final String BOOKS_ORG = "organization_id=" + SandboxDefaults.BOOKS_ORGANIZATION_ID;

        public String module() {
            return "crm-books-service";
        }

        public String mainClass() {
            return "io.zsync.crmbooks.CrmBooksApplication";
        }

        public String flowId() {
            return "crm-deal-to-books-invoice";
        }

        /** The skip of a deal's creation, before it is won, is not its outcome. */
        @Override
        public boolean isOutcome(SyncCompleted completion) {
            return completion.getStatus() != SyncStatus.SKIPPED || completion.getSkipReason() == null
                    || !completion.getSkipReason().startsWith("deal stage is 'Qualification'");
        }

        public List<TopicSpec<String, ChangeEvent>> topics() {
            return List.of(Topics.CRM_CONTACTS, Topics.CRM_DEALS);
        }

        public Map<String, String> properties() {
            return Map.of();
        }

        public String sources() {
            return "won deals";
        }

        public String targets() {
            return "Books invoices";
        }

        /** As a sales rep works: the deals are made open with their product, then all moved to Closed Won. */
        public List<String> create(ZohoStack zoho, String run, int from, int to) {
            String product = "Crash widget " + run + "-" + from;
            String itemId = read(() -> zoho.zoho("POST", "/books/v3/items?" + BOOKS_ORG, """
                    {"name":"%s","rate":25}""".formatted(product)), "item").path("item").path("item_id").asText();
            String productId = crmInsert(zoho, "Products", List.of("""
                    {"Product_Name":"%s","Unit_Price":25,"Books_Item_ID":"%s"}""".formatted(product, itemId))).get(0);
            String contactId = crmInsert(zoho, "Contacts", List.of("""
                    {"First_Name":"Crash","Last_Name":"Deals %s-%d","Email":"deals.%s.%d@example.com"}"""
                    .formatted(run, from, run, from))).get(0);
            List<String> deals = crmInsert(zoho, "Deals", IntStream.range(from, to).mapToObj(i -> """
                    {"Deal_Name":"Crash deal %s-%d","Stage":"Qualification","Contact_Name":{"id":"%s"}}"""
                    .formatted(run, i, contactId)).toList());
            for (String dealId : deals) {
                read(() -> zoho.zoho("PUT", "/crm/v8/Deals/" + dealId + "/Products/" + productId, """
                        {"data":[{"Quantity":2,"List_Price":20}]}"""), "data");
            }
            crmUpdate(zoho, "Deals", deals.stream().map(id -> """
                    {"id":"%s","Stage":"Closed Won"}""".formatted(id)).toList());
            return deals;
        }

        public Map<String, Integer> targetsPerSource(ZohoStack zoho, String run, List<String> sourceIds) {
            Map<String, Integer> counts = new HashMap<>();
            for (String dealId : sourceIds) {
                // search_text matches the number and the reference: one call finds invoices carrying either
                JsonNode found = read(() -> zoho.zoho("GET", "/books/v3/invoices?" + BOOKS_ORG + "&search_text=" + dealId,
                        null), "invoices");
                int mine = 0;
                for (JsonNode invoice : found.path("invoices")) {
                    if (("DEAL-" + dealId).equals(invoice.path("invoice_number").asText())
                            || dealId.equals(invoice.path("reference_number").asText())) {
                        mine++;
                    }
                }
                counts.put(dealId, mine);
            }
            return counts;
        }
    }

    /**
     * crm-desk-service: a Desk ticket that closes updates the CRM lead its {@code cf_crm_lead_id} names, once. The
     * flow creates nothing: its target is one edit of the lead per closure (status, date, resolution, lead status).
     * A second edit with the same values leaves the lead as it was but is a second write all the same: CRM runs the
     * org's workflow rules on it again (the flow updates with CRM's default triggers) and notifies it again. So the
     * lead's edits are counted, as CRM reports each one through its notification channel (one notification per
     * edit, which the gateway publishes as an UPDATED change of the lead, its id derived from the notification, so a
     * notification delivered twice counts once; the gateway's reconciliation passes publish changed leads too, and
     * are no edits). The lead flow is off: it would open a ticket per lead and write back on it, and no edit of
     * these leads other than the closures' is made.
     */
    static final class ClosedTicketToCrmLead implements CrashScenario {
        public String module() {
            return "crm-desk-service";
        }

        public String mainClass() {
            return "io.zsync.crmdesk.CrmDeskApplication";
        }

        public String flowId() {
            return "desk-ticket-closed-to-crm";
        }

        /** The skip of a ticket's opening, before it is closed, is not its outcome. */
        @Override
        public boolean isOutcome(SyncCompleted completion) {
            return completion.getStatus() != SyncStatus.SKIPPED || completion.getSkipReason() == null
                    || !completion.getSkipReason().startsWith("not a transition to closed");
        }

        public List<TopicSpec<String, ChangeEvent>> topics() {
            return List.of(Topics.DESK_TICKETS);
        }

        public Map<String, String> properties() {
            return Map.of("zsync.crm-desk.lead-ticket.enabled", "false");
        }

        public String sources() {
            return "closed tickets";
        }

        public String targets() {
            return "CRM lead edits";
        }

        /** A lead per ticket; an agent opens each ticket for its lead and closes it with a resolution. */
        public List<String> create(ZohoStack zoho, String run, int from, int to) {
            List<String> leads = crmInsert(zoho, "Leads", IntStream.range(from, to).mapToObj(i -> """
                    {"First_Name":"Crash","Last_Name":"Closure %s-%d","Email":"closure.%s.%d@example.com",
                     "Company":"Crash Test"}""".formatted(run, i, run, i)).toList());
            List<String> tickets = new ArrayList<>();
            for (int i = from; i < to; i++) { // Desk creates one ticket per call
                JsonNode ticket = zoho.zoho("POST", "/api/v1/tickets", """
                        {"subject":"Crash closure %s-%d","departmentId":"%s","contact":{"lastName":"Closure %s-%d",
                         "email":"closure.%s.%d@example.com"},"cf":{"cf_crm_lead_id":"%s"}}"""
                        .formatted(run, i, ZohoStack.DESK_DEPARTMENT_ID, run, i, run, i, leads.get(i - from)));
                assertThat(ticket.path("id").asText()).as(String.valueOf(ticket)).isNotBlank();
                tickets.add(ticket.path("id").asText());
            }
            for (int k = 0; k < tickets.size(); k++) {
                JsonNode closed = zoho.zoho("PATCH", "/api/v1/tickets/" + tickets.get(k), """
                        {"status":"Closed","resolution":"Resolved %s-%d"}""".formatted(run, from + k));
                assertThat(closed.path("statusType").asText()).as(String.valueOf(closed)).isEqualTo("Closed");
            }
            return tickets;
        }

        public Map<String, Integer> targetsPerSource(ZohoStack zoho, String run, List<String> sourceIds) {
            Map<String, String> leadOf = new HashMap<>(); // the lead each ticket names, as the flow follows it
            for (String ticketId : sourceIds) {
                JsonNode ticket = read(() -> zoho.zoho("GET", "/api/v1/tickets/" + ticketId, null), "cf");
                leadOf.put(ticketId, ticket.path("cf").path("cf_crm_lead_id").asText());
            }
            Map<String, Set<String>> edits = new HashMap<>();
            try (TopicProbe<ChangeEvent> leadChanges = new TopicProbe<>(Topics.CRM_LEADS)) {
                try {
                    // CRM notifies an edit right after making it; give the last ones time to come through
                    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
                        leadChanges.values(e -> e.getOrigin() == EventOrigin.WEBHOOK && e.getOperation() == Operation.UPDATED
                                        && leadOf.containsValue(e.getRecordId()))
                                .forEach(e -> edits.computeIfAbsent(e.getRecordId(), id -> new HashSet<>()).add(e.getEventId()));
                        return edits.keySet().containsAll(leadOf.values());
                    });
                } catch (ConditionTimeoutException e) {
                    // a lead no closure reached keeps 0 edits: the figures show it
                }
            }
            Map<String, Integer> counts = new HashMap<>();
            leadOf.forEach((ticketId, leadId) -> counts.put(ticketId, edits.getOrDefault(leadId, Set.of()).size()));
            return counts;
        }
    }

    /**
     * creator-hub-service: a submitted Creator order fans out to a CRM contact, a CRM deal, a Books invoice, a VIP
     * Desk ticket, a confirmation e-mail and the order's own update. Every order here is a VIP one (2 x 6,000 above
     * the 10,000 threshold). Counted per order, each by the natural key the saga looks it up by when it resumes:
     * invoices by their reference (the order number), deals by their name ({@code Order <number>}), tickets by the
     * order id in {@code cf_order_id}. An order's figure is the largest of the three counts when one is over 1 (a
     * duplicate), else the smallest (0 when a target is missing). The confirmations go to a real SMTP server.
     */
    static final class CreatorOrderFanOut implements CrashScenario {
        private static final String BOOKS_ORG = "organization_id=" + SandboxDefaults.BOOKS_ORGANIZATION_ID;
        private static final String APP = "/creator/v2.1/data/" + ZohoStack.CREATOR_OWNER + "/" + ZohoStack.CREATOR_APP;

        private GreenMail smtp;

        public String module() {
            return "creator-hub-service";
        }

        public String mainClass() {
            return "io.zsync.creatorhub.CreatorHubApplication";
        }

        public String flowId() {
            return "creator-order-to-zoho";
        }

        public List<TopicSpec<String, ChangeEvent>> topics() {
            return List.of(Topics.CREATOR_ORDERS);
        }

        public Map<String, String> properties() {
            return Map.of("javamail.properties.mail.smtp.host", "127.0.0.1",
                    "javamail.properties.mail.smtp.port", String.valueOf(smtp().getSmtp().getPort()));
        }

        public String sources() {
            return "Creator orders";
        }

        public String targets() {
            return "invoices, deals or VIP tickets";
        }

        /** The product the orders buy exists in Books; customers submit the orders through the app's form. */
        public List<String> create(ZohoStack zoho, String run, int from, int to) {
            String product = "Crash gadget " + run + "-" + from;
            read(() -> zoho.zoho("POST", "/books/v3/items?" + BOOKS_ORG, """
                    {"name":"%s","rate":6000}""".formatted(product)), "item");
            String orders = IntStream.range(from, to).mapToObj(i -> """
                    {"Order_Number":"%s","Customer_First_Name":"Crash","Customer_Last_Name":"Buyer %s",
                     "Customer_Email":"%s","Product_Name":"%s","Quantity":2,"Unit_Price":"6000.00",
                     "Total_Amount":"12000.00"}""".formatted(number(run, i), number(run, i), email(run, i), product))
                    .collect(Collectors.joining(",", "{\"data\":[", "]}"));
            JsonNode added = zoho.zoho("POST", APP + "/form/Order", orders);
            List<String> ids = new ArrayList<>();
            added.path("result").forEach(r -> {
                assertThat(r.path("code").asInt()).as(r.toString()).isEqualTo(3000);
                ids.add(r.path("data").path("ID").asText());
            });
            assertThat(ids).hasSize(to - from);
            return ids;
        }

        public Map<String, Integer> targetsPerSource(ZohoStack zoho, String run, List<String> sourceIds) {
            Map<String, Integer> counts = new HashMap<>();
            for (int i = 0; i < sourceIds.size(); i++) {
                String number = number(run, i);
                String orderId = sourceIds.get(i);
                JsonNode invoices = read(() -> zoho.zoho("GET", "/books/v3/invoices?" + BOOKS_ORG + "&reference_number="
                        + number, null), "invoices");
                int invoiceCount = (int) stream(invoices.path("invoices"))
                        .filter(inv -> number.equals(inv.path("reference_number").asText())).count();
                String dealName = "Order " + number;
                JsonNode deals = read(() -> zoho.zoho("GET", "/crm/v8/Deals/search?criteria="
                        + URLEncoder.encode("(Deal_Name:equals:" + dealName + ")", StandardCharsets.UTF_8), null), "data");
                int dealCount = deals == null ? 0 : (int) stream(deals.path("data"))
                        .filter(d -> dealName.equals(d.path("Deal_Name").asText())).count();
                JsonNode tickets = read(() -> zoho.zoho("GET", "/api/v1/tickets/search?limit=100&customField1=cf_order_id:"
                        + orderId, null), "data");
                int ticketCount = tickets == null ? 0 : tickets.path("data").size();
                int most = Math.max(invoiceCount, Math.max(dealCount, ticketCount));
                int least = Math.min(invoiceCount, Math.min(dealCount, ticketCount));
                counts.put(orderId, most > 1 ? most : least);
            }
            return counts;
        }

        private synchronized GreenMail smtp() {
            if (smtp == null) {
                smtp = new GreenMail(new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
                smtp.start();
                Runtime.getRuntime().addShutdownHook(new Thread(smtp::stop, "crash-smtp-stop"));
            }
            return smtp;
        }

        private static String number(String run, int i) {
            return "CR-" + run + "-" + i;
        }

        private static String email(String run, int i) {
            return "order." + run + "." + i + "@customer.test";
        }

        private static Stream<JsonNode> stream(JsonNode array) {
            return StreamSupport.stream(array.spliterator(), false);
        }
    }

    /**
     * A read of the sandbox: its answer once it holds {@code field}, or null for 204 (nothing found). The test's own
     * reads share the products' rate limits with the service (Books allows 100 calls a minute), so an answer
     * without the field (a 429) is read again rather than taken for "none". Scenarios send their own writes to a
     * busy product (a Books item, a deal's product) through it too: a 429 carried nothing out, so they are repeated.
     */
    private static JsonNode read(Supplier<JsonNode> call, String field) {
        JsonNode[] answer = new JsonNode[1];
        // asked at once: with a fixed poll interval alone, Awaitility would wait that long before the first call
        await().atMost(Duration.ofMinutes(2)).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
                .until(() -> {
                    answer[0] = call.get();
                    return answer[0] == null || answer[0].has(field);
                });
        return answer[0];
    }

    /** Inserts CRM records (CRM takes at most 100 per call) and returns their ids in order. */
    private static List<String> crmInsert(ZohoStack zoho, String module, List<String> records) {
        List<String> ids = new ArrayList<>();
        for (int from = 0; from < records.size(); from += 100) {
            String data = records.subList(from, Math.min(records.size(), from + 100)).stream()
                    .collect(Collectors.joining(",", "{\"data\":[", "]}"));
            JsonNode written = zoho.zoho("POST", "/crm/v8/" + module, data);
            written.path("data").forEach(r -> {
                assertThat(r.path("status").asText()).as(r.toString()).isEqualTo("success");
                ids.add(r.path("details").path("id").asText());
            });
        }
        assertThat(ids).hasSize(records.size());
        return ids;
    }

    /** Updates CRM records (each a JSON object with its id), at most 100 per call. */
    private static void crmUpdate(ZohoStack zoho, String module, List<String> records) {
        for (int from = 0; from < records.size(); from += 100) {
            String data = records.subList(from, Math.min(records.size(), from + 100)).stream()
                    .collect(Collectors.joining(",", "{\"data\":[", "]}"));
            JsonNode written = zoho.zoho("PUT", "/crm/v8/" + module, data);
            written.path("data").forEach(r -> assertThat(r.path("status").asText()).as(r.toString()).isEqualTo("success"));
        }
    }
}
