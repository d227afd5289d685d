package io.zsync.zoho.books;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A Books invoice as read ({@code date}/{@code due_date} are {@code yyyy-MM-dd}).
 *
 * @param invoiceId       id
 * @param invoiceNumber   number ({@code INV-00003})
 * @param referenceNumber reference (the flows put the source deal/order id here)
 * @param status          {@code draft}, {@code sent}, {@code paid}, ...
 * @param customerId      Books contact id
 * @param customerName    contact name
 * @param date            invoice date
 * @param dueDate         due date
 * @param currencyCode    currency
 * @param lineItems       lines
 * @param subTotal        sub total
 * @param total           total
 * @param balance         balance due
 * @param customFields    custom fields as returned
 */
@Serdeable
public record BooksInvoice(@JsonProperty("invoice_id") @Nullable String invoiceId,
                           @JsonProperty("invoice_number") @Nullable String invoiceNumber,
                           @JsonProperty("reference_number") @Nullable String referenceNumber,
                           @Nullable String status,
                           @JsonProperty("customer_id") @Nullable String customerId,
                           @JsonProperty("customer_name") @Nullable String customerName,
                           @Nullable String date,
                           @JsonProperty("due_date") @Nullable String dueDate,
                           @JsonProperty("currency_code") @Nullable String currencyCode,
                           @JsonProperty("line_items") @Nullable List<BooksLineItem> lineItems,
                           @JsonProperty("sub_total") @Nullable BigDecimal subTotal,
                           @Nullable BigDecimal total,
                           @Nullable BigDecimal balance,
                           @JsonProperty("custom_fields") @Nullable List<Map<String, Object>> customFields) {
}
