package io.zsync.cli.domain;

import java.util.ArrayList;
import java.util.List;

/** The counts a dry run prints, and the decisions behind them. */
public final class BackfillPlan {

    private final List<BackfillDecision> decisions = new ArrayList<>();
    private long unplanned;

    public void add(BackfillDecision decision) {
        decisions.add(decision);
    }

    /** A record that would be published but has no target matcher (a module other than Contacts). */
    public void addUnplanned() {
        unplanned++;
    }

    public long count(BackfillDecision.Action action) {
        return decisions.stream().filter(d -> d.action() == action).count();
    }

    public long unplanned() {
        return unplanned;
    }

    public long toPublish() {
        return count(BackfillDecision.Action.MATCH) + count(BackfillDecision.Action.CREATE) + unplanned;
    }

    public List<BackfillDecision> decisions() {
        return List.copyOf(decisions);
    }
}
