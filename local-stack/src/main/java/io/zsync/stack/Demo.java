package io.zsync.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * {@code ./zsync up --demo}: drives every pattern of the integration-patterns guide once, from outside, the
 * way Zoho users and Zoho itself would (product APIs of the sandbox, whose webhooks reach the gateway), so
 * the dashboard fills up: a contact (to Books and HubSpot), a deal closed won with a product (an invoice), a
 * lead (a Desk ticket), a bug ticket (a Projects task) that is then closed (CRM updated), a Creator order
 * (the fan-out) and a HubSpot contact (to CRM). Then it watches the sandbox until each pattern's result is
 * there and reports each one, done or not, so a user sees at once whether the system works.
 */
public final class Demo {

    private static final String BOOKS = "?organization_id=" + SandboxDefaults.BOOKS_ORGANIZATION_ID;
    private static final String CREATOR_REPORT = "/creator/v2.1/data/zsync_demo/order-management/report/All_Orders/";
    private static final Duration POLL_EVERY = Duration.ofMillis(500);

    private final SandboxClient sandbox;
    private final GreenMail mail;
    private final BiConsumer<String, String> progress;
    private final Duration patience;

    /** One pattern's result as the sandbox shows it. */
    public record Outcome(String pattern, boolean done, String detail) {
    }

    /**
     * One round of the demo: the source record of each pattern it drove (what the flows key their completions by)
     * and the outcomes. The contact feeds two flows; the bug ticket two (its task, then its closing).
     */
    public record Round(String suffix, String contactId, String dealId, String leadId, String ticketId, String orderId,
                        String hubspotContactId, String hubspotEmail, List<Outcome> outcomes) {
    }

    /** Names and numbers unique across rounds in this JVM, even rounds started in the same millisecond. */
    private static final AtomicLong ROUNDS = new AtomicLong();

    public Demo(SandboxClient sandbox, GreenMail mail, Duration patience, BiConsumer<String, String> progress) {
        this.sandbox = sandbox;
        this.mail = mail;
        this.patience = patience;
        this.progress = progress;
    }

    /** Drives every pattern, waits for each result (at most {@code patience} each) and returns them in order. */
    public List<Outcome> run() {
        return round().outcomes();
    }

