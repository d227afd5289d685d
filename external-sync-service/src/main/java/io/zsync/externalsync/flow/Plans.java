package io.zsync.externalsync.flow;

import io.zsync.externalsync.domain.Baseline;
import io.zsync.sync.api.FlowInput;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small rules both flows apply while planning. */
final class Plans {

    private Plans() {
    }

    /**
     * Several events of one record in a batch (HubSpot sends one per changed property) need one sync: every plan
     * reads the record's current state, so the last event does the work and the earlier ones are skipped.
     */
    static void keepLastPerRecord(List<PairPlan> plans) {
        Map<String, PairPlan> last = new HashMap<>();
        for (PairPlan plan : plans) {
            if (plan.open()) {
                last.put(plan.org + "/" + plan.input.recordId(), plan);
            }
        }
        for (PairPlan plan : plans) {
            if (plan.open() && last.get(plan.org + "/" + plan.input.recordId()) != plan) {
                plan.skip("superseded by a later event of the same record in this batch, which syncs its current state");
            }
        }
    }

    /** A ledger target that is set (deleted pairs leave empty ones). */
    static Optional<String> known(FlowInput input, String role) {
        return input.knownTarget(role).filter(id -> !id.isBlank());
    }

    /** A link is void once the pair was deleted: the surviving record is then treated as never synced. */
    static boolean voided(Optional<Baseline> base) {
        return base.map(Baseline::deleted).orElse(false);
    }
}
