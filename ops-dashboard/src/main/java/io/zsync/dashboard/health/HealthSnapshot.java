package io.zsync.dashboard.health;

import io.zsync.dashboard.domain.FlowStats;
import io.zsync.dashboard.domain.GroupLag;
import io.zsync.dashboard.domain.Verdict;

import java.time.Instant;
import java.util.List;

/**
 * The dashboard's last judgement of every flow and consumer group, shared by the health endpoint, the metrics and
 * the web page so they never disagree.
 *
 * @param evaluatedAt when evaluated
 * @param overall     the worst verdict of all parts
 * @param flows       each flow over the alert window
 * @param groups      each consumer group
 */
public record HealthSnapshot(Instant evaluatedAt, Verdict overall, List<FlowHealth> flows, List<GroupHealth> groups) {

    /**
     * @param flowId  flow
     * @param window  stats over the alert window
     * @param verdict its verdict
     */
    public record FlowHealth(String flowId, FlowStats window, Verdict verdict) {
    }

    /**
     * @param groupId group
     * @param lag     measured lag, or null when it could not be measured
     * @param verdict its verdict
     */
    public record GroupHealth(String groupId, GroupLag lag, Verdict verdict) {
    }
}
