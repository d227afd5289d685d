package io.zsync.sync.engine;

import io.micronaut.configuration.kafka.exceptions.DefaultKafkaListenerExceptionHandler;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerException;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerExceptionHandler;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.zsync.contract.DeadLetter;
import io.zsync.schemas.Topics;
import io.zsync.schemas.serde.AvroSerdeException;
import io.zsync.sync.api.SyncFlow;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.UUID;

/**
 * Bytes on a change topic that cannot be decoded are dead-lettered verbatim (rawValue) and the consumer moves
 * past them; micronaut-kafka's default would only log and skip, losing the event without a trace. When the
 * cause is transient (the registry is unreachable) the record is not skipped but read again. Other listener
 * errors (a transaction that could not commit) leave the batch uncommitted: the listener's error strategy
 * seeks back and delivers it again.
 */
@Singleton
@Replaces(DefaultKafkaListenerExceptionHandler.class)
@Requires(beans = SyncFlow.class)
public class DeadLetteringExceptionHandler implements KafkaListenerExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetteringExceptionHandler.class);

    private final OutcomeTransactions transactions;
    private final SyncRuntimeConfig config;

    public DeadLetteringExceptionHandler(OutcomeTransactions transactions, SyncRuntimeConfig config) {
        this.transactions = transactions;
        this.config = config;
    }

    @Override
    public void handle(KafkaListenerException exception) {
        Consumer<?, ?> consumer = exception.getKafkaConsumer();
        if (exception.getCause() instanceof RecordDeserializationException undecodable) {
            boolean transientCause = undecodable.getCause() instanceof AvroSerdeException serde && serde.retryable();
            if (transientCause) {
                LOG.warn("cannot decode {}@{} yet ({}); reading it again", undecodable.topicPartition(),
                        undecodable.offset(), undecodable.getCause().getMessage());
                consumer.seek(undecodable.topicPartition(), undecodable.offset());
                return;
            }
            deadLetter(undecodable, consumer);
            return;
        }
        LOG.error("listener failed; the batch is not committed and will be delivered again: {}", exception.getMessage(),
                exception.getCause());
    }

    private void deadLetter(RecordDeserializationException undecodable, Consumer<?, ?> consumer) {
        Instant now = Instant.now();
        String reason = undecodable.getCause() == null ? undecodable.getMessage() : undecodable.getCause().getMessage();
        String code = undecodable.getCause() instanceof AvroSerdeException serde ? "UNDECODABLE_" + serde.reason()
                : "UNDECODABLE";
        DeadLetter letter = DeadLetter.newBuilder()
                .setEventId("undecodable-" + UUID.nameUUIDFromBytes((undecodable.topicPartition() + "@"
                        + undecodable.offset()).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .setFlowId(config.group()).setOriginal(null).setRawValue(copy(undecodable.valueBuffer()))
                .setSourceTopic(undecodable.topicPartition().topic())
                .setSourcePartition(undecodable.topicPartition().partition())
                .setSourceOffset(undecodable.offset()).setRecordKey(null).setConsumerGroup(config.group())
                .setErrorCode(code).setErrorMessage(String.valueOf(reason)).setErrorClass(null).setRetryable(false)
                .setAttempts(1).setFailedStep(null).setFirstFailedAt(now).setDeadLetteredAt(now).setRedriveCount(0)
                .setTraceId("none")
                .build();
        transactions.commit(new OutcomeTransactions.Batch()
                .add(Topics.SYNC_DEADLETTERS, undecodable.topicPartition().topic() + "@" + undecodable.offset(), letter)
                .consumed(undecodable.topicPartition(), undecodable.offset()), consumer.groupMetadata());
        consumer.seek(undecodable.topicPartition(), undecodable.offset() + 1);
        LOG.warn("undecodable record {}@{} dead-lettered: {}", undecodable.topicPartition(), undecodable.offset(), code);
    }

    private static ByteBuffer copy(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        ByteBuffer copy = ByteBuffer.allocate(buffer.remaining());
        copy.put(buffer.duplicate()).flip();
        return copy;
    }
}
