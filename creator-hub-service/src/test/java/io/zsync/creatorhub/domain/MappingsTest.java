package io.zsync.creatorhub.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class MappingsTest {

    private static final SagaSettings SETTINGS = SagaSettings.defaults();
    private static final Order ORDER = Orders.order(Orders.vip());

    @Test
    void shouldCreateTheDealOfThePatternClosingThirtyDaysLater() {
        Map<String, Object> deal = Mappings.crmDeal(ORDER, "c1", LocalDate.of(2026, 1, 15), SETTINGS);

        assertThat(deal).containsEntry("Deal_Name", "Order ORD-1001")
                .containsEntry("Stage", "Qualification")
                .containsEntry("Contact_Name", Map.of("id", "c1"))
                .containsEntry("Closing_Date", "2026-02-14")
                .doesNotContainKey("Pipeline");
        assertThat((java.math.BigDecimal) deal.get("Amount")).isEqualByComparingTo("12000");
    }

    @Test
    void shouldSetThePipelineWhenTheOrgHasOne() {
        SagaSettings withPipeline = new SagaSettings(SETTINGS.vipThreshold(), "Order %number%", "Qualification",
                Optional.of("Standard (Standard)"), 10, "VIP Order - %number%", "High", "d", "cf_order_id", "%number%",
                "Processing", "s", "b", "shop.example");

        Map<String, Object> deal = Mappings.crmDeal(ORDER, "c1", LocalDate.of(2026, 12, 25), withPipeline);

        assertThat(deal).containsEntry("Pipeline", "Standard (Standard)").containsEntry("Closing_Date", "2027-01-04");
    }

    @Test
    void shouldMapTheCustomerForCrmWithAMandatoryLastName() {
        assertThat(Mappings.crmContact(ORDER)).containsEntry("First_Name", "Anna").containsEntry("Last_Name", "Kingsley")
                .containsEntry("Email", "anna@example.com").containsEntry("Phone", "555-0100");
        Order nameless = Orders.order(Orders.without("Customer_Last_Name"));
        assertThat(Mappings.crmContact(nameless)).containsEntry("Last_Name", "Anna");
    }

    @Test
    void shouldCreateTheCrmContactLinkedToItsBooksCustomer() {
        assertThat(Mappings.crmContact(ORDER, "Books_Customer_ID", "460000000026049"))
                .containsEntry("Books_Customer_ID", "460000000026049").containsEntry("Email", "anna@example.com");
        assertThat(Mappings.crmContact(ORDER, "Books_Customer_ID", null)).doesNotContainKey("Books_Customer_ID");
        assertThat(Mappings.crmContact(ORDER, " ", "460000000026049")).hasSize(Mappings.crmContact(ORDER).size());
    }

    @Test
    void shouldAdoptANameHolderOnlyWhenItIsACustomerWithTheOrdersEmail() {
        assertThat(Mappings.isOrderCustomer(ORDER, "customer", Optional.of(" Anna@Example.com"))).isTrue();
        assertThat(Mappings.isOrderCustomer(ORDER, null, Optional.of("anna@example.com"))).isTrue();
        assertThat(Mappings.isOrderCustomer(ORDER, "customer", Optional.of("other.anna@example.com"))).isFalse();
        assertThat(Mappings.isOrderCustomer(ORDER, "customer", Optional.empty())).isFalse();
        assertThat(Mappings.isOrderCustomer(ORDER, "vendor", Optional.of("anna@example.com"))).isFalse();
    }

    @Test
    void shouldGiveTheSameMessageIdToEveryAttemptForAnOrder() {
        Confirmation first = Mappings.confirmation(ORDER, SETTINGS);
        Confirmation again = Mappings.confirmation(Orders.order(Orders.vip()), SETTINGS);

        assertThat(first.messageId()).isEqualTo(again.messageId()).isEqualTo("<creator-order-3888833000000114027@zsync.invalid>");
        assertThat(first.to()).isEqualTo("anna@example.com");
        assertThat(first.subject()).isEqualTo("Order Confirmation - ORD-1001");
        assertThat(first.body()).isEqualTo("Thank you for your order! Your order number is ORD-1001.");
    }

    @Test
    void shouldKeepTheMessageIdValidWhateverTheRecordIdHolds() {
        Map<String, Object> fields = Orders.vip();
        Order odd = Orders.order(fields);
        Order strange = new Order("a b<c>@d", odd.number(), odd.firstName(), odd.lastName(), odd.email(), odd.phone(),
                odd.crmContactId(), odd.booksCustomerId(), odd.productItemId(), odd.productName(), odd.quantity(),
                odd.unitPrice(), odd.total());

        assertThat(Mappings.messageId(strange, SETTINGS)).isEqualTo("<creator-order-a_b_c__d@zsync.invalid>");
    }

    @Test
    void shouldWriteBackStatusAndIdsUnderTheAppsFieldNames() {
        SagaState state = SagaState.of(Map.of(Roles.CRM_CONTACT_ID, "c1", Roles.CRM_DEAL_ID, "d1", Roles.BOOKS_INVOICE_ID, "i1",
                Roles.DESK_TICKET_ID, "t1"));

        Map<String, Object> update = Mappings.creatorUpdate(state, OrderFields.of(Map.of("Status", "Order_Status")), SETTINGS);

        assertThat(update).containsExactlyInAnyOrderEntriesOf(Map.of("Order_Status", "Processing", "CRM_Contact_ID", "c1",
                "CRM_Deal_ID", "d1", "Books_Invoice_ID", "i1"));
    }

    @Test
    void shouldRecogniseOnlyTheDealWithTheExactName() {
        assertThat(Mappings.isOurDeal(ORDER, SETTINGS, "Order ORD-1001")).isTrue();
        assertThat(Mappings.isOurDeal(ORDER, SETTINGS, "Order ORD-10011")).isFalse(); // search "equals" is "contains"
        assertThat(Mappings.isOurDeal(ORDER, SETTINGS, null)).isFalse();
    }

    @Test
    void shouldRecogniseTheInvoiceByReferenceAndCustomer() {
        assertThat(Mappings.isOurInvoice(ORDER, SETTINGS, "bc1", "ORD-1001", "bc1")).isTrue();
        assertThat(Mappings.isOurInvoice(ORDER, SETTINGS, "bc1", "ORD-1001", "bc2")).isFalse();
        assertThat(Mappings.isOurInvoice(ORDER, SETTINGS, "bc1", "ORD-1002", "bc1")).isFalse();
    }

    @Test
    void shouldRecogniseTheTicketByTheOrderFieldFirstAndBySubjectOnlyWithoutIt() {
        assertThat(Mappings.isOurTicket(ORDER, SETTINGS, Optional.of("3888833000000114027"), "anything")).isTrue();
        assertThat(Mappings.isOurTicket(ORDER, SETTINGS, Optional.of("other"), "VIP Order - ORD-1001")).isFalse();
        assertThat(Mappings.isOurTicket(ORDER, SETTINGS, Optional.empty(), "VIP Order - ORD-1001")).isTrue();
        assertThat(Mappings.isOurTicket(ORDER, SETTINGS, Optional.empty(), "VIP Order - ORD-100")).isFalse();
    }

    @Test
    void shouldCompareEmailsWithoutCase() {
        assertThat(Mappings.sameEmail("Anna@Example.com ", "anna@example.com")).isTrue();
        assertThat(Mappings.sameEmail("anna@example.com", null)).isFalse();
    }

    @Test
    void shouldFillTemplatesAndLeaveUnknownPlaceholders() {
        assertThat(Templates.render("%name% bought %quantity% x %product% for %total% (%number%) %oops%", ORDER))
                .isEqualTo("Anna Kingsley bought 3 x Standing Desk for 12000.00 (ORD-1001) %oops%");
    }

    @Test
    void shouldMakeTheBooksNameUniqueWithTheEmail() {
        assertThat(Mappings.booksCustomerName(ORDER)).isEqualTo("Anna Kingsley");
        assertThat(Mappings.booksCustomerNameDisambiguated(ORDER)).isEqualTo("Anna Kingsley (anna@example.com)");
        assertThat(Mappings.ticketSubject(ORDER, SETTINGS)).isEqualTo("VIP Order - ORD-1001");
        assertThat(Mappings.deskContact(ORDER)).containsEntry("lastName", "Kingsley").containsEntry("email", "anna@example.com");
    }
}
