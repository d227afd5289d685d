package io.zsync.crmbooks.domain;

/**
 * An org's settings for the deal-to-invoice decision.
 *
 * @param wonStage            the Deals stage that means won ("Closed Won" in the standard pipeline)
 * @param itemIdField         CRM product field that holds the Books item id
 * @param quantityField       deal-product relation field with the quantity
 * @param listPriceField      deal-product relation field with the price
 * @param invoiceIdField      CRM deal field for the Books invoice id (write-back)
 * @param invoiceNumberField  CRM deal field for the Books invoice number (write-back)
 * @param invoiceNumberPrefix prefix of the invoice number; the deal id follows, so a retry finds the invoice
 */
public record InvoiceRules(String wonStage, String itemIdField, String quantityField, String listPriceField,
                           String invoiceIdField, String invoiceNumberField, String invoiceNumberPrefix) {

    /** Books takes invoice numbers of at most 100 characters. */
    public static final int MAX_INVOICE_NUMBER = 100;

    public InvoiceRules {
        for (String required : new String[] {wonStage, itemIdField, quantityField, listPriceField, invoiceIdField,
                invoiceNumberField}) {
            if (required == null || required.isBlank()) {
                throw new IllegalArgumentException("every deal-to-invoice field name is required");
            }
        }
        invoiceNumberPrefix = invoiceNumberPrefix == null ? "" : invoiceNumberPrefix;
    }
}
