package io.zsync.crmbooks.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.zsync.contract.DeadLetter;
import io.zsync.contract.SyncCompleted;
import io.zsync.contract.SyncStatus;
import io.zsync.contract.TargetRef;
import io.zsync.crmbooks.flow.DealToInvoiceFlow;
import io.zsync.schemas.Topics;
import io.zsync.sync.TopicProbe;
import io.zsync.testing.RealKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** crm-deal-to-books-invoice end to end, from deals changed in the sandbox's CRM to invoices in its Books. */
@RealKafka
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DealToInvoiceIT implements TestPropertyProvider {

    private final Sandbox sandbox = new Sandbox();
    private final TopicProbe<SyncCompleted> completions = new TopicProbe<>(Topics.SYNC_COMPLETIONS);
    private final TopicProbe<DeadLetter> deadLetters = new TopicProbe<>(Topics.SYNC_DEADLETTERS);

    @Override
    public Map<String, String> getProperties() {
        return ServiceProperties.forTest("DealToInvoiceIT");
    }

    @AfterAll
    void close() {
        completions.close();
        deadLetters.close();
    }

    private List<SyncCompleted> completionsOf(String dealId) {
        return completions.values(c -> c.getFlowId().equals(DealToInvoiceFlow.ID)
                && c.getSource().getRecordId().equals(dealId));
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private String contact(String tag) {
        return sandbox.crmInsert("Contacts", Map.of("First_Name", "Mateo", "Last_Name", "Núñez-" + tag,
                "Email", "mateo." + tag + "@example.com"));
    }

    private String product(String tag, String booksItemId) {
        Map<String, Object> fields = new java.util.HashMap<>(Map.of("Product_Name", "Widget " + tag, "Unit_Price", 25));
        if (booksItemId != null) {
            fields.put("Books_Item_ID", booksItemId);
        }
        return sandbox.crmInsert("Products", fields);
    }

    @Test
    void shouldInvoiceADealOnceWhenItIsMovedToClosedWonTwice() {
        String tag = tag();
        String itemId = sandbox.booksItem("Widget " + tag, 25);
        String productId = product(tag, itemId);
        String contactId = contact(tag);
        String dealId = sandbox.crmInsert("Deals", Map.of("Deal_Name", "Renewal " + tag, "Stage", "Qualification",
                "Contact_Name", Map.of("id", contactId)));
        sandbox.linkProduct(dealId, productId, Map.of("Quantity", 3, "List_Price", 20));
        await().atMost(Duration.ofSeconds(60)).until(() -> completionsOf(dealId).stream()
                .anyMatch(c -> c.getSkipReason() != null && c.getSkipReason().contains("'Qualification'")));

        sandbox.crmUpdate("Deals", dealId, Map.of("Stage", "Closed Won"));
        await().atMost(Duration.ofSeconds(60)).until(() -> completionsOf(dealId).stream()
                .anyMatch(c -> c.getStatus() == SyncStatus.SUCCEEDED));
        sandbox.crmUpdate("Deals", dealId, Map.of("Stage", "Negotiation/Review"));
        sandbox.crmUpdate("Deals", dealId, Map.of("Stage", "Closed Won"));
        await().atMost(Duration.ofSeconds(60)).until(() -> completionsOf(dealId).stream()
                .anyMatch(c -> c.getSkipReason() != null && c.getSkipReason().contains("already invoiced")));

        List<SyncCompleted> outcomes = completionsOf(dealId);
        assertThat(outcomes).filteredOn(c -> c.getStatus() == SyncStatus.SUCCEEDED).hasSize(1);
        assertThat(outcomes).filteredOn(c -> c.getStatus() == SyncStatus.FAILED).isEmpty();
        List<JsonNode> invoices = sandbox.booksInvoicesByReference(dealId);
        assertThat(invoices).hasSize(1);
        JsonNode invoice = sandbox.booksInvoice(invoices.get(0).path("invoice_id").asText());
        assertThat(invoice.path("invoice_number").asText()).isEqualTo("DEAL-" + dealId);
        JsonNode line = invoice.path("line_items").path(0);
        assertThat(invoice.path("line_items")).hasSize(1);
        assertThat(line.path("item_id").asText()).isEqualTo(itemId);
        assertThat(new BigDecimal(line.path("quantity").asText())).isEqualByComparingTo("3");
        assertThat(new BigDecimal(line.path("rate").asText())).isEqualByComparingTo("20");
        List<JsonNode> customers = sandbox.booksContactsByEmail("mateo." + tag + "@example.com");
        assertThat(customers).hasSize(1); // the deal flow and the contact flow ensured the same customer
        assertThat(invoice.path("customer_id").asText()).isEqualTo(customers.get(0).path("contact_id").asText());
        JsonNode deal = sandbox.crmGet("Deals", dealId);
        assertThat(deal.path("Books_Invoice_ID").asText()).isEqualTo(invoice.path("invoice_id").asText());
        assertThat(deal.path("Books_Invoice_Number").asText()).isEqualTo("DEAL-" + dealId);
        SyncCompleted succeeded = outcomes.stream().filter(c -> c.getStatus() == SyncStatus.SUCCEEDED).findFirst()
                .orElseThrow();
        assertThat(succeeded.getTargets()).extracting(TargetRef::getRecordId)
                .contains(invoice.path("invoice_id").asText(), customers.get(0).path("contact_id").asText());
        await().atMost(Duration.ofSeconds(30)).until(() -> completionsOf(dealId).stream()
                .anyMatch(c -> c.getSkipReason() != null && c.getSkipReason().contains("own write-back")));
    }

    @Test
    void shouldFailADealWithAProductLackingItsBooksItemAndWriteNoInvoice() {
        String tag = tag();
        String productId = product(tag, null);
        String contactId = contact(tag);
        String dealId = sandbox.crmInsert("Deals", Map.of("Deal_Name", "No item " + tag, "Stage", "Qualification",
                "Contact_Name", Map.of("id", contactId)));
        sandbox.linkProduct(dealId, productId, Map.of("Quantity", 1));
        sandbox.crmUpdate("Deals", dealId, Map.of("Stage", "Closed Won"));

        await().atMost(Duration.ofSeconds(60)).until(() -> completionsOf(dealId).stream()
                .anyMatch(c -> c.getStatus() == SyncStatus.FAILED));
        SyncCompleted failed = completionsOf(dealId).stream().filter(c -> c.getStatus() == SyncStatus.FAILED)
                .findFirst().orElseThrow();
        assertThat(failed.getErrorCode()).isEqualTo("PRODUCT_WITHOUT_BOOKS_ITEM");
        assertThat(failed.getErrorMessage()).contains("Widget " + tag);
        await().atMost(Duration.ofSeconds(30)).until(() -> !deadLetters.values(d -> dealId.equals(d.getRecordKey())).isEmpty());
        DeadLetter letter = deadLetters.values(d -> dealId.equals(d.getRecordKey())).get(0);
        assertThat(letter.getFlowId()).isEqualTo(DealToInvoiceFlow.ID);
        assertThat(letter.getErrorCode()).isEqualTo("PRODUCT_WITHOUT_BOOKS_ITEM");
        assertThat(letter.getRetryable()).isFalse();
        assertThat(letter.getOriginal().getRecordId()).isEqualTo(dealId);
        assertThat(sandbox.booksInvoicesByReference(dealId)).isEmpty();
        assertThat(Sandbox.text(sandbox.crmGet("Deals", dealId), "Books_Invoice_ID")).isEmpty();
        assertThat(completionsOf(dealId)).filteredOn(c -> c.getStatus() == SyncStatus.SUCCEEDED).isEmpty();
    }

    @Test
    void shouldFailAWonDealWithoutAContact() {
        String tag = tag();
        String dealId = sandbox.crmInsert("Deals", Map.of("Deal_Name", "Orphan " + tag, "Stage", "Closed Won"));

        await().atMost(Duration.ofSeconds(60)).until(() -> completionsOf(dealId).stream()
                .anyMatch(c -> c.getStatus() == SyncStatus.FAILED));
        assertThat(completionsOf(dealId)).filteredOn(c -> c.getStatus() == SyncStatus.FAILED)
                .extracting(SyncCompleted::getErrorCode).containsExactly("DEAL_WITHOUT_CONTACT");
        assertThat(sandbox.booksInvoicesByReference(dealId)).isEmpty();
    }
}