    /** {@link #run()}, telling also which source records it made; rounds may run concurrently. */
    public Round round() {
        // fixed width, so that no suffix is the start of another (the e-mail is found by "ORD-<suffix>")
        String suffix = "%06d%03d".formatted(System.currentTimeMillis() % 1_000_000, ROUNDS.getAndIncrement() % 1000);
        List<Outcome> outcomes = new ArrayList<>();

        JsonNode item = sandbox.zoho("POST", "/books/v3/items" + BOOKS,
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

        JsonNode order = sandbox.admin("POST", "/_sandbox/creator/orders", """
                {"Order_Number":"ORD-%s","Customer_First_Name":"Cleo","Customer_Last_Name":"Diaz %s","Customer_Email":"cleo.%s@example.com",
                 "Customer_Phone":"+1 555 0101","Total_Amount":12500.0,"Quantity":5,"Unit_Price":2500.0,
                 "Product_Books_ID":"%s","Status":"Submitted"}""".formatted(suffix, suffix, suffix, itemId));
        String orderId = order.path("ID").asText();
        progress.accept("demo", "Creator order " + orderId + " submitted (-> contact, deal, invoice, VIP ticket, e-mail)");

        String hubspotEmail = "dee." + suffix + "@example.com";
        String hubspotId = sandbox.admin("POST", "/_sandbox/hubspot/contacts", """
                {"properties":{"firstname":"Dee","lastname":"Evans %s","email":"%s","phone":"+1 555 0102",
                 "company":"Evans Co"}}""".formatted(suffix, hubspotEmail)).path("id").asText();
        progress.accept("demo", "HubSpot contact " + hubspotEmail + " created (-> CRM contact)");

        outcomes.add(watch("CRM contact -> Books customer", () -> field("Contacts", contactId, "Books_Customer_ID")
                .map(id -> "Books customer " + id)));
        outcomes.add(watch("CRM contact -> HubSpot contact", () -> field("Contacts", contactId, "External_System_ID")
                .map(id -> "HubSpot contact " + id)));
        outcomes.add(watch("deal closed won -> Books invoice", () -> field("Deals", dealId, "Books_Invoice_Number")
                .map(number -> "invoice " + number)));
        outcomes.add(watch("CRM lead -> Desk ticket", () -> field("Leads", leadId, "Desk_Ticket_Number")
                .map(number -> "Desk ticket #" + number)));
        Outcome task = watch("bug ticket -> Projects task", () -> read("/api/v1/tickets/" + ticketId)
                .flatMap(t -> text(t.path("cf").path("cf_project_task_id"))).map(id -> "Projects task " + id));
        outcomes.add(task);
        // closed only once its task exists, as a support agent would close a fixed bug
        sandbox.zoho("PATCH", "/api/v1/tickets/" + ticketId, "{\"status\":\"Closed\",\"resolution\":\"Fixed in 2.4\"}");
        progress.accept("demo", "Desk ticket " + ticketId + " closed (-> CRM lead qualified)");
        outcomes.add(watch("ticket closed -> CRM lead qualified", () -> field("Leads", leadId, "Lead_Status")
                .filter("Qualified"::equals).map(status -> "lead " + leadId + " " + status)));
        outcomes.add(watch("Creator order -> CRM, Books, Desk, order updated", () -> read(CREATOR_REPORT + orderId)
                .flatMap(o -> text(o.path("data").path("Status"))).filter(s -> !"Submitted".equals(s))
                .map(status -> "order " + orderId + " " + status)));
        outcomes.add(watch("Creator order -> e-mail", () -> mailWith("ORD-" + suffix)));
        outcomes.add(watch("HubSpot contact -> CRM contact", () -> read("/crm/v8/Contacts/search?email=" + hubspotEmail)
                .map(found -> found.path("data").path(0)).flatMap(c -> text(c.path("id")))
                .map(id -> "CRM contact " + id)));
        return new Round(suffix, contactId, dealId, leadId, ticketId, orderId, hubspotId, hubspotEmail, List.copyOf(outcomes));
    }

    private Outcome watch(String pattern, Supplier<Optional<String>> result) {
        Optional<String> seen = poll(result, patience, POLL_EVERY);
        Outcome outcome = seen.map(detail -> new Outcome(pattern, true, detail))
                .orElseGet(() -> new Outcome(pattern, false, "not seen within " + patience.toSeconds() + " s; see the logs"));
        progress.accept("demo", (outcome.done() ? "done     " : "NOT DONE ") + pattern + ": " + outcome.detail());
        return outcome;
    }

    /**
     * Asks {@code result} at once and then {@code every} after each empty answer, until it answers or
     * {@code patience} has passed (no question is asked after that). Empty when it never answered or the wait was
     * interrupted; what {@code result} throws ends the wait and is thrown here.
     */
    static Optional<String> poll(Supplier<Optional<String>> result, Duration patience, Duration every) {
        long deadline = System.nanoTime() + patience.toNanos();
        CompletableFuture<Optional<String>> seen = new CompletableFuture<>();
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "zsync-demo-watch");
            thread.setDaemon(true);
            return thread;
        });
        try {
            // fixed delay: the next question waits for the previous answer, however slow the sandbox is
            poller.scheduleWithFixedDelay(() -> {
                if (seen.isDone()) {
                    return;
                }
                if (System.nanoTime() >= deadline) {
                    seen.complete(Optional.empty());
                    return;
                }
                try {
                    result.get().ifPresent(answer -> seen.complete(Optional.of(answer)));
                } catch (Throwable e) {
                    // the executor would swallow it and stop asking, leaving the wait below to hang
                    seen.completeExceptionally(e);
                }
            }, 0, every.toNanos(), TimeUnit.NANOSECONDS);
            return seen.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new StackException("watching the sandbox failed: " + e.getCause(), e.getCause());
        } finally {
            poller.shutdownNow();
        }
    }

    private Optional<String> field(String module, String id, String field) {
        return read("/crm/v8/" + module + "/" + id).flatMap(r -> text(r.path("data").path(0).path(field)));
    }

    /** A Zoho GET through the sandbox; empty when there is nothing (204) yet. */
    private Optional<JsonNode> read(String path) {
        return Optional.ofNullable(sandbox.zoho("GET", path, null));
    }

    private Optional<String> mailWith(String text) {
        for (MimeMessage message : mail.getReceivedMessages()) {
            try {
                if (message.getSubject() != null && message.getSubject().contains(text)) {
                    return Optional.of("e-mail \"" + message.getSubject() + "\"");
                }
            } catch (MessagingException e) {
                // an unreadable message is not ours
            }
        }
        return Optional.empty();
    }

    private static Optional<String> text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() || node.asText().isEmpty()
                ? Optional.empty() : Optional.of(node.asText());
    }

    private static String firstId(JsonNode crmWrite) {
        JsonNode id = crmWrite.path("data").path(0).path("details").path("id");
        if (id.isMissingNode()) {
            throw new StackException("the sandbox did not create the record: " + crmWrite);
        }
        return id.asText();
    }
}
