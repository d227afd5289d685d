package io.zsync.dashboard.domain;

import io.zsync.contract.ChangeEvent;
import io.zsync.contract.DeadLetter;
import io.zsync.contract.EventOrigin;
import io.zsync.schemas.Topics;

import java.util.HashMap;
import java.util.Map;

/**
 * Redrive re-publishes a dead letter's original event to the topic it was consumed from, keyed by its record id,
 * with origin REDRIVE and two attributes naming the one flow that should process it again and how often it has
 * been redriven. Everything else, the event id included, is unchanged, so the services' idempotency ledger
 * recognises the event and never writes a target twice. A dead letter whose bytes could not be decoded, or whose
 * source topic is not a change topic of the catalogue, is refused.
 */
public final class RedriveRule {

    /** Attribute naming the flow that should process a redriven event (other flows skip it). */
    public static final String FLOW_ATTRIBUTE = "zsync.redrive.flow";
    /** Attribute counting redrives of the event, starting at 1. */
    public static final String COUNT_ATTRIBUTE = "zsync.redrive.count";

    private RedriveRule() {
    }

    public static RedriveDecision decide(DeadLetter deadLetter) {
        ChangeEvent original = deadLetter.getOriginal();
        if (original == null) {
            return new RedriveDecision.Refuse("the original event could not be decoded (its raw bytes are kept in "
                    + "rawValue); it cannot be redriven: fix the producer and publish the record again");
        }
        boolean changeTopic = Topics.byName(deadLetter.getSourceTopic())
                .filter(t -> t.valueType() == ChangeEvent.class)
                .isPresent();
        if (!changeTopic) {
            return new RedriveDecision.Refuse("source topic '" + deadLetter.getSourceTopic()
                    + "' is not a change topic of the catalogue; refusing to publish a ChangeEvent there");
        }
        Map<String, String> attributes = new HashMap<>();
        if (original.getAttributes() != null) {
            original.getAttributes().forEach((k, v) -> attributes.put(String.valueOf(k), String.valueOf(v)));
        }
        attributes.put(FLOW_ATTRIBUTE, deadLetter.getFlowId());
        attributes.put(COUNT_ATTRIBUTE, String.valueOf(deadLetter.getRedriveCount() + 1));
        ChangeEvent event = ChangeEvent.newBuilder(original)
                .setOrigin(EventOrigin.REDRIVE)
                .setAttributes(attributes)
                .build();
        return new RedriveDecision.Publish(deadLetter.getSourceTopic(), original.getRecordId(), event);
    }
}
