package io.zsync.creatorhub.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class OrderReaderTest {

    private static OrderCheck read(Map<String, Object> fields) {
        return OrderReader.read("3888833000000114027", fields, OrderFields.DEFAULTS);
    }

    private static String codeOf(Map<String, Object> fields) {
        OrderCheck check = read(fields);
        assertThat(check).isInstanceOf(OrderCheck.Invalid.class);
        return ((OrderCheck.Invalid) check).code();
    }

    @Test
    void shouldReadEveryFieldOfACompleteOrder() {
        Order order = Orders.order(Orders.vip());

        assertThat(order.recordId()).isEqualTo("3888833000000114027");
        assertThat(order.number()).isEqualTo("ORD-1001");
        assertThat(order.firstName()).contains("Anna");
        assertThat(order.lastName()).contains("Kingsley");
        assertThat(order.email()).isEqualTo("anna@example.com");
        assertThat(order.phone()).contains("555-0100");
        assertThat(order.productName()).contains("Standing Desk");
        assertThat(order.productItemId()).isEmpty();
        assertThat(order.crmContactId()).isEmpty();
        assertThat(order.booksCustomerId()).isEmpty();
        assertThat(order.quantity()).isEqualByComparingTo("3");
        assertThat(order.unitPrice()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("4000"));
        assertThat(order.total()).isEqualByComparingTo("12000");
    }

    @Test
    void shouldComputeTheTotalFromQuantityAndPriceWhenTheOrderGivesNone() {
        Order order = Orders.order(Orders.without("Total_Amount"));

        assertThat(order.total()).isEqualByComparingTo("12000.00");
    }

    @Test
    void shouldPreferTheGivenTotalOverQuantityTimesPrice() {
        Order order = Orders.order(Orders.with("Total_Amount", "11500.00")); // a discount the app applied

        assertThat(order.total()).isEqualByComparingTo("11500");
    }

    @Test
    void shouldReadNumbersSentAsNumbersOrWithThousandsSeparators() {
        assertThat(Orders.order(Orders.with("Quantity", 2)).quantity()).isEqualByComparingTo("2");
        assertThat(Orders.order(Orders.with("Total_Amount", "12,500.50")).total()).isEqualByComparingTo("12500.50");
        assertThat(Orders.order(Orders.with("Total_Amount", new BigDecimal("99.90"))).total()).isEqualByComparingTo("99.90");
    }

    @Test
    void shouldTakeTheIdOfALookupField() {
        Order order = Orders.order(Orders.with("CRM_Contact_ID", Map.of("ID", "5725767000000524157", "display_value", "Anna")));

        assertThat(order.crmContactId()).contains("5725767000000524157");
    }

    @Test
    void shouldTreatBlankAndNullTextAsAbsent() {
        Order order = Orders.order(Orders.with("Books_Customer_ID", "  "));

        assertThat(order.booksCustomerId()).isEmpty();
        assertThat(Orders.order(Orders.with("Customer_Phone", "null")).phone()).isEmpty();
    }

    @Test
    void shouldAcceptAnItemIdWithoutAProductName() {
        Map<String, Object> fields = Orders.without("Product_Name");
        fields.put("Product_Books_ID", "460000000026049");

        Order order = Orders.order(fields);

        assertThat(order.productItemId()).contains("460000000026049");
        assertThat(order.productName()).isEmpty();
    }

    @Test
    void shouldRejectAnOrderWithoutAnEmailBecauseNoStepCouldFindItsCustomerAgain() {
        assertThat(codeOf(Orders.without("Customer_Email"))).isEqualTo("MISSING_CUSTOMER_EMAIL");
        assertThat(codeOf(Orders.with("Customer_Email", ""))).isEqualTo("MISSING_CUSTOMER_EMAIL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"anna", "anna@", "@example.com", "anna example@x.com", "anna@example"})
    void shouldRejectAnEmailThatIsNotOne(String email) {
        assertThat(codeOf(Orders.with("Customer_Email", email))).isEqualTo("INVALID_CUSTOMER_EMAIL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "-0"})
    void shouldRejectAZeroQuantityPermanently(String quantity) {
        assertThat(codeOf(Orders.with("Quantity", quantity))).isEqualTo("ZERO_QUANTITY");
    }

    @ParameterizedTest
    @CsvSource({
            "-1, INVALID_QUANTITY",      // negative
            "three, INVALID_QUANTITY",   // not a number
    })
    void shouldRejectAQuantityThatIsNotAPositiveNumber(String quantity, String code) {
        assertThat(codeOf(Orders.with("Quantity", quantity))).isEqualTo(code);
    }

    @Test
    void shouldRejectAnOrderWithoutQuantity() {
        assertThat(codeOf(Orders.without("Quantity"))).isEqualTo("MISSING_QUANTITY");
    }

    @Test
    void shouldAcceptAFractionalQuantity() {
        assertThat(Orders.order(Orders.with("Quantity", "2.5")).quantity()).isEqualByComparingTo("2.5");
    }

    @Test
    void shouldRejectAnOrderWithoutNumber() {
        assertThat(codeOf(Orders.without("Order_Number"))).isEqualTo("MISSING_ORDER_NUMBER");
    }

    @Test
    void shouldRejectAnOrderThatNamesNoProduct() {
        assertThat(codeOf(Orders.without("Product_Name"))).isEqualTo("MISSING_PRODUCT");
    }

    @Test
    void shouldRejectAnOrderWithNeitherTotalNorPrice() {
        Map<String, Object> fields = Orders.without("Total_Amount");
        fields.remove("Unit_Price");

        assertThat(codeOf(fields)).isEqualTo("MISSING_TOTAL");
    }

    @Test
    void shouldRejectNegativeOrUnreadableAmounts() {
        assertThat(codeOf(Orders.with("Total_Amount", "-5"))).isEqualTo("INVALID_TOTAL");
        assertThat(codeOf(Orders.with("Total_Amount", "lots"))).isEqualTo("INVALID_TOTAL");
        assertThat(codeOf(Orders.with("Unit_Price", "-1"))).isEqualTo("INVALID_UNIT_PRICE");
    }

    @Test
    void shouldReadTheAppsOwnFieldNames() {
        Map<String, Object> fields = Orders.without("Customer_Email");
        fields.put("Email", "anna@example.com");
        OrderFields names = OrderFields.of(Map.of("Customer_Email", "Email"));

        OrderCheck check = OrderReader.read("1", fields, names);

        assertThat(check).isInstanceOfSatisfying(OrderCheck.Valid.class,
                v -> assertThat(v.order().email()).isEqualTo("anna@example.com"));
    }

    @Test
    void shouldNameTheMissingFieldInTheMessage() {
        OrderCheck check = read(Orders.without("Customer_Email"));

        assertThat(((OrderCheck.Invalid) check).message()).contains("ORD-1001").contains("Customer_Email");
    }

    @Test
    void shouldFallBackToFirstNameThenEmailForProductsThatNeedALastName() {
        assertThat(Orders.order(Orders.without("Customer_Last_Name")).lastNameOrFallback()).isEqualTo("Anna");
        Map<String, Object> nameless = Orders.without("Customer_Last_Name");
        nameless.remove("Customer_First_Name");
        Order order = Orders.order(nameless);
        assertThat(order.lastNameOrFallback()).isEqualTo("anna@example.com");
        assertThat(order.displayName()).isEqualTo("anna@example.com");
        assertThat(order.firstName()).isEqualTo(Optional.empty());
    }
}
