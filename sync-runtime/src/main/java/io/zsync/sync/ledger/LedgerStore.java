package io.zsync.sync.ledger;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.zsync.contract.LedgerEntry;
import io.zsync.kafka.TopicInitializer;
import io.zsync.schemas.Topics;
import io.zsync.schemas.serde.AvroDeserializer;
import io.zsync.schemas.serde.SchemaRegistryClient;
import io.zsync.sync.api.SyncFlow;
import io.zsync.sync.domain.LedgerDecisions;
import io.zsync.sync.engine.KafkaClientProperties;
import io.zsync.sync.engine.SyncRuntimeConfig;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The idempotency ledger as this instance sees it: the compacted ledger topic read from the start into
 * memory before any listener runs (a {@code @Context} bean that blocks until caught up), then tailed, so a
 * partition taken over after a rebalance finds what the previous owner committed. Only committed entries
 * are read (read_committed): an aborted transaction leaves no trace. Writes of this instance are applied at
 * once after their transaction commits (read-your-writes).
 *
 * <p>"Caught up" means past every record written before this start, not merely at the last stable offset: a
 * transaction left open by a process killed mid-commit holds a read_committed reader at its first record until
 * the broker aborts it (after the dead producer's {@code transaction.timeout.ms}), and every entry committed
 * after that record, by other threads or instances, would be missing from a ledger loaded only that far. A
 * restarted service then saw an older state of records it had already synced (found by the long crash run:
 * a won deal finished twice). Memory grows with (flows × records); a service
 * with many millions of records would move this to a Kafka Streams store with the same topic as changelog.
 */
@Context
@Requires(beans = SyncFlow.class)
public class LedgerStore {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerStore.class);

    private final Map<String, LedgerEntry> entries = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, LedgerEntry> consumer;
    private final Thread tail;
    private volatile boolean running = true;

    public LedgerStore(TopicInitializer topicsExist, KafkaClientProperties kafka, SchemaRegistryClient registry,
                       SyncRuntimeConfig config) {
        this.consumer = new KafkaConsumer<>(kafka.with(Map.of(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, config.group() + "-ledger-" + ProcessHandle.current().pid())),
                new StringDeserializer(), new AvroDeserializer<>(registry, LedgerEntry.class));
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.SYNC_LEDGER.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        catchUp(partitions, kafka, config.ledgerLoadTimeout());
        this.tail = new Thread(this::tailForever, "ledger-tail");
        this.tail.setDaemon(true);
        this.tail.start();
    }

    public Optional<LedgerEntry> get(String flowId, String recordId) {
        return Optional.ofNullable(entries.get(LedgerDecisions.key(flowId, recordId)));
    }

    /** Applies an entry this instance has just committed. */
    public void applyCommitted(LedgerEntry entry) {
        entries.merge(LedgerDecisions.key(entry.getFlowId(), entry.getRecordId()), entry, LedgerStore::newer);
    }

    public int size() {
        return entries.size();
    }

    private void catchUp(List<TopicPartition> partitions, KafkaClientProperties kafka, Duration timeout) {
        Map<TopicPartition, Long> end = writtenUpTo(kafka, partitions);
        Instant start = Instant.now();
        Instant deadline = start.plus(timeout);
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the sync ledger was not read within " + timeout + ": partitions "
                        + behind(end) + " are held by a transaction that neither commits nor aborts");
            }
            pollOnce(Duration.ofMillis(200));
        }
        Duration took = Duration.between(start, Instant.now());
        if (took.compareTo(Duration.ofSeconds(1)) > 0) {
            LOG.info("Sync ledger loaded: {} entries, in {} ms (waited for transactions open before this start to end)",
                    entries.size(), took.toMillis());
        } else {
            LOG.info("Sync ledger loaded: {} entries", entries.size());
        }
    }

    /**
     * The end of every partition as written, transactions still open included (read_uncommitted): the
     * read_committed consumer is past a record only once its transaction has ended, so reaching these offsets
     * means every transaction open at this start has committed or been aborted.
     */
    private static Map<TopicPartition, Long> writtenUpTo(KafkaClientProperties kafka, List<TopicPartition> partitions) {
        try (KafkaConsumer<byte[], byte[]> probe = new KafkaConsumer<>(kafka.with(Map.of(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "ledger-end-" + ProcessHandle.current().pid())),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            return probe.endOffsets(partitions);
        }
    }

    private List<TopicPartition> behind(Map<TopicPartition, Long> end) {
        return end.entrySet().stream().filter(e -> consumer.position(e.getKey()) < e.getValue())
                .map(Map.Entry::getKey).toList();
    }

    private void tailForever() {
        try {
            while (running) {
                pollOnce(Duration.ofSeconds(1));
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    private void pollOnce(Duration timeout) {
        for (ConsumerRecord<String, LedgerEntry> record : consumer.poll(timeout)) {
            if (record.value() != null) {
                entries.merge(record.key(), record.value(), LedgerStore::newer);
            }
        }
    }

    /** Our own write may be applied before the tail reads it back; never let an older copy win. */
    private static LedgerEntry newer(LedgerEntry a, LedgerEntry b) {
        return b.getUpdatedAt().isBefore(a.getUpdatedAt()) ? a : b;
    }

    @PreDestroy
    void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        tail.join(5000);
    }
}
