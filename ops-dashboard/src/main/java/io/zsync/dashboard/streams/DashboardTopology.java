package io.zsync.dashboard.streams;

import io.zsync.contract.DeadLetter;
import io.zsync.contract.SyncCompleted;
import io.zsync.dashboard.domain.FlowStats;
import io.zsync.dashboard.domain.Outcome;
import io.zsync.dashboard.domain.Outcomes;
import io.zsync.dashboard.domain.RecordLineage;
import io.zsync.dashboard.domain.TargetIndex;
import io.zsync.schemas.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

import java.time.Duration;

/**
 * The dashboard's views over {@code sync.completions} and {@code sync.deadletters}: per-flow stats per minute,
 * each record's lineage (queryable by source and by target id), and the dead letters with their original events.
 * Completions and dead letters become one stream of outcomes; every rule applied to it is a pure function of
 * the {@code domain} package, so this class only wires.
 */
public final class DashboardTopology {

    private DashboardTopology() {
    }

    /** Adds the dashboard's streams and stores to {@code builder}; returns the stream of all outcomes. */
    public static KStream<String, Outcome> define(StreamsBuilder builder, DashboardSerdes serdes,
                                                  TopologyOptions options) {
        KStream<String, SyncCompleted> completions = builder.stream(Topics.SYNC_COMPLETIONS.name(),
                Consumed.with(Serdes.String(), serdes.completions())
                        .withTimestampExtractor(new OutcomeTimestamps()).withName("completions"));
        KStream<String, DeadLetter> deadLetters = builder.stream(Topics.SYNC_DEADLETTERS.name(),
                Consumed.with(Serdes.String(), serdes.deadLetters())
                        .withTimestampExtractor(new OutcomeTimestamps()).withName("dead-letters-in"));

        KStream<String, Outcome> completed = completions
                .filter((key, value) -> value != null, Named.as("completions-present"))
                .mapValues(Outcomes::fromCompletion, Named.as("completion-outcomes"));
        KStream<String, Outcome> deadLettered = deadLetters
                .filter((key, value) -> value != null, Named.as("dead-letters-present"))
                .mapValues(Outcomes::fromDeadLetter, Named.as("dead-letter-outcomes"));
        KStream<String, Outcome> outcomes = completed.merge(deadLettered, Named.as("outcomes"));

        defineFlowMinutes(outcomes, serdes, options);
        defineLineage(outcomes, serdes, options);
        defineTargetIndex(outcomes, serdes);
        defineDeadLetters(builder, deadLetters, completed, deadLettered, serdes);
        return outcomes;
    }

    private static void defineFlowMinutes(KStream<String, Outcome> outcomes, DashboardSerdes serdes,
                                          TopologyOptions options) {
        outcomes.groupBy((recordId, outcome) -> outcome.flowId(),
                        Grouped.with("outcomes-by-flow", Serdes.String(), serdes.outcome()))
                .windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofMinutes(1), options.grace()))
                .aggregate(FlowStats::empty, (flowId, outcome, stats) -> stats.with(outcome),
                        Named.as("count-flow-minutes"),
                        Materialized.<String, FlowStats, WindowStore<Bytes, byte[]>>as(DashboardStores.FLOW_MINUTES)
                                .withKeySerde(Serdes.String()).withValueSerde(serdes.flowStats())
                                .withRetention(options.retention()));
    }

    private static void defineLineage(KStream<String, Outcome> outcomes, DashboardSerdes serdes,
                                      TopologyOptions options) {
        // Both input topics are keyed by the source record id, so this needs no repartitioning.
        outcomes.groupByKey(Grouped.with(Serdes.String(), serdes.outcome()))
                .aggregate(() -> RecordLineage.empty(null),
                        (recordId, outcome, lineage) -> lineage.with(outcome, options.historyLength()),
                        Named.as("record-lineage"),
                        Materialized.<String, RecordLineage, KeyValueStore<Bytes, byte[]>>as(DashboardStores.LINEAGE)
                                .withKeySerde(Serdes.String()).withValueSerde(serdes.lineage()));
    }

    private static void defineTargetIndex(KStream<String, Outcome> outcomes, DashboardSerdes serdes) {
        outcomes.flatMap((recordId, outcome) -> TargetIndex.linksOf(outcome).stream()
                                .map(link -> KeyValue.pair(link.targetId(), link)).toList(),
                        Named.as("links-to-targets"))
                .groupByKey(Grouped.with("links-by-target", Serdes.String(), serdes.targetLink()))
                .aggregate(TargetIndex::empty, (targetId, link, index) -> index.with(link),
                        Named.as("index-targets"),
                        Materialized.<String, TargetIndex, KeyValueStore<Bytes, byte[]>>as(DashboardStores.TARGET_INDEX)
                                .withKeySerde(Serdes.String()).withValueSerde(serdes.targetIndex()));
    }

    private static void defineDeadLetters(StreamsBuilder builder, KStream<String, DeadLetter> deadLetters,
                                          KStream<String, Outcome> completed, KStream<String, Outcome> deadLettered,
                                          DashboardSerdes serdes) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(DashboardStores.DEAD_LETTERS), Serdes.String(),
                serdes.deadLetterEntry()));
        // A dead letter and the completion that resolves it share the record key, hence the partition and task,
        // so both processors can use the one store without repartitioning.
        deadLetters.filter((key, value) -> value != null, Named.as("dead-letters-to-keep"))
                .process(DeadLetterRecorder::new, Named.as("record-dead-letters"), DashboardStores.DEAD_LETTERS);
        completed.process(DeadLetterResolver::new, Named.as("resolve-dead-letters"), DashboardStores.DEAD_LETTERS);

        deadLettered.groupBy((recordId, outcome) -> outcome.flowId() + "|" + outcome.errorCode(),
                        Grouped.with("dead-letters-by-code", Serdes.String(), serdes.outcome()))
                .count(Named.as("count-dead-letters"),
                        Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as(DashboardStores.DEAD_LETTER_COUNTS)
                                .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long()));
    }
}
