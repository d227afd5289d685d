package io.zsync.creatorhub.domain;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderFieldsTest {

    @Test
    void shouldUseThePatternsNamesByDefault() {
        assertThat(OrderFields.DEFAULTS.name(OrderFields.EMAIL)).isEqualTo("Customer_Email");
        assertThat(OrderFields.DEFAULTS.writeBackNames())
                .containsExactlyInAnyOrder("Status", "CRM_Contact_ID", "CRM_Deal_ID", "Books_Invoice_ID");
    }

    @Test
    void shouldRenameOverriddenFieldsOnly() {
        OrderFields names = OrderFields.of(Map.of("Status", "Order_Status"));

        assertThat(names.name(OrderFields.STATUS)).isEqualTo("Order_Status");
        assertThat(names.name(OrderFields.QUANTITY)).isEqualTo("Quantity");
        assertThat(names.writeBackNames()).contains("Order_Status").doesNotContain("Status");
    }

    @Test
    void shouldRefuseAnOverrideOfAFieldTheSagaDoesNotKnow() {
        assertThatThrownBy(() -> OrderFields.of(Map.of("Customer_Mail", "Email")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Customer_Mail");
        assertThatThrownBy(() -> OrderFields.of(Map.of("Status", " ")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
