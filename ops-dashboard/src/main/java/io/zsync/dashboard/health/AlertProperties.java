package io.zsync.dashboard.health;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.zsync.dashboard.domain.AlertThresholds;

import java.time.Duration;

/**
 * Alert thresholds ({@code zsync.dashboard.alerts.*}); see {@link AlertThresholds} for their meaning. The same
 * numbers belong in docs/prometheus-alerts.yml.
 */
@ConfigurationProperties(AlertProperties.PREFIX)
public record AlertProperties(@Bindable(defaultValue = "15m") Duration failureWindow,
                              @Bindable(defaultValue = "5") long minEvents,
                              @Bindable(defaultValue = "0.05") double failureRateWarn,
                              @Bindable(defaultValue = "0.25") double failureRateDown,
                              @Bindable(defaultValue = "1000") long lagWarn,
                              @Bindable(defaultValue = "10000") long lagDown,
                              @Bindable(defaultValue = "5m") Duration oldestAgeWarn,
                              @Bindable(defaultValue = "30m") Duration oldestAgeDown) {

    public static final String PREFIX = "zsync.dashboard.alerts";

    public AlertThresholds thresholds() {
        return new AlertThresholds(failureWindow, minEvents, failureRateWarn, failureRateDown, lagWarn, lagDown,
                oldestAgeWarn, oldestAgeDown);
    }
}
