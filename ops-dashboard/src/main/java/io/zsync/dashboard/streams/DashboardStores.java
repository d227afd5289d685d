package io.zsync.dashboard.streams;

/** Names of the dashboard's state stores, shared by the topology, its tests and the interactive queries. */
public final class DashboardStores {

    /** Windowed: flow id to {@code FlowStats} per one-minute window. */
    public static final String FLOW_MINUTES = "flow-minute-stats";
    /** Source record id to {@code RecordLineage}. */
    public static final String LINEAGE = "record-lineage";
    /** Target record id to {@code TargetIndex}. */
    public static final String TARGET_INDEX = "target-index";
    /** {@code flowId|eventId} to {@code DeadLetterEntry}. */
    public static final String DEAD_LETTERS = "dead-letters";
    /** {@code flowId|errorCode} to the number of dead letters ever seen with it. */
    public static final String DEAD_LETTER_COUNTS = "dead-letter-counts";

    private DashboardStores() {
    }
}
