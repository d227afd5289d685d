package io.zsync.crmdesk.flow;

import io.zsync.sync.api.FlowInput;
import io.zsync.sync.api.FlowResult;
import io.zsync.sync.engine.Failures;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Failure results that keep the ids already written, so a retry or redrive resumes after them. */
final class Results {

    private Results() {
    }

    /**
     * For each input whose event id an earlier input of the same batch carries (a webhook delivered twice in
     * quick succession), the index of that earlier input. The runtime recognises redeliveries by the ids its
     * ledger recorded before the batch, so copies inside one batch reach the flow.
     */
    static Map<Integer, Integer> sameEventEarlier(List<FlowInput> inputs) {
        Map<String, Integer> first = new HashMap<>();
        Map<Integer, Integer> duplicates = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            Integer earlier = first.putIfAbsent(inputs.get(i).event().getEventId(), i);
            if (earlier != null) {
                duplicates.put(i, earlier);
            }
        }
        return duplicates;
    }

    /**
     * The outcome of a copy: skipped, keeping what the first copy recorded (the copy's ledger entry is written
     * after the first's and replaces it).
     */
    static FlowResult copyOf(FlowResult first, String eventId) {
        String reason = "event " + eventId + " was already processed in this batch";
        if (first instanceof FlowResult.Succeeded ok) {
            return new FlowResult.Skipped(reason, ok.ledgerTargets(), ok.mappedHash());
        }
        if (first instanceof FlowResult.Skipped skipped) {
            return new FlowResult.Skipped(reason, skipped.ledgerTargets(), skipped.mappedHash());
        }
        return first;
    }

    /**
     * Events superseded in a batch by an earlier event of their record that acted for it ({@code superseded}: index
     * to the acting event's index) take the acting event's failure, if it failed. Left SKIPPED, a copy would mark
     * the record's version synced, and the acting event's retry would be dropped as that version.
     */
    static void failWithActing(FlowResult[] results, Map<Integer, Integer> superseded) {
        superseded.forEach((copy, acting) -> {
            if (results[acting] instanceof FlowResult.Failed failed) {
                results[copy] = failed;
            }
        });
    }

    static FlowResult.Failed failed(RuntimeException error, String step, Map<String, String> written) {
        FlowResult.Failed failed = Failures.classify(error);
        return new FlowResult.Failed(failed.code(), failed.message(), failed.retryable(), failed.retryAfter(),
                Optional.of(step), written);
    }
}
