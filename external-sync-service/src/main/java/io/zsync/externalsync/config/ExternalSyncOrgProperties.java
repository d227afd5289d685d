package io.zsync.externalsync.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.zsync.externalsync.domain.ConflictRule;
import io.zsync.externalsync.domain.CrmDeleteAction;
import io.zsync.externalsync.domain.ExternalDeleteAction;
import io.zsync.externalsync.domain.Side;

import java.util.Map;

/**
 * One org's external sync ({@code zsync.external-sync.orgs.<org>.*}); the key is the zoho-clients org name.
 *
 * @param name                    the org key
 * @param externalAccount         zoho-clients HubSpot account ({@code zsync.hubspot.accounts.<name>}); default: the org key
 * @param externalPortalId        the HubSpot portal id its webhooks carry (the gateway's events name the portal)
 * @param crmExternalIdField      CRM contact field holding the external id
 * @param crmCompanyField         CRM contact field holding the company
 * @param crmCompanyIsLookup      the company field is a lookup to Accounts (resolved by account name)
 * @param createMissingAccounts   create a CRM account when no account has the external company's name
 * @param externalZohoIdProperty  external contact property holding the Zoho contact id
 * @param externalDeletedProperty external property set when a CRM deletion is only marked
 * @param onCrmDelete             what a CRM deletion does on the external side
 * @param onExternalDelete        what an external deletion does on the CRM side
 * @param conflictRule            default conflict rule
 * @param fieldConflictRules      conflict rule per field ({@code firstName}, {@code lastName}, {@code email}, {@code phone}, {@code company})
 * @param conflictTieWinner       winner of a "most recent wins" tie within one second
 * @param matchCrmByEmail         before creating a CRM contact for a new external one, adopt a CRM contact with its e-mail
 * @param batchEnabled            whether the hourly batch covers this org
 */
@EachProperty("zsync.external-sync.orgs")
public record ExternalSyncOrgProperties(
        @Parameter String name,
        @Nullable String externalAccount,
        @Nullable String externalPortalId,
        @Bindable(defaultValue = "External_System_ID") String crmExternalIdField,
        @Bindable(defaultValue = "Account_Name") String crmCompanyField,
        @Bindable(defaultValue = "true") boolean crmCompanyIsLookup,
        @Bindable(defaultValue = "true") boolean createMissingAccounts,
        @Bindable(defaultValue = "zoho_contact_id") String externalZohoIdProperty,
        @Bindable(defaultValue = "zoho_deleted") String externalDeletedProperty,
        @Bindable(defaultValue = "DELETE") CrmDeleteAction onCrmDelete,
        @Bindable(defaultValue = "DELETE") ExternalDeleteAction onExternalDelete,
        @Bindable(defaultValue = "LATEST") ConflictRule conflictRule,
        @Nullable Map<String, ConflictRule> fieldConflictRules,
        @Bindable(defaultValue = "CRM") Side conflictTieWinner,
        @Bindable(defaultValue = "true") boolean matchCrmByEmail,
        @Bindable(defaultValue = "true") boolean batchEnabled) {
}
