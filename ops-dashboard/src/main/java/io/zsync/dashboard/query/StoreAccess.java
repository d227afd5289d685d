package io.zsync.dashboard.query;

import io.zsync.dashboard.domain.DeadLetterEntry;
import io.zsync.dashboard.domain.FlowStats;
import io.zsync.dashboard.domain.RecordLineage;
import io.zsync.dashboard.domain.TargetIndex;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * The dashboard's state stores for reading: served by the running Kafka Streams instance in the application and
 * by {@code TopologyTestDriver} in tests, so the queries are tested without a broker. Each method throws
 * {@link StoresUnavailableException} while the stores are being (re)built.
 */
public interface StoreAccess {

    ReadOnlyWindowStore<String, FlowStats> flowMinutes();

    ReadOnlyKeyValueStore<String, RecordLineage> lineage();

    ReadOnlyKeyValueStore<String, TargetIndex> targetIndex();

    ReadOnlyKeyValueStore<String, DeadLetterEntry> deadLetters();

    ReadOnlyKeyValueStore<String, Long> deadLetterCounts();
}
