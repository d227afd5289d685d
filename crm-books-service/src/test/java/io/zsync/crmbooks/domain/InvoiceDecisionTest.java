package io.zsync.crmbooks.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvoiceDecisionTest {

    private static final String DEAL = "3652397000003852095";
    private static final InvoiceRules RULES = new InvoiceRules("Closed Won", "Books_Item_ID", "Quantity", "List_Price",
            "Books_Invoice_ID", "Books_Invoice_Number", "DEAL-");

    private static Map<String, Object> deal(String stage) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", DEAL);
        d.put("Deal_Name", "Zylker renewal");
        d.put("Stage", stage);
        d.put("Contact_Name", Map.of("name", "Anna Kingsley", "id", "5725767000000524157"));
        d.put("Books_Invoice_ID", null);
        d.put("Books_Invoice_Number", null);
        return d;
    }

    private static Map<String, Object> with(Map<String, Object> record, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(record);
        copy.put(field, value);
        return copy;
    }

    private static DealState state(Map<String, Object> deal) {
        return new DealState(DEAL, false, deal, Optional.empty(), Optional.empty());
    }

    private static Map<String, Object> product(String name, Object itemId, Object quantity, Object price) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", "p-" + name);
        p.put("Product_Name", name);
        p.put("Books_Item_ID", itemId);
        p.put("Quantity", quantity);
        p.put("List_Price", price);
        return p;
    }

    @Test
    void shouldProceedWithAWonDealTowardsItsContactAndADeterministicNumber() {
        assertThat(InvoiceDecision.screen(state(deal("Closed Won")), RULES))
                .isEqualTo(new InvoiceDecision.Proceed("5725767000000524157", "DEAL-" + DEAL));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Qualification", "Negotiation/Review", "Closed Lost", "closed won", "Closed Won "})
    void shouldSkipADealThatIsNotWonWithTheStageAsReason(String stage) {
        InvoiceDecision.Screen screen = InvoiceDecision.screen(state(deal(stage)), RULES);

        if (stage.equals("Closed Won ")) {
            // CRM padding is not a different stage
            assertThat(screen).isInstanceOf(InvoiceDecision.Proceed.class);
            return;
        }
        assertThat(screen).isInstanceOfSatisfying(InvoiceDecision.Skip.class,
                s -> assertThat(s.reason()).isEqualTo("deal stage is '" + stage + "', not 'Closed Won'"));
    }

    @Test
    void shouldSayWhenTheStageIsNotSet() {
        assertThat(InvoiceDecision.screen(state(deal(null)), RULES)).isInstanceOfSatisfying(InvoiceDecision.Skip.class,
                s -> assertThat(s.reason()).isEqualTo("deal stage is not set, not 'Closed Won'"));
    }

    @Test
    void shouldUseTheOrgsWonStage() {
        InvoiceRules rules = new InvoiceRules("Gewonnen", "Books_Item_ID", "Quantity", "List_Price", "Books_Invoice_ID",
                "Books_Invoice_Number", "");

        assertThat(InvoiceDecision.screen(state(deal("Gewonnen")), rules))
                .isEqualTo(new InvoiceDecision.Proceed("5725767000000524157", DEAL));
        assertThat(InvoiceDecision.screen(state(deal("Closed Won")), rules)).isInstanceOf(InvoiceDecision.Skip.class);
    }

    @Test
    void shouldSkipADeletedDealAndADealCrmNoLongerHas() {
        assertThat(InvoiceDecision.screen(new DealState(DEAL, true, null, Optional.empty(), Optional.empty()), RULES))
                .isInstanceOfSatisfying(InvoiceDecision.Skip.class, s -> assertThat(s.reason()).contains("deleted"));
        assertThat(InvoiceDecision.screen(state(null), RULES))
                .isInstanceOfSatisfying(InvoiceDecision.Skip.class, s -> assertThat(s.reason()).contains("no longer"));
    }

    @Test
    void shouldFailAWonDealWithoutAContact() {
        assertThat(InvoiceDecision.screen(state(with(deal("Closed Won"), "Contact_Name", null)), RULES))
                .isInstanceOfSatisfying(InvoiceDecision.Fail.class, f -> {
                    assertThat(f.code()).isEqualTo("DEAL_WITHOUT_CONTACT");
                    assertThat(f.message()).contains(DEAL);
                });
    }

    @Test
    void shouldSkipADealWonASecondTimeThatIsInvoicedAndLinked() {
        Map<String, Object> linked = with(with(deal("Closed Won"), "Books_Invoice_ID", "inv-1"), "Books_Invoice_Number",
                "DEAL-" + DEAL);
        DealState again = new DealState(DEAL, false, linked, Optional.of("inv-1"), Optional.of("DEAL-" + DEAL));

        assertThat(InvoiceDecision.screen(again, RULES)).isInstanceOfSatisfying(InvoiceDecision.Skip.class, s -> {
            assertThat(s.reason()).isEqualTo("deal is already invoiced as DEAL-" + DEAL);
            assertThat(s.invoiceId()).contains("inv-1");
        });
    }

    @Test
    void shouldOnlyWriteBackWhenTheLedgerKnowsTheInvoiceButTheDealDoesNot() {
        DealState unlinked = new DealState(DEAL, false, deal("Closed Won"), Optional.of("inv-1"), Optional.of("DEAL-" + DEAL));

        assertThat(InvoiceDecision.screen(unlinked, RULES)).isEqualTo(new InvoiceDecision.LinkOnly("inv-1", "DEAL-" + DEAL));
    }

    @Test
    void shouldNeverInvoiceADealThatAlreadyHoldsAnInvoiceEvenWithoutLedger() {
        Map<String, Object> linked = with(deal("Closed Won"), "Books_Invoice_ID", "inv-by-hand");

        assertThat(InvoiceDecision.screen(state(linked), RULES)).isInstanceOfSatisfying(InvoiceDecision.Skip.class,
                s -> assertThat(s.invoiceId()).contains("inv-by-hand"));
    }

    @Test
    void shouldFinishTheWorkOfACrashedAttemptThatLinkedTheInvoiceBeforeRecordingIt() {
        Map<String, Object> linked = with(with(deal("Closed Won"), "Books_Invoice_ID", "inv-1"),
                "Books_Invoice_Number", "DEAL-" + DEAL);
        DealState afterCrash = new DealState(DEAL, false, linked, Optional.empty(), Optional.empty(), true);

        assertThat(InvoiceDecision.screen(afterCrash, RULES)).isEqualTo(new InvoiceDecision.LinkOnly("inv-1", "DEAL-" + DEAL));
    }

    @Test
    void shouldMakeOneLinePerProductWithItemQuantityAndListPrice() {
        List<Map<String, Object>> products = List.of(product("Widget", "460000000040001", 3, "19.99"),
                product("Gadget", "460000000040002", "2", new BigDecimal("5")));

        assertThat(InvoiceDecision.lines(DEAL, products, RULES)).isEqualTo(new InvoiceDecision.Ready(List.of(
                new InvoiceLine("460000000040001", "Widget", new BigDecimal("3"), new BigDecimal("19.99")),
                new InvoiceLine("460000000040002", "Gadget", new BigDecimal("2"), new BigDecimal("5")))));
    }

    @Test
    void shouldDefaultTheQuantityToOneAndLeaveTheRateToBooksWhenTheDealHasNone() {
        assertThat(InvoiceDecision.lines(DEAL, List.of(product("Widget", "i-1", null, "")), RULES))
                .isEqualTo(new InvoiceDecision.Ready(List.of(new InvoiceLine("i-1", "Widget", BigDecimal.ONE, null))));
    }

    @Test
    void shouldKeepUnicodeProductNames() {
        InvoiceDecision.Lines lines = InvoiceDecision.lines(DEAL, List.of(product("Käse – 奶酪 🧀", "i-1", 1, 2)), RULES);

        assertThat(((InvoiceDecision.Ready) lines).lines().get(0).productName()).isEqualTo("Käse – 奶酪 🧀");
    }

    @Test
    void shouldFailADealWithoutProducts() {
        assertThat(InvoiceDecision.lines(DEAL, List.of(), RULES)).isInstanceOfSatisfying(InvoiceDecision.Unbillable.class,
                u -> assertThat(u.code()).isEqualTo("DEAL_WITHOUT_PRODUCTS"));
    }

    @Test
    void shouldFailADealWithAProductLackingItsBooksItemAndNameEveryOne() {
        List<Map<String, Object>> products = List.of(product("Widget", "i-1", 1, 1), product("Consulting", null, 1, 1),
                product("Support", "  ", 1, 1));

        assertThat(InvoiceDecision.lines(DEAL, products, RULES)).isInstanceOfSatisfying(InvoiceDecision.Unbillable.class,
                u -> {
                    assertThat(u.code()).isEqualTo("PRODUCT_WITHOUT_BOOKS_ITEM");
                    assertThat(u.message()).contains("Consulting", "Support", "Books_Item_ID").doesNotContain("Widget");
                });
    }

    @Test
    void shouldReadTheItemIdFromTheOrgsField() {
        InvoiceRules rules = new InvoiceRules("Closed Won", "Item_In_Books", "Qty", "Price", "Books_Invoice_ID",
                "Books_Invoice_Number", "DEAL-");
        Map<String, Object> p = Map.of("Product_Name", "Widget", "Item_In_Books", "i-9", "Qty", 4, "Price", "1.5");

        assertThat(InvoiceDecision.lines(DEAL, List.of(p), rules)).isEqualTo(new InvoiceDecision.Ready(List.of(
                new InvoiceLine("i-9", "Widget", new BigDecimal("4"), new BigDecimal("1.5")))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "many"})
    void shouldFailAnUnbillableQuantity(String quantity) {
        assertThat(InvoiceDecision.lines(DEAL, List.of(product("Widget", "i-1", quantity, 1)), RULES))
                .isInstanceOfSatisfying(InvoiceDecision.Unbillable.class,
                        u -> assertThat(u.code()).isEqualTo("INVALID_PRODUCT_LINE"));
    }

    @Test
    void shouldFailANegativePrice() {
        assertThat(InvoiceDecision.lines(DEAL, List.of(product("Widget", "i-1", 1, "-3")), RULES))
                .isInstanceOf(InvoiceDecision.Unbillable.class);
    }

    @Test
    void shouldBuildTheInvoiceForTheDealWithTheDealIdAsReference() {
        List<InvoiceLine> lines = List.of(new InvoiceLine("i-1", "Widget", BigDecimal.ONE, BigDecimal.TEN));

        InvoicePayload invoice = InvoiceDecision.invoice(DEAL, "cust-1", "DEAL-" + DEAL, LocalDate.of(2026, 1, 15), lines);

        assertThat(invoice.referenceNumber()).isEqualTo(DEAL);
        assertThat(invoice.customerId()).isEqualTo("cust-1");
        assertThat(invoice.lines()).isEqualTo(lines);
    }

    @Test
    void shouldHashTheInvoiceByWhatItBillsNotByItsDate() {
        List<InvoiceLine> lines = List.of(new InvoiceLine("i-1", "Widget", new BigDecimal("1.0"), BigDecimal.TEN));
        InvoicePayload today = InvoiceDecision.invoice(DEAL, "c", "n", LocalDate.of(2026, 1, 15), lines);
        InvoicePayload tomorrow = InvoiceDecision.invoice(DEAL, "c", "n", LocalDate.of(2026, 1, 16),
                List.of(new InvoiceLine("i-1", "Widget", BigDecimal.ONE, new BigDecimal("10.00"))));
        InvoicePayload more = InvoiceDecision.invoice(DEAL, "c", "n", LocalDate.of(2026, 1, 15),
                List.of(new InvoiceLine("i-1", "Widget", new BigDecimal("2"), BigDecimal.TEN)));

        assertThat(InvoiceDecision.mappedHash(today)).isEqualTo(InvoiceDecision.mappedHash(tomorrow));
        assertThat(InvoiceDecision.mappedHash(today)).isNotEqualTo(InvoiceDecision.mappedHash(more));
    }

    @Test
    void shouldNumberTheInvoiceFromTheDealSoARetryFindsIt() {
        assertThat(InvoiceDecision.invoiceNumber(DEAL, RULES)).isEqualTo("DEAL-" + DEAL);
        assertThat(InvoiceDecision.invoiceNumber(DEAL, RULES)).isEqualTo(InvoiceDecision.invoiceNumber(DEAL, RULES));
        InvoiceRules longPrefix = new InvoiceRules("Closed Won", "Books_Item_ID", "Quantity", "List_Price",
                "Books_Invoice_ID", "Books_Invoice_Number", "P".repeat(90));
        assertThatThrownBy(() -> InvoiceDecision.invoiceNumber(DEAL, longPrefix))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldSayWhetherTheDealHoldsTheInvoice() {
        Map<String, Object> linked = with(with(deal("Closed Won"), "Books_Invoice_ID", "inv-1"), "Books_Invoice_Number", "N");

        assertThat(InvoiceDecision.needsWriteBack(linked, RULES, "inv-1", "N")).isFalse();
        assertThat(InvoiceDecision.needsWriteBack(linked, RULES, "inv-1", "M")).isTrue();
        assertThat(InvoiceDecision.needsWriteBack(deal("Closed Won"), RULES, "inv-1", "N")).isTrue();
    }

    @Test
    void shouldRejectRulesWithoutFieldNames() {
        assertThatThrownBy(() -> new InvoiceRules("Closed Won", "", "Quantity", "List_Price", "A", "B", "P"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
