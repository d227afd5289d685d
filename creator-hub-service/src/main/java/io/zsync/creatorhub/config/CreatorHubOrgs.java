package io.zsync.creatorhub.config;

import io.zsync.creatorhub.domain.OrderFields;
import jakarta.inject.Singleton;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The orgs this service runs the order saga for, by org key; settings are checked once, at startup. */
@Singleton
public class CreatorHubOrgs {

    private final Map<String, CreatorHubOrgConfig> byName;

    public CreatorHubOrgs(List<CreatorHubOrgConfig> orgs) {
        orgs.forEach(org -> {
            org.settings();       // fails fast on a bad ticket field or negative closing days
            org.orderFields();    // and on an unknown field override
        });
        this.byName = orgs.stream().collect(Collectors.toMap(CreatorHubOrgConfig::name, Function.identity()));
    }

    public Optional<CreatorHubOrgConfig> org(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Every org's write-back field names: an order event that changed only these is the saga's own echo. */
    public Set<String> writeBackFields() {
        Set<String> names = new HashSet<>(OrderFields.DEFAULTS.writeBackNames());
        byName.values().forEach(org -> names.addAll(org.orderFields().writeBackNames()));
        return Set.copyOf(names);
    }
}
