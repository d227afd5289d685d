package io.zsync.crmbooks.flow;

import io.zsync.sync.api.FlowInput;
import io.zsync.sync.api.FlowResult;
import io.zsync.sync.engine.Failures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Splits a batch by org (each org has its own API budget, credentials and settings), runs each part, and puts
 * the results back in input order. A failure of a whole part (CRM read down, org not configured) fails only
 * that org's inputs.
 */
final class OrgBatches {

    private OrgBatches() {
    }

    static List<FlowResult> run(List<FlowInput> inputs, BiFunction<String, List<FlowInput>, List<FlowResult>> perOrg) {
        Map<String, List<Integer>> byOrg = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            byOrg.computeIfAbsent(inputs.get(i).org(), k -> new ArrayList<>()).add(i);
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
        return Arrays.asList(results);
    }
}
