package io.zsync.deskprojects.config;

import io.zsync.deskprojects.domain.TaskSettings;
import io.zsync.sync.api.PermanentSyncException;
import io.zsync.zoho.config.ZohoOrg;
import io.zsync.zoho.config.ZohoOrgRegistry;
import jakarta.inject.Singleton;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every org's settings, checked once at startup, and the translation of a Desk event's org into the org key
 * of the Zoho clients.
 */
@Singleton
public class DeskProjectsOrgs {

    /** Desk ticket fields the gateway reports when custom fields change: the {@code cf} map and its label twin. */
    public static final Set<String> DESK_CUSTOM_FIELD_CONTAINERS = Set.of("cf", "customFields");

    private final Map<String, DeskProjectsOrgProperties> orgs;
    private final Map<String, TaskSettings> settings;
    private final ZohoOrgRegistry zoho;

    public DeskProjectsOrgs(List<DeskProjectsOrgProperties> orgs, ZohoOrgRegistry zoho) {
        this.orgs = orgs.stream().collect(Collectors.toUnmodifiableMap(DeskProjectsOrgProperties::name, Function.identity()));
        this.settings = orgs.stream().collect(Collectors.toUnmodifiableMap(DeskProjectsOrgProperties::name,
                DeskProjectsOrgProperties::settings));
        this.zoho = zoho;
    }

    /**
     * The org key of an event: Desk events may carry Desk's own org id (the gateway copies the webhook's
     * {@code orgId}), matched against each org's {@code desk-org-id}.
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

    public TaskSettings settings(String orgKey) {
        TaskSettings s = settings.get(orgKey);
        if (s == null) {
            throw new PermanentSyncException("ORG_NOT_CONFIGURED",
                    "org '" + orgKey + "' has no zsync.desk-projects.orgs." + orgKey + " settings");
        }
        return s;
    }

    public DeskProjectsOrgProperties properties(String orgKey) {
        settings(orgKey);
        return orgs.get(orgKey);
    }

    /** Every org's write-back custom fields plus the containers the gateway reports them in. */
    public Set<String> writeBackFields() {
        Set<String> fields = new HashSet<>(DESK_CUSTOM_FIELD_CONTAINERS);
        settings.values().forEach(s -> fields.addAll(s.writeBackFields()));
        return Set.copyOf(fields);
    }
}
