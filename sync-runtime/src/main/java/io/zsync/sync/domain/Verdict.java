package io.zsync.sync.domain;

/**
 * What the runtime decides about an event before a flow sees it.
 *
 * @param action what to do
 * @param reason why, for SKIPPED completions
 */
public record Verdict(Action action, String reason) {

    public enum Action {
        /** Hand the event to the flow. */
        PROCESS,
        /** Already processed (a redelivery or a replay): SKIPPED. */
        DUPLICATE,
        /** The same source version was already synced (e.g. the poller found what a webhook delivered): SKIPPED. */
        SAME_VERSION,
        /** The change is our own write-back coming back as a notification: SKIPPED. */
        OWN_ECHO,
        /**
         * The update names its changed fields and none is a field the flow acts on (another flow's write-back,
         * a field nobody maps): SKIPPED without reading the record.
         */
        IRRELEVANT,
        /** A redrive addressed to another flow: not this flow's event, no outcome. */
        NOT_ADDRESSED
    }

    public static final Verdict PROCESS = new Verdict(Action.PROCESS, null);

    public boolean skipped() {
        return action == Action.DUPLICATE || action == Action.SAME_VERSION || action == Action.OWN_ECHO
                || action == Action.IRRELEVANT;
    }
}
