package io.zsync.sandbox.crm;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.util.Arrays;
import java.util.List;

/**
 * Zoho CRM settings. Mandatory and unique fields are org settings in real CRM (§3.6, §3.8), so each
 * module's list is a comma-separated switch; limits default to the documented numbers.
 *
 * @param mandatoryLeads           §3.6 system-mandatory fields of Leads
 * @param mandatoryContacts        … of Contacts
 * @param mandatoryAccounts        … of Accounts
 * @param mandatoryDeals           … of Deals
 * @param mandatoryProducts        … of Products
 * @param pipelinesEnabled         Deals also need {@code Pipeline} when pipelines are enabled
 * @param uniqueLeads              fields marked "do not allow duplicates" on Leads (org setting [C/S])
 * @param uniqueContacts           … on Contacts
 * @param uniqueAccounts           … on Accounts
 * @param uniqueDeals              … on Deals
 * @param uniqueProducts           … on Products
 * @param creditsPerDay            API credits per rolling 24 h (§3.13; 0 = unlimited)
 * @param maxConcurrency           simultaneous calls per org (§3.13 [S])
 * @param subConcurrency           simultaneous heavy calls (search, COQL, related, sorted lists) [S/U]
 * @param rateLimitCode            429 body code: TOO_MANY_REQUESTS [S] or RATE_LIMIT_EXCEEDED (OAS sample)
 * @param searchEqualsIsContains   {@code equals} in search criteria matches substrings of text [C]
 * @param searchIndexDelayMs       records changed less than this ago are not yet searchable [C, duration U]
 * @param getOneIfModifiedSince    single-record GET also answers 304 for If-Modified-Since [U]
 * @param missingRecordStatus      GET of an unknown record id: 204 or 400 INVALID_DATA [U]
 * @param resourceUriVersion       version shown in callback {@code resource_uri} (samples say v2 [C])
 * @param deleteOperation          callback {@code operation} for deletes (only insert/update seen in samples [U])
 * @param channelDefaultExpirySeconds channel expiry when omitted or too far (1 h [C])
 * @param channelMaxExpirySeconds  farthest allowed channel expiry (1 week [C])
 * @param coqlMaxLimit             largest COQL {@code limit} (200 in v7 text, 2,000 later [U])
 * @param userId                   the CRM user every record is owned, created and modified by
 * @param userName                 that user's name
 * @param userEmail                that user's email (owner lookups carry it)
 * @param orgZuid                  that user's zuid, shown in duplicate_record.Owner
 */
@ConfigurationProperties(CrmConfig.PREFIX)
public record CrmConfig(
        String mandatoryLeads,
        String mandatoryContacts,
        String mandatoryAccounts,
        String mandatoryDeals,
        String mandatoryProducts,
        boolean pipelinesEnabled,
        String uniqueLeads,
        String uniqueContacts,
        String uniqueAccounts,
        String uniqueDeals,
        String uniqueProducts,
        long creditsPerDay,
        int maxConcurrency,
        int subConcurrency,
        String rateLimitCode,
        boolean searchEqualsIsContains,
        long searchIndexDelayMs,
        boolean getOneIfModifiedSince,
        int missingRecordStatus,
        String resourceUriVersion,
        String deleteOperation,
        long channelDefaultExpirySeconds,
        long channelMaxExpirySeconds,
        int coqlMaxLimit,
        String userId,
        String userName,
        String userEmail,
        String orgZuid) {

    public static final String PREFIX = "sandbox.crm";

    public List<String> mandatory(String module) {
        List<String> fields = split(switch (module) {
            case "Leads" -> mandatoryLeads;
            case "Contacts" -> mandatoryContacts;
            case "Accounts" -> mandatoryAccounts;
            case "Deals" -> mandatoryDeals;
            case "Products" -> mandatoryProducts;
            default -> "";
        });
        if ("Deals".equals(module) && pipelinesEnabled && !fields.contains("Pipeline")) {
            fields = new java.util.ArrayList<>(fields);
            fields.add("Pipeline");
        }
        return fields;
    }

    public List<String> unique(String module) {
        return split(switch (module) {
            case "Leads" -> uniqueLeads;
            case "Contacts" -> uniqueContacts;
            case "Accounts" -> uniqueAccounts;
            case "Deals" -> uniqueDeals;
            case "Products" -> uniqueProducts;
            default -> "";
        });
    }

    private static List<String> split(String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
