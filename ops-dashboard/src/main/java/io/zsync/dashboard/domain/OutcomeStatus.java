package io.zsync.dashboard.domain;

/**
 * How one event ended in one flow: the three completion statuses plus dead-lettered. Failed and dead-lettered
 * outcomes count as failures in a flow's failure rate.
 */
public enum OutcomeStatus {
    SUCCEEDED, SKIPPED, FAILED, DEAD_LETTERED;

    public boolean isFailure() {
        return this == FAILED || this == DEAD_LETTERED;
    }
}
