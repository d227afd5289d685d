package io.zsync.gateway.ops;

import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.zsync.gateway.channels.ChannelKeeper;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Health of the CRM notification channels: DOWN when a managed channel has expired or was never
 * subscribed after a check, since then notifications silently stop; the details show each org's expiry,
 * last renewal and last error.
 */
@Singleton
@Requires(beans = ChannelKeeper.class)
public class ChannelHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final ChannelKeeper keeper;
    private final Clock clock;

    public ChannelHealthIndicator(ChannelKeeper keeper, Clock clock) {
        this.keeper = keeper;
        this.clock = clock;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean healthy = true;
        for (var entry : keeper.states().entrySet()) {
            ChannelKeeper.State s = entry.getValue();
            Map<String, Object> org = new LinkedHashMap<>();
            org.put("channelId", s.channelId());
            org.put("expiry", String.valueOf(s.expiry()));
            org.put("lastRenewal", String.valueOf(s.lastRenewal()));
            org.put("lastCheck", String.valueOf(s.lastCheck()));
            if (s.lastError() != null) {
                org.put("lastError", s.lastError());
            }
            healthy &= s.healthy(clock.instant());
            details.put(entry.getKey(), org);
        }
        healthStatus = healthy ? HealthStatus.UP : HealthStatus.DOWN;
        return details;
    }

    @Override
    protected String getName() {
        return "crmChannels";
    }
}
