package io.zsync.dashboard.redrive;

import io.zsync.contract.DeadLetter;
import io.zsync.dashboard.domain.DeadLetterEntry;
import io.zsync.dashboard.domain.RedriveDecision;
import io.zsync.dashboard.domain.RedriveRule;
import io.zsync.dashboard.query.DashboardReader;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redrives one dead letter as {@link RedriveRule} says, and writes who did it to the audit log. A dead letter that
 * a later completion already resolved is not redriven unless the operator insists: the ledger would make it
 * harmless, but it is almost always a mistake.
 */
@Singleton
public class RedriveService {

    /** Every redrive, with the operator: route this logger to durable storage in production. */
    private static final Logger AUDIT = LoggerFactory.getLogger("io.zsync.dashboard.audit");

    private final DashboardReader reader;
    private final ChangeEventPublisher publisher;

    public RedriveService(DashboardReader reader, ChangeEventPublisher publisher) {
        this.reader = reader;
        this.publisher = publisher;
    }

    public RedriveResult redrive(String id, String operator, boolean force) {
        String key;
        try {
            key = DeadLetterEntry.decodeId(id);
        } catch (IllegalArgumentException e) {
            throw new RedriveException(RedriveException.Kind.NOT_FOUND, "no dead letter with id " + id);
        }
        DeadLetterEntry entry = reader.deadLetter(key)
                .orElseThrow(() -> new RedriveException(RedriveException.Kind.NOT_FOUND, "no dead letter with id " + id));
        DeadLetter deadLetter = entry.deadLetter();
        if (!entry.isOpen() && !force) {
            throw new RedriveException(RedriveException.Kind.CONFLICT, "dead letter of event " + deadLetter.getEventId()
                    + " in flow " + deadLetter.getFlowId() + " was already resolved by a later "
                    + entry.resolvedStatus() + " completion; pass force=true to redrive anyway");
        }
        RedriveDecision decision = RedriveRule.decide(deadLetter);
        if (decision instanceof RedriveDecision.Refuse refuse) {
            AUDIT.warn("redrive refused: operator={} flow={} event={} reason={}", operator, deadLetter.getFlowId(),
                    deadLetter.getEventId(), refuse.reason());
            throw new RedriveException(RedriveException.Kind.NOT_REDRIVABLE, refuse.reason());
        }
        RedriveDecision.Publish publish = (RedriveDecision.Publish) decision;
        RecordMetadata metadata = publisher.publish(publish.topic(), publish.key(), publish.event());
        int count = deadLetter.getRedriveCount() + 1;
        AUDIT.info("redrive: operator={} flow={} event={} record={} topic={} partition={} offset={} redrive={}",
                operator, deadLetter.getFlowId(), deadLetter.getEventId(), publish.key(), metadata.topic(),
                metadata.partition(), metadata.offset(), count);
        return new RedriveResult(id, deadLetter.getFlowId(), deadLetter.getEventId(), publish.key(), metadata.topic(),
                metadata.partition(), metadata.offset(), count, operator);
    }
}
