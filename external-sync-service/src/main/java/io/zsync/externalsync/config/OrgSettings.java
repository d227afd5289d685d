package io.zsync.externalsync.config;

import io.zsync.externalsync.domain.ConflictPolicy;
import io.zsync.externalsync.domain.ConflictRule;
import io.zsync.externalsync.domain.ContactField;
import io.zsync.externalsync.domain.CrmContactMapping;
import io.zsync.externalsync.domain.HubSpotMapping;
import io.zsync.sync.api.PermanentSyncException;
import jakarta.inject.Singleton;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The configured orgs by name and by HubSpot portal, and the per-org settings in the shapes the flows use. */
@Singleton
public class OrgSettings {

    private final Map<String, ExternalSyncOrgProperties> orgs = new TreeMap<>();

    public OrgSettings(List<ExternalSyncOrgProperties> orgs) {
        orgs.forEach(o -> this.orgs.put(o.name(), o));
        // fail at startup rather than on the first event
        this.orgs.values().forEach(this::policy);
    }

    public Set<String> names() {
        return orgs.keySet();
    }

    /** An org's settings; an event of an unconfigured org can never succeed, so it is dead-lettered. */
    public ExternalSyncOrgProperties get(String org) {
        ExternalSyncOrgProperties o = orgs.get(org);
        if (o == null) {
            throw new PermanentSyncException("UNKNOWN_ORG", "org '" + org + "' is not configured under zsync.external-sync.orgs");
        }
        return o;
    }

    /** The org whose HubSpot portal sent an event (the gateway names the portal, not the org). */
    public String orgForPortal(String portalId) {
        return orgs.values().stream().filter(o -> portalId.equals(o.externalPortalId())).map(ExternalSyncOrgProperties::name)
                .findFirst().orElseThrow(() -> new PermanentSyncException("UNKNOWN_PORTAL", "no org has external-portal-id "
                        + portalId + " under zsync.external-sync.orgs"));
    }

    public String externalAccount(String org) {
        ExternalSyncOrgProperties o = get(org);
        return o.externalAccount() == null || o.externalAccount().isBlank() ? org : o.externalAccount();
    }

    public CrmContactMapping crmMapping(String org) {
        ExternalSyncOrgProperties o = get(org);
        return new CrmContactMapping(o.crmCompanyField(), o.crmCompanyIsLookup(), o.crmExternalIdField());
    }

    public HubSpotMapping externalMapping(String org) {
        ExternalSyncOrgProperties o = get(org);
        return new HubSpotMapping(o.externalZohoIdProperty(), o.externalDeletedProperty());
    }

    public ConflictPolicy conflictPolicy(String org) {
        return policy(get(org));
    }

    /** CRM fields the flows write back (their change notifications are our own echo). */
    public Set<String> crmWriteBackFields() {
        return orgs.values().stream().map(ExternalSyncOrgProperties::crmExternalIdField).collect(Collectors.toSet());
    }

    /** CRM contact fields the mapping reads in any org (the company field is configurable per org). */
    public Set<String> crmFieldsRead() {
        return orgs.keySet().stream().flatMap(org -> crmMapping(org).readFields().stream()).collect(Collectors.toSet());
    }

    /** External properties the flows write back. */
    public Set<String> externalWriteBackProperties() {
        return orgs.values().stream().map(ExternalSyncOrgProperties::externalZohoIdProperty).collect(Collectors.toSet());
    }

    public Optional<ExternalSyncOrgProperties> find(String org) {
        return Optional.ofNullable(orgs.get(org));
    }

    private ConflictPolicy policy(ExternalSyncOrgProperties o) {
        Map<ContactField, ConflictRule> perField = new EnumMap<>(ContactField.class);
        if (o.fieldConflictRules() != null) {
            o.fieldConflictRules().forEach((name, rule) -> perField.put(ContactField.parse(name).orElseThrow(
                    () -> new IllegalStateException("zsync.external-sync.orgs." + o.name() + ".field-conflict-rules: unknown field '"
                            + name + "' (firstName, lastName, email, phone, company)")), rule));
        }
        return new ConflictPolicy(o.conflictRule(), perField, o.conflictTieWinner());
    }
}
