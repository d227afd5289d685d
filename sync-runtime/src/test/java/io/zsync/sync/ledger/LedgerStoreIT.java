package io.zsync.sync.ledger;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.zsync.contract.ChangeEvent;
import io.zsync.contract.LedgerEntry;
import io.zsync.contract.LedgerState;
import io.zsync.schemas.TopicSpec;
import io.zsync.schemas.Topics;
import io.zsync.schemas.serde.AvroSerializer;
import io.zsync.schemas.serde.SchemaRegistryClient;
import io.zsync.sync.api.FlowInput;
import io.zsync.sync.api.FlowResult;
import io.zsync.sync.api.SyncFlow;
import io.zsync.testing.KafkaStack;
import io.zsync.testing.RealKafka;
import jakarta.inject.Singleton;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger a service loads at start holds every entry committed before it started, even when a process killed
 * in the middle of a commit left a transaction open in front of them (a read_committed reader stops at such a
 * transaction until the broker aborts it).
 */
@RealKafka
class LedgerStoreIT {

    private static final String FLOW = "ledger-store-it";
    private static final int PARTITION = 0;

    /** The ledger loads only in a service with a flow. */
    @Singleton
    @Requires(property = "spec.name", value = "LedgerStoreIT")
    static class NoFlow implements SyncFlow {
        @Override
        public String id() {
            return FLOW;
        }

        @Override
        public TopicSpec<String, ChangeEvent> source() {
            return Topics.CRM_LEADS;
        }

        @Override
        public Set<String> writeBackFields() {
            return Set.of();
        }

        @Override
        public List<FlowResult> process(List<FlowInput> inputs) {
            throw new UnsupportedOperationException("not run here");
        }
    }

    private static Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>(KafkaStack.get().micronautProperties());
        properties.put("spec.name", "LedgerStoreIT");
        properties.put("zsync.sync.group", "ledger-store-it-" + UUID.randomUUID());
        properties.put("zsync.sync.retry-worker", "false");
        return properties;
    }

    private static KafkaProducer<String, SpecificRecord> transactional(SchemaRegistryClient registry, String id) {
        KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaStack.get().bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, id,
                // the broker aborts the dead process's transaction after this long
                ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 3000),
                new StringSerializer(), new AvroSerializer<>(registry, true, false));
        producer.initTransactions();
        return producer;
    }

    private static ProducerRecord<String, SpecificRecord> entry(String recordId, LedgerState state) {
        LedgerEntry entry = LedgerEntry.newBuilder()
                .setFlowId(FLOW).setRecordId(recordId).setState(state).setLastEventId("e-" + recordId)
                .setRecentEventIds(List.of("e-" + recordId)).setRecordVersion(null).setMappedHash(null)
                .setTargets(Map.of("target", "t-" + recordId)).setUpdatedAt(Instant.now()).build();
        return new ProducerRecord<>(Topics.SYNC_LEDGER.name(), PARTITION, FLOW + "/" + recordId, entry);
    }

    @Test
    void shouldLoadEntriesCommittedBehindATransactionLeftOpenByAKilledProcess() throws Exception {
        String killedMidCommit = "killed-" + UUID.randomUUID();
        String committedAfter = "after-" + UUID.randomUUID();
        KafkaProducer<String, SpecificRecord> dead;
        try (ApplicationContext first = ApplicationContext.run(properties())) { // creates the topics
            SchemaRegistryClient registry = first.getBean(SchemaRegistryClient.class);
            // a process begins its outcome transaction, writes its entry, and is killed before it commits
            dead = transactional(registry, "ledger-it-dead-" + UUID.randomUUID());
            dead.beginTransaction();
            dead.send(entry(killedMidCommit, LedgerState.DONE)).get();
            // another thread or instance commits an entry after it, in the same partition
            try (KafkaProducer<String, SpecificRecord> alive = transactional(registry, "ledger-it-alive-" + UUID.randomUUID())) {
                alive.beginTransaction();
                alive.send(entry(committedAfter, LedgerState.DONE)).get();
                alive.commitTransaction();
            }
        }
        try (ApplicationContext restarted = ApplicationContext.run(properties())) {
            LedgerStore ledger = restarted.getBean(LedgerStore.class);
            assertThat(ledger.get(FLOW, committedAfter)).as("an entry committed before the start")
                    .hasValueSatisfying(e -> assertThat(e.getTargets()).containsEntry("target", "t-" + committedAfter));
            assertThat(ledger.get(FLOW, killedMidCommit)).as("the entry of the aborted transaction").isEmpty();
        } finally {
            dead.close(java.time.Duration.ZERO);
        }
    }
}
