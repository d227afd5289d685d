package io.zsync.creatorhub.domain;

import java.util.List;
import java.util.Optional;

/**
 * What the saga does for one order now: each of the six steps with its disposition, and which step (if any)
 * must look its target up before creating it because an earlier attempt may have written it unrecorded.
 *
 * @param steps       the six steps in saga order
 * @param lookUpFirst the step to look up before creating, when the saga resumes
 */
public record SagaPlan(List<Planned> steps, Optional<Step> lookUpFirst) {

    public SagaPlan {
        steps = List.copyOf(steps);
    }

    /** What happens to a step. */
    public enum Disposition {
        /** To run now. */
        RUN,
        /** Finished by an earlier attempt (the ledger has its id). */
        DONE,
        /** Not for this order (total at or under the VIP threshold). */
        NOT_APPLICABLE,
        /** The e-mail may have gone in an attempt that did not record its end: not sent again. */
        UNCONFIRMED
    }

    /**
     * One step's plan.
     *
     * @param step        the step
     * @param disposition what happens to it
     * @param reason      why, for the steps that do not run
     */
    public record Planned(Step step, Disposition disposition, Optional<String> reason) {
    }

    /** The steps that run, in order. */
    public List<Step> remaining() {
        return steps.stream().filter(p -> p.disposition() == Disposition.RUN).map(Planned::step).toList();
    }

    public Disposition disposition(Step step) {
        return steps.stream().filter(p -> p.step() == step).map(Planned::disposition).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(step + " is not a saga step"));
    }

    public Optional<String> reason(Step step) {
        return steps.stream().filter(p -> p.step() == step).findFirst().flatMap(Planned::reason);
    }

    /** Nothing left to run. */
    public boolean complete() {
        return remaining().isEmpty();
    }

    /** True when {@code step} must search its target before creating it. */
    public boolean mustLookUp(Step step) {
        return lookUpFirst.map(step::equals).orElse(false);
    }
}
