package io.zsync.crmbooks.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Books invoice of a won deal.
 *
 * @param customerId      Books customer of the deal's contact
 * @param invoiceNumber   deterministic number (prefix + deal id): how a retry or a replay finds it again
 * @param referenceNumber the CRM deal id
 * @param date            invoice date
 * @param lines           one line per product, at least one
 */
public record InvoicePayload(String customerId, String invoiceNumber, String referenceNumber, LocalDate date,
                             List<InvoiceLine> lines) {

    public InvoicePayload {
        lines = List.copyOf(lines);
    }

    /** The values that make the invoice what it is (not the date, which only says when it was made). */
    public Map<String, Object> mappedValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("customer_id", customerId);
        values.put("invoice_number", invoiceNumber);
        for (int i = 0; i < lines.size(); i++) {
            InvoiceLine line = lines.get(i);
            values.put("line" + i, line.itemId() + "x" + line.quantity().stripTrailingZeros().toPlainString() + "@"
                    + (line.rate() == null ? "item" : line.rate().stripTrailingZeros().toPlainString()));
        }
        return values;
    }
}
