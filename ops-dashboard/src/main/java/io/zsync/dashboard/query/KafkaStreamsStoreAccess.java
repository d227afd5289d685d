package io.zsync.dashboard.query;

import io.zsync.dashboard.domain.DeadLetterEntry;
import io.zsync.dashboard.domain.FlowStats;
import io.zsync.dashboard.domain.RecordLineage;
import io.zsync.dashboard.domain.TargetIndex;
import io.zsync.dashboard.streams.DashboardStores;
import io.zsync.dashboard.streams.DashboardStreams;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/** The running Kafka Streams instance's stores, by interactive query. */
@Singleton
public class KafkaStreamsStoreAccess implements StoreAccess {

    private final DashboardStreams application;

    public KafkaStreamsStoreAccess(DashboardStreams application) {
        this.application = application;
    }

    @Override
    public ReadOnlyWindowStore<String, FlowStats> flowMinutes() {
        return store(DashboardStores.FLOW_MINUTES, QueryableStoreTypes.windowStore());
    }

    @Override
    public ReadOnlyKeyValueStore<String, RecordLineage> lineage() {
        return store(DashboardStores.LINEAGE, QueryableStoreTypes.keyValueStore());
    }

    @Override
    public ReadOnlyKeyValueStore<String, TargetIndex> targetIndex() {
        return store(DashboardStores.TARGET_INDEX, QueryableStoreTypes.keyValueStore());
    }

    @Override
    public ReadOnlyKeyValueStore<String, DeadLetterEntry> deadLetters() {
        return store(DashboardStores.DEAD_LETTERS, QueryableStoreTypes.keyValueStore());
    }

    @Override
    public ReadOnlyKeyValueStore<String, Long> deadLetterCounts() {
        return store(DashboardStores.DEAD_LETTER_COUNTS, QueryableStoreTypes.keyValueStore());
    }

    private <T> T store(String name, QueryableStoreType<T> type) {
        KafkaStreams streams = application.streams().orElseThrow(() -> application.startFailure()
                .map(e -> StoresUnavailableException.failed("the dashboard's state could not start: " + e.getMessage(), e))
                .orElseGet(() -> new StoresUnavailableException(
                        "the dashboard's state is not ready (Kafka Streams is starting); retry shortly", null)));
        KafkaStreams.State state = streams.state();
        if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR
                || state == KafkaStreams.State.NOT_RUNNING || state == KafkaStreams.State.PENDING_SHUTDOWN) {
            // a stream thread died (the default handler then stops the whole client) or the dashboard is stopping
            throw StoresUnavailableException.failed("the dashboard's state is down (Kafka Streams is " + state
                    + "); the dashboard must be restarted, see its log", null);
        }
        if (state != KafkaStreams.State.RUNNING) {
            throw new StoresUnavailableException("the dashboard's state is not ready (Kafka Streams is "
                    + state + "); retry shortly", null);
        }
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(name, type));
        } catch (InvalidStateStoreException e) {
            throw new StoresUnavailableException("store " + name + " is not queryable right now: " + e.getMessage(), e);
        }
    }
}
