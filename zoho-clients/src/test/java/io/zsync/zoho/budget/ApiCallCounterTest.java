package io.zsync.zoho.budget;

import io.zsync.zoho.ZohoProduct;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class ApiCallCounterTest {
    private final ApiCallCounter counter = new ApiCallCounter();

    @Test
    void shouldCountCallsOfOneUnitOfWorkOnItsThreadOnly() throws Exception {
        try (ApiCallCounter.Scope outer = counter.open()) {
            counter.record("acme", ZohoProduct.CRM);
            try (ApiCallCounter.Scope inner = counter.open()) {
                counter.record("acme", ZohoProduct.BOOKS);
                counter.record("acme", ZohoProduct.BOOKS);
                assertThat(inner.count()).isEqualTo(2);
            }
            CompletableFuture.runAsync(() -> counter.record("acme", ZohoProduct.CRM)).get(); // another thread

            assertThat(outer.count()).isEqualTo(3);
            assertThat(outer.count(ZohoProduct.CRM)).isEqualTo(1);
            assertThat(outer.byProduct()).containsEntry(ZohoProduct.BOOKS, 2L);
        }
        assertThat(counter.total("acme", ZohoProduct.CRM)).isEqualTo(2);
    }
}
