package io.zsync.externalsync.batch;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.zsync.contract.Watermark;
import io.zsync.externalsync.config.BatchProperties;
import io.zsync.externalsync.domain.BatchCursor;
import io.zsync.schemas.Topics;
import io.zsync.schemas.serde.AvroDeserializer;
import io.zsync.schemas.serde.SchemaRegistryClient;
import io.zsync.sync.engine.KafkaClientProperties;
import io.zsync.sync.engine.SyncRuntimeConfig;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides which instance runs the batch, with Kafka's own group protocol instead of a home-made lease: every
 * instance joins the consumer group {@code <group>-batch-leader} on the single-partition watermark topic, and
 * the one that owns partition 0 leads. It reads the topic from the start (compacted: the latest cursor per key
 * wins) and leads only once it has caught up, so it always resumes from the last committed cursor. Losing the
 * partition ends the lead at once; the new leader's transactional producer fences the old one's writes.
 */
@Singleton
@Requires(property = BatchProperties.PREFIX + ".enabled", notEquals = "false")
public class BatchLeadership {

    private static final Logger LOG = LoggerFactory.getLogger(BatchLeadership.class);
    private static final TopicPartition ZERO = new TopicPartition(Topics.WATERMARKS.name(), 0);

    private final KafkaConsumer<String, Watermark> consumer;
    private final Map<String, Watermark> cursors = new ConcurrentHashMap<>();
    private final AtomicLong epoch = new AtomicLong();
    private final BatchProperties properties;
    private volatile boolean leader;
    private volatile boolean running = true;
    private Long catchUpTo;
    private Instant catchUpDeadline;
    private Thread thread;

    public BatchLeadership(KafkaClientProperties kafka, SchemaRegistryClient registry, SyncRuntimeConfig runtime,
                           BatchProperties properties) {
        this.properties = properties;
        this.consumer = new KafkaConsumer<>(kafka.with(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, runtime.group() + "-batch-leader",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")),
                new StringDeserializer(), new AvroDeserializer<>(registry, Watermark.class));
    }

    @EventListener
    void onStartup(StartupEvent event) {
        thread = new Thread(this::loop, "batch-leadership");
        thread.setDaemon(true);
        thread.start();
    }

    /** True while this instance owns partition 0 and has read every cursor committed before it took over. */
    public boolean isLeader() {
        return leader;
    }

    /** Changes whenever the lead is gained or lost; a run started under another epoch must stop. */
    public long epoch() {
        return epoch.get();
    }

    public Optional<BatchCursor> cursor(String key) {
        Watermark w = cursors.get(key);
        return w == null ? Optional.empty() : Optional.of(new BatchCursor(w.getModifiedTime(), new HashSet<>(w.getLastRecordIds())));
    }

    /** Applies a cursor this instance has just committed (the consumer reads it back shortly after). */
    void applyCommitted(String key, Watermark watermark) {
        cursors.merge(key, watermark, (a, b) -> b.getUpdatedAt().isBefore(a.getUpdatedAt()) ? a : b);
    }

    private void loop() {
        consumer.subscribe(List.of(Topics.WATERMARKS.name()), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                if (partitions.contains(ZERO)) {
                    resign("partition 0 revoked");
                }
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                if (partitions.contains(ZERO)) {
                    resign("partition 0 lost");
                }
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                if (partitions.contains(ZERO)) {
                    consumer.seekToBeginning(List.of(ZERO));
                    catchUpTo = consumer.endOffsets(List.of(ZERO)).get(ZERO);
                    catchUpDeadline = Instant.now().plus(properties.leaderCatchUpTimeout());
                }
            }
        });
        try {
            while (running) {
                try {
                    for (ConsumerRecord<String, Watermark> record : consumer.poll(Duration.ofMillis(500))) {
                        if (record.value() != null) {
                            applyCommitted(record.key(), record.value());
                        }
                    }
                    checkCaughtUp();
                } catch (WakeupException e) {
                    throw e;
                } catch (KafkaException e) {
                    // the broker is unreachable or the group is rebalancing: keep polling, never lead on stale state
                    LOG.warn("batch leadership consumer failed, polling again: {}", e.toString());
                    resign("consumer error: " + e.getMessage());
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            resign("shutting down");
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void checkCaughtUp() {
        if (catchUpTo == null || leader) {
            return;
        }
        if (consumer.position(ZERO) >= catchUpTo) {
            catchUpTo = null;
            epoch.incrementAndGet();
            leader = true;
            LOG.info("this instance now leads the contact batch ({} stored cursors)", cursors.size());
        } else if (Instant.now().isAfter(catchUpDeadline)) {
            LOG.warn("still reading stored cursors after {}; not leading yet", properties.leaderCatchUpTimeout());
            catchUpDeadline = Instant.now().plus(properties.leaderCatchUpTimeout());
        }
    }

    private void resign(String why) {
        catchUpTo = null;
        if (leader) {
            leader = false;
            epoch.incrementAndGet();
            LOG.info("this instance no longer leads the contact batch: {}", why);
        }
    }

    @PreDestroy
    void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        if (thread != null) {
            thread.join(10_000);
        }
    }
}
