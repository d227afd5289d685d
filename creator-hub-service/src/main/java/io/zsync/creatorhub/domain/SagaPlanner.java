package io.zsync.creatorhub.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides which saga steps remain for an order given what the ledger says is done: a finished step never
 * runs again; the VIP ticket is only for totals strictly above the threshold; an e-mail that may have gone
 * is never sent again (at most once). When the saga resumes (an earlier attempt left a trace), the first
 * step left to run is the only one that may have written its target without recording it (steps run one at
 * a time and each is recorded before the next starts), so it, and only it, is looked up before it creates.
 */
public final class SagaPlanner {

    private SagaPlanner() {
    }

    /**
     * @param order    the valid order
     * @param state    what the ledger has for the order
     * @param settings the org's settings
     * @param resumed  true when an earlier attempt for this order may have run (the ledger has an entry, or
     *                 this is a retry)
     */
    public static SagaPlan plan(Order order, SagaState state, SagaSettings settings, boolean resumed) {
        List<SagaPlan.Planned> steps = new ArrayList<>();
        for (Step step : Step.SAGA) {
            steps.add(planStep(step, order, state, settings));
        }
        Optional<Step> first = steps.stream().filter(p -> p.disposition() == SagaPlan.Disposition.RUN)
                .map(SagaPlan.Planned::step).findFirst();
        return new SagaPlan(steps, resumed ? first : Optional.empty());
    }

    /** True when an order of this total gets a VIP ticket: strictly more than the threshold. */
    public static boolean isVip(Order order, SagaSettings settings) {
        return order.total().compareTo(settings.vipThreshold()) > 0;
    }

    private static SagaPlan.Planned planStep(Step step, Order order, SagaState state, SagaSettings settings) {
        if (step == Step.EMAIL && state.email() == SagaState.EmailState.UNCONFIRMED) {
            return new SagaPlan.Planned(step, SagaPlan.Disposition.UNCONFIRMED, Optional.of("an earlier attempt began "
                    + "sending " + state.get(Roles.EMAIL_SENDING).orElse("") + " and did not record the end; not sent again"));
        }
        if (state.finished(step)) {
            return new SagaPlan.Planned(step, SagaPlan.Disposition.DONE, Optional.of("done by an earlier attempt"));
        }
        if (step == Step.DESK_TICKET && !isVip(order, settings)) {
            return new SagaPlan.Planned(step, SagaPlan.Disposition.NOT_APPLICABLE, Optional.of("total "
                    + order.total().toPlainString() + " does not exceed the VIP threshold "
                    + settings.vipThreshold().toPlainString()));
        }
        return new SagaPlan.Planned(step, SagaPlan.Disposition.RUN, Optional.empty());
    }
}
