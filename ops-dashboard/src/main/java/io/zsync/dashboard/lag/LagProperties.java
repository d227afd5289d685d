package io.zsync.dashboard.lag;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.List;

/**
 * Which consumer groups to watch and how long a measurement may take ({@code zsync.dashboard.lag.*}). The
 * webhook gateway only produces, so it has no group.
 *
 * @param groups  the services' consumer group ids
 * @param timeout longest wait for one Admin or consumer call
 */
@ConfigurationProperties(LagProperties.PREFIX)
public record LagProperties(List<String> groups, @Bindable(defaultValue = "10s") Duration timeout) {

    public static final String PREFIX = "zsync.dashboard.lag";

    public LagProperties {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }
}
