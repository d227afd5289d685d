package io.zsync.dashboard.domain;

import io.zsync.contract.DeadLetter;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A dead letter as the dashboard keeps it: the dead letter itself (with its original event, for redrive) and
 * whether a later completion of the same event in the same flow resolved it. One entry per flow and event: a
 * redriven event that fails again replaces its entry (with a higher redrive count).
 *
 * @param deadLetter     the dead letter as published
 * @param resolvedAt     when a later SUCCEEDED or SKIPPED completion of the same event and flow ended, or null
 * @param resolvedStatus that completion's status, or null
 */
public record DeadLetterEntry(DeadLetter deadLetter, Long resolvedAt, OutcomeStatus resolvedStatus) {

    public static DeadLetterEntry open(DeadLetter deadLetter) {
        return new DeadLetterEntry(deadLetter, null, null);
    }

    public boolean isOpen() {
        return resolvedAt == null;
    }

    /** The store key of a dead letter: one entry per flow and event. */
    public static String keyOf(String flowId, String eventId) {
        return flowId + "|" + eventId;
    }

    public String key() {
        return keyOf(deadLetter.getFlowId(), deadLetter.getEventId());
    }

    /** An opaque, URL-safe id for the key, for links and API paths. */
    public String id() {
        return encodeId(key());
    }

    public static String encodeId(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The key behind an id; throws {@link IllegalArgumentException} when the id is not one of ours. */
    public static String decodeId(String id) {
        String key = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
        if (!key.contains("|")) {
            throw new IllegalArgumentException("not a dead-letter id: " + id);
        }
        return key;
    }

    /**
     * Which entry to keep when a dead letter arrives for a key that already has one: the one dead-lettered last
     * (a redrive that failed again), so a late duplicate of an older dead letter does not reopen a newer state.
     */
    public static DeadLetterEntry keep(DeadLetterEntry existing, DeadLetter incoming) {
        if (existing != null
                && existing.deadLetter.getDeadLetteredAt().isAfter(incoming.getDeadLetteredAt())) {
            return existing;
        }
        return open(incoming);
    }

    /**
     * This entry after a completion of some event in some flow: resolved when the completion is of the same event
     * and flow, succeeded or was skipped, and ended no earlier than the dead letter.
     */
    public DeadLetterEntry afterCompletion(Outcome completion) {
        boolean sameEvent = deadLetter.getFlowId().equals(completion.flowId())
                && deadLetter.getEventId().equals(completion.eventId());
        boolean good = completion.status() == OutcomeStatus.SUCCEEDED || completion.status() == OutcomeStatus.SKIPPED;
        boolean later = completion.at() >= deadLetter.getDeadLetteredAt().toEpochMilli();
        if (isOpen() && sameEvent && good && later) {
            return new DeadLetterEntry(deadLetter, completion.at(), completion.status());
        }
        return this;
    }
}
