package io.zsync.creatorhub.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.MapFormat;
import io.micronaut.core.naming.conventions.StringConvention;
import io.zsync.creatorhub.domain.OrderFields;
import io.zsync.creatorhub.domain.SagaSettings;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One org's settings of the order saga ({@code zsync.creator-hub.orgs.<org>.*}); the org key is the one the
 * gateway puts on the order event and zoho-clients knows ({@code zsync.zoho.orgs.<org>}).
 *
 * @param name              the org key
 * @param report            Creator report that holds the orders (read and updated by id)
 * @param vipThreshold      totals strictly above this get a VIP Desk ticket
 * @param vipDepartmentId   Desk department of VIP tickets
 * @param vipPriority       priority of VIP tickets
 * @param vipSubject        template of the VIP ticket subject ({@code %number%} is the order number)
 * @param vipDescription    description of VIP tickets
 * @param ticketOrderField  Desk ticket custom field ({@code cf_...}) carrying the Creator order id
 * @param dealName          template of the CRM deal name, the deal's lookup key
 * @param dealStage         stage of new deals
 * @param dealPipeline      pipeline of new deals (orgs with pipelines only)
 * @param dealClosingDays   closing date of new deals, days after the order is processed
 * @param booksCustomerField CRM contact field where the CRM-to-Books flow keeps the Books customer id
 * @param invoiceReference  template of the Books invoice reference number, the invoice's lookup key
 * @param processingStatus  order status written back at the end
 * @param skipWorkflows     Creator workflows not to run on the write-back ({@code form_workflow}, ...)
 * @param timeZone          the org's day boundary, for invoice dates and the deal's closing date
 * @param mailFrom          sender of the confirmation
 * @param mailSubject       template of the confirmation subject
 * @param mailBody          template of the confirmation body
 * @param messageIdDomain   domain part of the confirmation's deterministic Message-ID
 * @param fields            Creator field link names that differ from the pattern's ({@code Customer_Email: Email})
 */
@EachProperty(CreatorHubOrgConfig.PREFIX)
public record CreatorHubOrgConfig(
        @Parameter String name,
        @Bindable(defaultValue = "All_Orders") String report,
        @Bindable(defaultValue = "10000") BigDecimal vipThreshold,
        @Nullable String vipDepartmentId,
        @Bindable(defaultValue = "High") String vipPriority,
        @Bindable(defaultValue = "VIP Order - %number%") String vipSubject,
        @Bindable(defaultValue = "High-value order placed. Contact customer within 24 hours.") String vipDescription,
        @Bindable(defaultValue = "cf_order_id") String ticketOrderField,
        @Bindable(defaultValue = "Order %number%") String dealName,
        @Bindable(defaultValue = "Qualification") String dealStage,
        @Nullable String dealPipeline,
        @Bindable(defaultValue = "30") int dealClosingDays,
        @Bindable(defaultValue = "Books_Customer_ID") String booksCustomerField,
        @Bindable(defaultValue = "%number%") String invoiceReference,
        @Bindable(defaultValue = "Processing") String processingStatus,
        @Nullable List<String> skipWorkflows,
        @Bindable(defaultValue = "UTC") ZoneId timeZone,
        @Bindable(defaultValue = "orders@zsync.invalid") String mailFrom,
        @Bindable(defaultValue = "Order Confirmation - %number%") String mailSubject,
        @Bindable(defaultValue = "Thank you for your order! Your order number is %number%.") String mailBody,
        @Bindable(defaultValue = "zsync.invalid") String messageIdDomain,
        @Nullable @MapFormat(keyFormat = StringConvention.RAW) Map<String, String> fields) {

    public static final String PREFIX = "zsync.creator-hub.orgs";

    /** The pure planner's view of these settings. */
    public SagaSettings settings() {
        return new SagaSettings(vipThreshold, dealName, dealStage, Optional.ofNullable(dealPipeline).filter(p -> !p.isBlank()),
                dealClosingDays, vipSubject, vipPriority, vipDescription, ticketOrderField, invoiceReference,
                processingStatus, mailSubject, mailBody, messageIdDomain);
    }

    public OrderFields orderFields() {
        return OrderFields.of(fields == null ? Map.of() : fields);
    }

    public List<String> workflowsToSkip() {
        return skipWorkflows == null ? List.of() : List.copyOf(skipWorkflows);
    }
}
