package io.zsync.zoho.config;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * All configured Zoho orgs and HubSpot portals by name; an unknown name is a programming error, reported with
 * the configuration key that is missing rather than as an HTTP failure later.
 */
@Singleton
public class ZohoOrgRegistry {
    private final Map<String, ZohoOrg> orgs = new ConcurrentHashMap<>();
    private final Map<String, HubSpotAccountProperties> hubspot = new ConcurrentHashMap<>();

    @Inject
    public ZohoOrgRegistry(List<ZohoOrgProperties> orgs, List<HubSpotAccountProperties> hubspot) {
        orgs.forEach(p -> this.orgs.put(p.name(), new ZohoOrg(p)));
        hubspot.forEach(p -> this.hubspot.put(p.name(), p));
    }

    /** Adds or replaces an org at run time (tests, or a host that loads orgs from elsewhere). */
    public ZohoOrg register(ZohoOrgProperties props) {
        ZohoOrg org = new ZohoOrg(props);
        orgs.put(props.name(), org);
        return org;
    }

    /** Adds or replaces a HubSpot portal at run time. */
    public void register(HubSpotAccountProperties props) {
        hubspot.put(props.name(), props);
    }

    public ZohoOrg org(String name) {
        ZohoOrg org = orgs.get(name);
        if (org == null) {
            throw new IllegalArgumentException("unknown Zoho org '" + name + "': configure zsync.zoho.orgs." + name);
        }
        return org;
    }

    public HubSpotAccountProperties hubspot(String name) {
        HubSpotAccountProperties p = hubspot.get(name);
        if (p == null) {
            throw new IllegalArgumentException(
                    "unknown HubSpot account '" + name + "': configure zsync.hubspot.accounts." + name);
        }
        return p;
    }

    public boolean isZohoOrg(String name) {
        return orgs.containsKey(name);
    }

    public Set<String> orgNames() {
        return Set.copyOf(orgs.keySet());
    }

    public Set<String> hubspotNames() {
        return Set.copyOf(hubspot.keySet());
    }

    public Collection<ZohoOrg> orgs() {
        return List.copyOf(orgs.values());
    }
}
