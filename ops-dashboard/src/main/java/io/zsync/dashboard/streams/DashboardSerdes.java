package io.zsync.dashboard.streams;

import io.zsync.contract.DeadLetter;
import io.zsync.contract.SyncCompleted;
import io.zsync.dashboard.domain.DeadLetterEntry;
import io.zsync.dashboard.domain.FlowStats;
import io.zsync.dashboard.domain.Outcome;
import io.zsync.dashboard.domain.RecordLineage;
import io.zsync.dashboard.domain.TargetIndex;
import io.zsync.dashboard.domain.TargetLink;
import io.zsync.schemas.serde.AvroSerde;
import io.zsync.schemas.serde.SchemaRegistryClient;
import org.apache.kafka.common.serialization.Serde;

/**
 * The serdes of the topology: Avro (Confluent wire format) for the two contracts it reads and for dead letters
 * kept in a store, JSON for the dashboard's own aggregates.
 */
public record DashboardSerdes(Serde<SyncCompleted> completions, Serde<DeadLetter> deadLetters) {

    public static DashboardSerdes using(SchemaRegistryClient registry, boolean autoRegister) {
        return new DashboardSerdes(new AvroSerde<>(registry, autoRegister, SyncCompleted.class, false),
                new AvroSerde<>(registry, autoRegister, DeadLetter.class, false));
    }

    public Serde<Outcome> outcome() {
        return new JsonSerde<>(Outcome.class);
    }

    public Serde<FlowStats> flowStats() {
        return new JsonSerde<>(FlowStats.class);
    }

    public Serde<RecordLineage> lineage() {
        return new JsonSerde<>(RecordLineage.class);
    }

    public Serde<TargetLink> targetLink() {
        return new JsonSerde<>(TargetLink.class);
    }

    public Serde<TargetIndex> targetIndex() {
        return new JsonSerde<>(TargetIndex.class);
    }

    public Serde<DeadLetterEntry> deadLetterEntry() {
        return new DeadLetterEntrySerde(deadLetters);
    }
}
