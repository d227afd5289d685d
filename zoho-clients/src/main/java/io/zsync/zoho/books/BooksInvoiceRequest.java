package io.zsync.zoho.books;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.zsync.zoho.http.JsonBody;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Body of a Books invoice create (zoho-api.md §5.3). {@code invoice_number} is only sent (and then required) when
 * the caller disables auto numbering; dates are {@code yyyy-MM-dd} strings.
 *
 * @param customerId      Books contact id (required)
 * @param invoiceNumber   own number (with {@code ignore_auto_number_generation=true})
 * @param referenceNumber reference, e.g. the CRM deal id, to find the invoice again
 * @param date            invoice date
 * @param dueDate         due date
 * @param paymentTerms    payment terms in days
 * @param discount        discount
 * @param salespersonName salesperson
 * @param notes           notes
 * @param terms           terms
 * @param lineItems       lines (at least one)
 * @param customFields    {@code [{"customfield_id": ..., "value": ...}]}
 */
@Serdeable
public record BooksInvoiceRequest(@JsonProperty("customer_id") String customerId,
                                  @JsonProperty("invoice_number") @Nullable String invoiceNumber,
                                  @JsonProperty("reference_number") @Nullable String referenceNumber,
                                  @Nullable String date,
                                  @JsonProperty("due_date") @Nullable String dueDate,
                                  @JsonProperty("payment_terms") @Nullable Integer paymentTerms,
                                  @Nullable BigDecimal discount,
                                  @JsonProperty("salesperson_name") @Nullable String salespersonName,
                                  @Nullable String notes,
                                  @Nullable String terms,
                                  @JsonProperty("line_items") List<BooksLineItem> lineItems,
                                  @JsonProperty("custom_fields") @Nullable List<Map<String, Object>> customFields) {

    public BooksInvoiceRequest {
        if (customerId == null || customerId.isBlank()) {
            throw new IllegalArgumentException("customer_id is required");
        }
        if (invoiceNumber != null && invoiceNumber.length() > 100) {
            throw new IllegalArgumentException("invoice_number is at most 100 characters");
        }
        lineItems = lineItems == null ? List.of() : List.copyOf(lineItems);
    }

    /** An invoice for a customer with a reference and lines, dated {@code date}, numbered by Books. */
    public static BooksInvoiceRequest of(String customerId, @Nullable String referenceNumber, LocalDate date,
                                         List<BooksLineItem> lines) {
        return new BooksInvoiceRequest(customerId, null, referenceNumber, date.toString(), null, null, null, null,
                null, null, lines, null);
    }

    /** The JSON body, without unset keys. */
    public Map<String, Object> toBody() {
        return JsonBody.create().put("customer_id", customerId).put("invoice_number", invoiceNumber)
                .put("reference_number", referenceNumber).put("date", date).put("due_date", dueDate)
                .put("payment_terms", paymentTerms).put("discount", discount).put("salesperson_name", salespersonName)
                .put("notes", notes).put("terms", terms).putList("line_items", lineItems, BooksLineItem::toBody)
                .put("custom_fields", customFields).build();
    }
}
