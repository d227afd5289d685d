package io.zsync.zoho.budget;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;

/**
 * Overrides of one product's default budget ({@code zsync.zoho.budgets.<product>.*}, product being {@code crm},
 * {@code books}, {@code desk}, {@code projects}, {@code creator} or {@code hubspot}); unset keys keep the
 * documented defaults of {@link BudgetRegistry}. Edition-specific numbers are set per org instead.
 *
 * @param name            product key
 * @param limitForPeriod  requests per period (0 = no rate window)
 * @param period          the rate window
 * @param dailyCap        credits or calls per 24 h (0 = none)
 * @param concurrency     concurrent calls (0 = unbounded)
 * @param enabled         false switches budgets off for the product
 * @param share           the part of the org's limits this process may use, above 0 and at most 1 (default 1):
 *                        several services calling one product of one org share its per-org limits, so their
 *                        shares must add up to at most 1 (see {@link BudgetRegistry.Limits#shared(double)})
 */
@EachProperty("zsync.zoho.budgets")
public record BudgetProperties(@Parameter String name,
                               @Nullable Integer limitForPeriod,
                               @Nullable Duration period,
                               @Nullable Integer dailyCap,
                               @Nullable Integer concurrency,
                               @Nullable Boolean enabled,
                               @Nullable Double share) {

    public BudgetProperties {
        if (share != null && !(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("zsync.zoho.budgets." + name + ".share must be above 0 and at most 1, not "
                    + share);
        }
    }
}
