package io.zsync.creatorhub.domain;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * An org's settings of the order saga, as plain values for the pure planner and mappings.
 *
 * @param vipThreshold      an order whose total exceeds this (strictly) gets a VIP Desk ticket
 * @param dealName          template of the CRM deal's name ({@code "Order %number%"}), its lookup key
 * @param dealStage         stage of the new deal ({@code Qualification})
 * @param dealPipeline      pipeline of the new deal, for orgs with pipelines
 * @param dealClosingDays   closing date of the deal, in days from the order's processing day
 * @param ticketSubject     template of the VIP ticket's subject ({@code "VIP Order - %number%"})
 * @param ticketPriority    priority of the VIP ticket ({@code High})
 * @param ticketDescription description of the VIP ticket
 * @param ticketOrderField  Desk custom field ({@code cf_...}) that carries the Creator order id
 * @param invoiceReference  template of the invoice's reference number ({@code %number%}), its lookup key
 * @param processingStatus  order status written on the order at the end ({@code Processing})
 * @param mailSubject       template of the confirmation subject
 * @param mailBody          template of the confirmation body (plain text)
 * @param messageIdDomain   right-hand side of the confirmation's Message-ID
 */
public record SagaSettings(BigDecimal vipThreshold, String dealName, String dealStage, Optional<String> dealPipeline,
                           int dealClosingDays, String ticketSubject, String ticketPriority, String ticketDescription,
                           String ticketOrderField, String invoiceReference, String processingStatus, String mailSubject,
                           String mailBody, String messageIdDomain) {

    public SagaSettings {
        Objects.requireNonNull(vipThreshold, "vipThreshold");
        if (dealClosingDays < 0) {
            throw new IllegalArgumentException("dealClosingDays must not be negative");
        }
        if (!ticketOrderField.startsWith("cf_")) {
            throw new IllegalArgumentException("Desk custom fields are named cf_...: " + ticketOrderField);
        }
    }

    /** The defaults of the integration pattern (threshold 10,000; "Order n"; Qualification; +30 days; High). */
    public static SagaSettings defaults() {
        return new SagaSettings(new BigDecimal("10000"), "Order %number%", "Qualification", Optional.empty(), 30,
                "VIP Order - %number%", "High", "High-value order placed. Contact customer within 24 hours.", "cf_order_id",
                "%number%", "Processing", "Order Confirmation - %number%",
                "Thank you for your order! Your order number is %number%.", "zsync.invalid");
    }

    public SagaSettings withVipThreshold(BigDecimal threshold) {
        return new SagaSettings(threshold, dealName, dealStage, dealPipeline, dealClosingDays, ticketSubject,
                ticketPriority, ticketDescription, ticketOrderField, invoiceReference, processingStatus, mailSubject, mailBody,
                messageIdDomain);
    }
}
