package io.zsync.dashboard.query;

import io.zsync.dashboard.domain.FlowStats;

import java.util.List;

/**
 * One flow over a window: totals and the per-minute series behind its chart.
 *
 * @param flowId flow
 * @param totals stats merged over the window
 * @param series one point per minute that had outcomes, oldest first
 */
public record FlowView(String flowId, FlowStats totals, List<MinutePoint> series) {

    /**
     * @param minuteStart start of the minute, epoch millis
     * @param stats       what happened in it
     */
    public record MinutePoint(long minuteStart, FlowStats stats) {
    }
}
