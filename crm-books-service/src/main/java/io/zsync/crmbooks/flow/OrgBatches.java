package io.zsync.crmbooks.flow;

import io.zsync.sync.api.FlowInput;
import io.zsync.sync.api.FlowResult;
import io.zsync.sync.engine.Failures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Splits a batch by org (each org has its own API budget, credentials and settings), runs each part, and puts
 * the results back in input order. A failure of a whole part (CRM read down, org not configured) fails only
 * that org's inputs.
 *
 * <p>Several events of one record in one batch (a burst of edits, or a webhook and the reconciliation poller
 * seeing the same change while the service was down) are one sync: the record is read once, now, so only the
 * latest event acts and the earlier ones end SKIPPED with its outcome. Otherwise each would act on the same
 * ledger state and, after a crash, each would look the target up and report its own success.
 */
final class OrgBatches {

    private OrgBatches() {
    }

    static List<FlowResult> run(List<FlowInput> inputs, BiFunction<String, List<FlowInput>, List<FlowResult>> perOrg) {
        Map<String, Integer> latest = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            latest.put(inputs.get(i).org() + "/" + inputs.get(i).recordId(), i);
        }
        Map<String, List<Integer>> byOrg = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (latest.get(inputs.get(i).org() + "/" + inputs.get(i).recordId()) == i) {
                byOrg.computeIfAbsent(inputs.get(i).org(), k -> new ArrayList<>()).add(i);
            }
        }
        FlowResult[] results = new FlowResult[inputs.size()];
        byOrg.forEach((org, indexes) -> {
            List<FlowInput> part = indexes.stream().map(inputs::get).toList();
            List<FlowResult> partResults;
            try {
                partResults = perOrg.apply(org, part);
            } catch (RuntimeException e) {
                FlowResult failed = Failures.classify(e);
                partResults = part.stream().map(p -> failed).toList();
            }
            for (int k = 0; k < indexes.size(); k++) {
                results[indexes.get(k)] = partResults.get(k);
            }
        });
        for (int i = 0; i < inputs.size(); i++) {
            if (results[i] == null) {
                int leader = latest.get(inputs.get(i).org() + "/" + inputs.get(i).recordId());
                results[i] = follow(results[leader], inputs.get(leader));
            }
        }
        return Arrays.asList(results);
    }

    /** The outcome of an earlier event of a record whose latest event in the batch acted for it. */
    private static FlowResult follow(FlowResult leader, FlowInput latest) {
        if (leader instanceof FlowResult.Failed failed) {
            return failed; // retried too; by then the ledger tells it what the other one did
        }
        String hash = leader instanceof FlowResult.Succeeded ok ? ok.mappedHash()
                : ((FlowResult.Skipped) leader).mappedHash();
        return new FlowResult.Skipped("superseded by event " + latest.event().getEventId()
                + " of the same record in this batch", leader.ledgerTargets(), hash);
    }
}
