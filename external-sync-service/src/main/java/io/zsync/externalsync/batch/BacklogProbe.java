package io.zsync.externalsync.batch;

import io.micronaut.context.annotation.Requires;
import io.zsync.externalsync.config.BatchProperties;
import io.zsync.schemas.TopicSpec;
import io.zsync.sync.engine.SyncRuntimeConfig;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How many events of a topic the service's consumer group has not processed yet: webhook events waiting and
 * the batch's own events in flight. The batch reads it before handing more over, so real-time events never
 * queue behind a long batch. Transaction markers count as one record each, a small constant the limit absorbs.
 */
@Singleton
@Requires(property = BatchProperties.PREFIX + ".enabled", notEquals = "false")
public class BacklogProbe {

    private static final Logger LOG = LoggerFactory.getLogger(BacklogProbe.class);
    private static final long TIMEOUT_SECONDS = 5;

    private final AdminClient admin;
    private final String group;

    public BacklogProbe(AdminClient admin, SyncRuntimeConfig runtime) {
        this.admin = admin;
        this.group = runtime.group();
    }

    /** The backlog, or {@link Long#MAX_VALUE} when it cannot be measured (then the batch waits). */
    public long backlog(TopicSpec<?, ?> topic) {
        try {
            TopicDescription description = admin.describeTopics(List.of(topic.name())).allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic.name());
            List<TopicPartition> partitions = description.partitions().stream()
                    .map(p -> new TopicPartition(topic.name(), p.partition())).toList();
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            partitions.forEach(p -> {
                latest.put(p, OffsetSpec.latest());
                earliest.put(p, OffsetSpec.earliest());
            });
            ListOffsetsOptions options = new ListOffsetsOptions(IsolationLevel.READ_COMMITTED);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest, options).all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = admin.listOffsets(earliest, options).all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            long backlog = 0;
            for (TopicPartition p : partitions) {
                OffsetAndMetadata position = committed.get(p);
                long from = position != null ? position.offset() : starts.get(p).offset();
                backlog += Math.max(0, ends.get(p).offset() - from);
            }
            return backlog;
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("cannot measure the backlog of {} for {}: {}", topic.name(), group, e.toString());
            return Long.MAX_VALUE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Long.MAX_VALUE;
        }
    }
}
