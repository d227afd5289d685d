package io.zsync.crmbooks.config;

import io.zsync.sync.api.PermanentSyncException;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The configured orgs of this service; an event of an org without settings is a permanent failure, not a guess. */
@Singleton
public class OrgSettings {

    private final Map<String, CrmBooksOrgSettings> byOrg;

    public OrgSettings(List<CrmBooksOrgSettings> orgs) {
        this.byOrg = orgs.stream().collect(Collectors.toUnmodifiableMap(CrmBooksOrgSettings::name, Function.identity()));
    }

    public CrmBooksOrgSettings of(String org) {
        CrmBooksOrgSettings settings = byOrg.get(org);
        if (settings == null) {
            throw new PermanentSyncException("ORG_NOT_CONFIGURED",
                    "org '" + org + "' has no " + CrmBooksOrgSettings.PREFIX + "." + org + " settings");
        }
        return settings;
    }

    /** A field of every org, e.g. the write-back fields the runtime must recognise as our echo. */
    public Set<String> each(Function<CrmBooksOrgSettings, String> field) {
        return byOrg.values().stream().map(field).collect(Collectors.toUnmodifiableSet());
    }
}
