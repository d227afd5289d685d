package io.zsync.externalsync.flow;

import io.zsync.externalsync.domain.Baseline;
import io.zsync.externalsync.domain.Side;
import io.zsync.sync.api.FlowInput;
import io.zsync.sync.api.FlowResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What both flows do around their own planning (one sync per record, the pair locks, failures per org), and the
 * small rules both apply while planning.
 */
final class Plans {

    private Plans() {
    }

    /**
     * A flow's batch from the events of its {@code source} side: keeps the last event per record, then plans each
     * org's open plans and runs the writes while the batch's pairs are locked. A failure while planning one org
     * fails that org's plans only.
     */
    static List<FlowResult> planAndWrite(Side source, List<PairPlan> plans, PairLocks locks,
                                         BiConsumer<String, List<PairPlan>> planOrg,
                                         Function<List<PairPlan>, List<FlowResult>> write) {
        keepLastPerRecord(plans);
        Map<String, List<PairPlan>> byOrg = plans.stream().filter(PairPlan::open)
                .collect(Collectors.groupingBy(p -> p.org, LinkedHashMap::new, Collectors.toList()));
        // the other flow waits for these pairs from our reads until our writes and provenance are done (PairLocks)
        try (PairLocks.Held held = locks.lock(lockKeys(source, plans))) {
            byOrg.forEach((org, ofOrg) -> {
                try {
                    planOrg.accept(org, ofOrg);
                } catch (RuntimeException e) {
                    ofOrg.forEach(p -> p.fail(e));
                }
            });
            return write.apply(plans);
        }
    }

    /**
     * Every id of the open plans' pairs known before reading: the record's own (on the {@code source} side), and
     * the partner's when the ledger links it.
     */
    static List<String> lockKeys(Side source, List<PairPlan> plans) {
        String partnerRole = source == Side.CRM ? PairLedger.EXTERNAL_ID : PairLedger.CRM_ID;
        List<String> keys = new ArrayList<>();
        for (PairPlan plan : plans.stream().filter(PairPlan::open).toList()) {
            keys.add(lockKey(source, plan.org, plan.input.recordId()));
            known(plan.input, partnerRole).ifPresent(id -> keys.add(lockKey(source.other(), plan.org, id)));
        }
        return keys;
    }

    private static String lockKey(Side side, String org, String id) {
        return side == Side.CRM ? PairLocks.crmKey(org, id) : PairLocks.externalKey(org, id);
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
