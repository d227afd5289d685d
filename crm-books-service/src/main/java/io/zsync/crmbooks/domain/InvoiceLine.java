package io.zsync.crmbooks.domain;

import java.math.BigDecimal;

/**
 * One invoice line from one product of the deal.
 *
 * @param itemId      Books item id
 * @param productName CRM product name (for people reading the invoice and the errors)
 * @param quantity    quantity, positive
 * @param rate        unit price from the deal, or null to let Books use the item's own rate
 */
public record InvoiceLine(String itemId, String productName, BigDecimal quantity, BigDecimal rate) {
}
