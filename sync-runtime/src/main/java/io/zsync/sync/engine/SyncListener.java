package io.zsync.sync.engine;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.context.annotation.Property;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one way services consume change topics: batches in the service's consumer group, offsets committed
 * only inside the engine's transaction (never by micronaut-kafka), committed data only, and, when the
 * transaction itself fails (broker trouble), the batch is delivered again with growing delays. Only that
 * failure is retried here: undecodable records go straight to {@link DeadLetteringExceptionHandler}. A listener
 * class carries this annotation and hands each batch to {@code SyncEngine.process} in one line.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@KafkaListener(groupId = "${zsync.sync.group}", batch = true, offsetStrategy = OffsetStrategy.DISABLED,
        // consumer threads per listener; each owns its partitions, so one record's changes stay on one thread
        threadsValue = "${zsync.sync.listener-threads:1}",
        offsetReset = OffsetReset.EARLIEST,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR, retryDelay = "500ms",
                retryCount = 1000, exceptionTypes = OutcomeCommitException.class),
        properties = {
                @Property(name = "isolation.level", value = "read_committed"),
                @Property(name = "max.poll.records", value = "${zsync.sync.max-batch:100}")
        })
public @interface SyncListener {
}
