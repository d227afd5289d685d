package io.zsync.crmbooks.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.zsync.crmbooks.domain.CustomerRules;
import io.zsync.crmbooks.domain.InvoiceRules;

import java.time.ZoneId;

/**
 * One org's settings of this service ({@code zsync.crm-books.orgs.<org>.*}, the org being the key of
 * {@code zsync.zoho.orgs}): the CRM and Books field names the flows read and write back, and the rules of the
 * invoice. The Books organization id is the org's {@code books-organization-id} in zoho-clients.
 *
 * @param name                 org key
 * @param customerIdField      CRM contact field receiving the Books customer id
 * @param crmIdCustomField     Books contact custom field ({@code api_name}) keeping the CRM contact id; unset: none
 * @param lookupBeforeCreate   look customers up by e-mail/name before every create, not only after a crash
 * @param wonStage             Deals stage that triggers the invoice
 * @param itemIdField          CRM product field with the Books item id
 * @param quantityField        deal-product field with the quantity
 * @param listPriceField       deal-product field with the price
 * @param invoiceIdField       CRM deal field receiving the Books invoice id
 * @param invoiceNumberField   CRM deal field receiving the Books invoice number
 * @param invoiceNumberPrefix  invoice number = prefix + deal id
 * @param timeZone             zone of the invoice date
 */
@EachProperty(CrmBooksOrgSettings.PREFIX)
public record CrmBooksOrgSettings(
        @Parameter String name,
        @Bindable(defaultValue = "Books_Customer_ID") String customerIdField,
        @Nullable String crmIdCustomField,
        @Bindable(defaultValue = "false") boolean lookupBeforeCreate,
        @Bindable(defaultValue = "Closed Won") String wonStage,
        @Bindable(defaultValue = "Books_Item_ID") String itemIdField,
        @Bindable(defaultValue = "Quantity") String quantityField,
        @Bindable(defaultValue = "List_Price") String listPriceField,
        @Bindable(defaultValue = "Books_Invoice_ID") String invoiceIdField,
        @Bindable(defaultValue = "Books_Invoice_Number") String invoiceNumberField,
        @Bindable(defaultValue = "DEAL-") String invoiceNumberPrefix,
        @Bindable(defaultValue = "UTC") String timeZone) {

    public static final String PREFIX = "zsync.crm-books.orgs";

    public CustomerRules customerRules() {
        return new CustomerRules(customerIdField, crmIdCustomField, lookupBeforeCreate);
    }

    public InvoiceRules invoiceRules() {
        return new InvoiceRules(wonStage, itemIdField, quantityField, listPriceField, invoiceIdField,
                invoiceNumberField, invoiceNumberPrefix);
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
