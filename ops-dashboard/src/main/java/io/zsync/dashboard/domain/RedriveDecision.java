package io.zsync.dashboard.domain;

import io.zsync.contract.ChangeEvent;

/** What redriving one dead letter means: publish this event there, or refuse with a reason an operator can act on. */
public sealed interface RedriveDecision {

    /**
     * @param topic the dead letter's source topic
     * @param key   the record key (the source record id)
     * @param event the event to publish
     */
    record Publish(String topic, String key, ChangeEvent event) implements RedriveDecision {
    }

    /** @param reason why it cannot be redriven */
    record Refuse(String reason) implements RedriveDecision {
    }
}
