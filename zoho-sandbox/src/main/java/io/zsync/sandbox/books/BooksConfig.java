package io.zsync.sandbox.books;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.util.Arrays;
import java.util.List;

/**
 * Zoho Books settings (§5). Error codes that zoho-api.md could not confirm are switches [U].
 *
 * @param organizationIds       organizations that exist (comma-separated)
 * @param idsAsStrings          ids as JSON strings (real responses [S]) or bare numbers (doc samples)
 * @param requestsPerMinute     per-organization limit (100 [S])
 * @param requestsPerDay        per-organization daily limit (1,000–10,000 by plan [S/U]; 0 = unlimited)
 * @param unauthorizedCode      {@code code} of the 401 for an invalid or expired token (57 [U])
 * @param perMinuteLimitCode    {@code code} of the 429 for the per-minute limit [U]
 * @param perDayLimitCode       {@code code} of the 429 for the daily limit [U]
 * @param invalidOrgCode        {@code code} of the 400 for a missing or unknown organization_id [U]
 * @param missingFieldCode      {@code code} of the 400 for a missing required field [U]
 * @param duplicateInvoiceCode  {@code code} of the 400 for a duplicate invoice number (1001 [U])
 * @param invoicePrefix         auto-number prefix
 * @param invoiceNumberDigits   auto-number digits ("INV-00003" in the doc sample)
 * @param acceptJsonString      accept the historical form field {@code JSONString} instead of a JSON body [U]
 * @param currencyCode          the organization's currency
 */
@ConfigurationProperties(BooksConfig.PREFIX)
public record BooksConfig(
        String organizationIds,
        boolean idsAsStrings,
        int requestsPerMinute,
        int requestsPerDay,
        int unauthorizedCode,
        int perMinuteLimitCode,
        int perDayLimitCode,
        int invalidOrgCode,
        int missingFieldCode,
        int duplicateInvoiceCode,
        String invoicePrefix,
        int invoiceNumberDigits,
        boolean acceptJsonString,
        String currencyCode) {

    public static final String PREFIX = "sandbox.books";

    public List<String> organizations() {
        return Arrays.stream(organizationIds.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
