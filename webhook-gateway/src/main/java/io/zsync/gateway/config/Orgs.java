package io.zsync.gateway.config;

import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Looks configured orgs and tenants up by the id a webhook names. Unknown ids are simply absent. */
@Singleton
public class Orgs {

    private final Map<String, CrmOrgProperties> crm;
    private final Map<String, DeskOrgProperties> desk;
    private final Map<String, CreatorOrgProperties> creator;
    private final Map<String, ExternalTenantProperties> external;

    public Orgs(List<CrmOrgProperties> crm, List<DeskOrgProperties> desk, List<CreatorOrgProperties> creator,
                List<ExternalTenantProperties> external) {
        this.crm = byName(crm, CrmOrgProperties::name);
        this.desk = byName(desk, DeskOrgProperties::id);
        this.creator = byName(creator, CreatorOrgProperties::name);
        this.external = byName(external, ExternalTenantProperties::name);
    }

    public Optional<CrmOrgProperties> crm(String org) {
        return Optional.ofNullable(org == null ? null : crm.get(org));
    }

    public Collection<CrmOrgProperties> crmOrgs() {
        return crm.values();
    }

    /** A Desk org by its Desk org id or by its configuration key (both are accepted in webhook paths). */
    public Optional<DeskOrgProperties> desk(String org) {
        if (org == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(desk.get(org))
                .or(() -> desk.values().stream().filter(d -> d.name().equals(org)).findFirst());
    }

    public Optional<CreatorOrgProperties> creator(String org) {
        return Optional.ofNullable(org == null ? null : creator.get(org));
    }

    public Optional<ExternalTenantProperties> external(String tenant) {
        return Optional.ofNullable(tenant == null ? null : external.get(tenant));
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        return items.stream().collect(Collectors.toUnmodifiableMap(name, Function.identity()));
    }
}
