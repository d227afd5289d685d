package io.zsync.crmdesk.config;

import io.zsync.crmdesk.domain.ClosedTicketSettings;
import io.zsync.crmdesk.domain.LeadTicketSettings;
import io.zsync.sync.api.PermanentSyncException;
import io.zsync.zoho.config.ZohoOrg;
import io.zsync.zoho.config.ZohoOrgRegistry;
import jakarta.inject.Singleton;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every org's settings, checked once at startup (a missing department id stops the service rather than
 * dead-lettering every lead), and the translation of an event's org into the org key of the Zoho clients.
 */
@Singleton
public class CrmDeskOrgs {

    private final Map<String, LeadTicketSettings> leadTicket;
    private final Map<String, ClosedTicketSettings> closedTicket;
    private final ZohoOrgRegistry zoho;

    public CrmDeskOrgs(List<CrmDeskOrgProperties> orgs, ZohoOrgRegistry zoho) {
        this.leadTicket = orgs.stream().collect(Collectors.toUnmodifiableMap(CrmDeskOrgProperties::name,
                CrmDeskOrgProperties::leadTicket));
        this.closedTicket = orgs.stream().collect(Collectors.toUnmodifiableMap(CrmDeskOrgProperties::name,
                CrmDeskOrgProperties::closedTicket));
        this.zoho = zoho;
    }

    /**
     * The org key ({@code zsync.zoho.orgs.<key>}) of an event. CRM events carry the key itself; Desk events may
     * carry Desk's own org id (the gateway copies the webhook's {@code orgId}), which is matched against each
     * org's {@code desk-org-id}.
     */
    public String orgKey(String eventOrg) {
        if (zoho.isZohoOrg(eventOrg)) {
            return eventOrg;
        }
        return zoho.orgs().stream().map(ZohoOrg::properties)
                .filter(p -> eventOrg != null && eventOrg.equals(p.deskOrgId()))
                .map(p -> p.name()).findFirst()
                .orElseThrow(() -> new PermanentSyncException("UNKNOWN_ORG",
                        "no zsync.zoho.orgs entry has the key or desk-org-id '" + eventOrg + "'"));
    }

    public LeadTicketSettings leadTicket(String orgKey) {
        return settings(leadTicket, orgKey);
    }

    public ClosedTicketSettings closedTicket(String orgKey) {
        return settings(closedTicket, orgKey);
    }

    /** Every org's write-back fields: a flow declares one set for all orgs. */
    public Set<String> leadWriteBackFields() {
        Set<String> fields = new HashSet<>();
        leadTicket.values().forEach(s -> fields.addAll(s.writeBackFields()));
        return Set.copyOf(fields);
    }

    /** Every org's lead fields the lead flow acts on (see {@link LeadTicketSettings#fieldsActedOn()}). */
    public Set<String> leadFieldsActedOn() {
        Set<String> fields = new HashSet<>();
        leadTicket.values().forEach(s -> fields.addAll(s.fieldsActedOn()));
        return Set.copyOf(fields);
    }

    private static <T> T settings(Map<String, T> byOrg, String orgKey) {
        T settings = byOrg.get(orgKey);
        if (settings == null) {
            throw new PermanentSyncException("ORG_NOT_CONFIGURED",
                    "org '" + orgKey + "' has no zsync.crm-desk.orgs." + orgKey + " settings");
        }
        return settings;
    }

}
