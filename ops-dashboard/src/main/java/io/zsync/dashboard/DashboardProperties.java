package io.zsync.dashboard;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.zsync.dashboard.streams.TopologyOptions;

import java.time.Duration;

/**
 * The dashboard's topology settings ({@code zsync.dashboard.*}).
 *
 * @param grace         how late an outcome may arrive and still count in its minute
 * @param retention     how long per-minute stats are kept
 * @param historyLength outcomes kept per record's lineage
 */
@ConfigurationProperties(DashboardProperties.PREFIX)
public record DashboardProperties(@Bindable(defaultValue = "10m") Duration grace,
                                  @Bindable(defaultValue = "24h") Duration retention,
                                  @Bindable(defaultValue = "20") int historyLength) {

    public static final String PREFIX = "zsync.dashboard";

    public TopologyOptions topologyOptions() {
        return new TopologyOptions(grace, retention, historyLength);
    }
}
