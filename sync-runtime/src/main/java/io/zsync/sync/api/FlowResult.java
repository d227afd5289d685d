package io.zsync.sync.api;

import io.zsync.contract.TargetRef;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a flow did with one input. */
public sealed interface FlowResult {

    /** Target ids to remember in the ledger for this record, by role. Merged into what was known. */
    Map<String, String> ledgerTargets();

    /**
     * The target was written.
     *
     * @param targets       target records created, updated or matched, for the completion event
     * @param ledgerTargets ids to remember, by role
     * @param mappedHash    hash of the mapped source values now on the target
     * @param details       extra detail for the completion (per-step results, conflict losers); no secrets
     */
    record Succeeded(List<TargetRef> targets, Map<String, String> ledgerTargets, String mappedHash,
                     Map<String, String> details) implements FlowResult {
        public Succeeded {
            targets = List.copyOf(targets);
            ledgerTargets = Map.copyOf(ledgerTargets);
            details = Map.copyOf(details);
        }
    }

    /** Nothing to write, and why (deal not closed, nothing mapped changed, no link to follow). */
    record Skipped(String reason, Map<String, String> ledgerTargets, String mappedHash) implements FlowResult {
        public Skipped {
            ledgerTargets = Map.copyOf(ledgerTargets);
        }

        public static Skipped because(String reason) {
            return new Skipped(reason, Map.of(), null);
        }
    }

    /**
     * The input could not be processed.
     *
     * @param code          a stable error code (Zoho's, or the flow's such as {@code MISSING_BOOKS_ITEM})
     * @param retryable     true for transient causes (429, 5xx, timeouts)
     * @param retryAfter    what the API asked us to wait, if it said
     * @param failedStep    the step that failed, for flows with steps
     * @param ledgerTargets ids already written before the failure, kept so a retry or redrive resumes
     */
    record Failed(String code, String message, boolean retryable, Optional<Duration> retryAfter,
                  Optional<String> failedStep, Map<String, String> ledgerTargets) implements FlowResult {
        public Failed {
            ledgerTargets = Map.copyOf(ledgerTargets);
        }

        public static Failed permanently(String code, String message) {
            return new Failed(code, message, false, Optional.empty(), Optional.empty(), Map.of());
        }
    }
}
