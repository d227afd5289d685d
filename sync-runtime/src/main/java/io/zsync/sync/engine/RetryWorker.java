package io.zsync.sync.engine;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.zsync.contract.RetryRequest;
import io.zsync.schemas.Topics;
import io.zsync.schemas.serde.AvroDeserializer;
import io.zsync.schemas.serde.SchemaRegistryClient;
import io.zsync.sync.api.SyncFlow;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs parked retries when their time comes, on its own consumer ({@code <group>-retry}) so that waiting for
 * a retry never holds up the source topic. A partition whose next record is not due yet is paused and
 * re-read from that record when it is; other partitions keep going. Retries of other services (the retry
 * topic is shared) are passed over. Each retry is committed through the engine's transaction with the retry
 * topic's offset, so a crash re-runs it and never loses it.
 */
@Singleton
@Requires(beans = SyncFlow.class)
@Requires(property = "zsync.sync.retry-worker", notEquals = "false")
public class RetryWorker {

    private static final Logger LOG = LoggerFactory.getLogger(RetryWorker.class);
    private static final Duration IDLE_POLL = Duration.ofMillis(500);

    private final SyncEngine engine;
    private final Map<String, SyncFlow> flows;
    private final String group;
    private final KafkaConsumer<String, RetryRequest> consumer;
    private final Map<TopicPartition, Instant> pausedUntil = new HashMap<>();
    private final Clock clock = Clock.systemUTC();
    private Thread thread;
    private volatile boolean running = true;

    public RetryWorker(SyncEngine engine, List<SyncFlow> flows, SyncRuntimeConfig config, KafkaClientProperties kafka,
                       SchemaRegistryClient registry) {
        this.engine = engine;
        this.flows = flows.stream().collect(Collectors.toMap(SyncFlow::id, Function.identity()));
        this.group = config.group();
        this.consumer = new KafkaConsumer<>(kafka.with(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, config.group() + "-retry",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50)),
                new StringDeserializer(), new AvroDeserializer<>(registry, RetryRequest.class));
    }

    @EventListener
    void onStartup(StartupEvent event) {
        thread = new Thread(this::loop, group + "-retry-worker");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        consumer.subscribe(List.of(Topics.SYNC_RETRIES.name()), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                partitions.forEach(pausedUntil::remove);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                // nothing: positions come from committed offsets
            }
        });
        try {
            while (running) {
                resumeDue();
                for (ConsumerRecord<String, RetryRequest> record : consumer.poll(nextPollTimeout())) {
                    handle(record);
                }
            }
        } catch (WakeupException e) {
            // shutting down
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void handle(ConsumerRecord<String, RetryRequest> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        if (pausedUntil.containsKey(partition)) {
            return; // a record before this one is not due; this one is read again after it
        }
        RetryRequest request = record.value();
        SyncFlow flow = request == null ? null : flows.get(request.getFlowId());
        if (flow == null || !group.equals(request.getConsumerGroup())) {
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)));
            return;
        }
        Instant due = request.getNotBefore();
        if (due.isAfter(clock.instant())) {
            consumer.pause(List.of(partition));
            consumer.seek(partition, record.offset());
            pausedUntil.put(partition, due);
            return;
        }
        try {
            engine.retry(flow, request, partition, record.offset(), consumer.groupMetadata());
        } catch (OutcomeCommitException | KafkaException e) {
            // the transaction did not commit: read the record again and retry it a little later
            LOG.warn("retry of {} for {} not committed, will run again: {}", request.getEvent().getRecordId(),
                    flow.id(), e.toString());
            consumer.pause(List.of(partition));
            consumer.seek(partition, record.offset());
            pausedUntil.put(partition, clock.instant().plusSeconds(1));
        }
    }

    private void resumeDue() {
        Instant now = clock.instant();
        List<TopicPartition> due = pausedUntil.entrySet().stream()
                .filter(e -> !e.getValue().isAfter(now)).map(Map.Entry::getKey).toList();
        if (!due.isEmpty()) {
            due.forEach(pausedUntil::remove);
            consumer.resume(due);
        }
    }

    private Duration nextPollTimeout() {
        Instant now = clock.instant();
        return pausedUntil.values().stream().min(Instant::compareTo)
                .map(next -> Duration.between(now, next))
                .filter(d -> d.compareTo(IDLE_POLL) < 0)
                .map(d -> d.isNegative() ? Duration.ZERO : d)
                .orElse(IDLE_POLL);
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
