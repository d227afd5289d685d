package io.zsync.dashboard.streams;

import io.zsync.contract.DeadLetter;
import io.zsync.contract.SyncCompleted;
import io.zsync.dashboard.domain.DeadLetterEntry;
import io.zsync.dashboard.domain.FlowStats;
import io.zsync.dashboard.domain.RecordLineage;
import io.zsync.dashboard.domain.TargetIndex;
import io.zsync.dashboard.query.DashboardReader;
import io.zsync.dashboard.query.StoreAccess;
import io.zsync.schemas.Topics;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The dashboard topology in a {@link TopologyTestDriver}, with input topics for both outcome topics and the stores
 * readable directly or through a {@link DashboardReader} (the same reader the application uses).
 */
public final class TopologyHarness implements AutoCloseable {

    public final TopologyTestDriver driver;
    private final java.nio.file.Path stateDir;
    public final TestInputTopic<String, SyncCompleted> completions;
    public final TestInputTopic<String, DeadLetter> deadLetters;
    public final DashboardReader reader;

    public TopologyHarness() {
        this(TopologyOptions.defaults());
    }

    public TopologyHarness(TopologyOptions options) {
        DashboardSerdes serdes = DashboardSerdes.using(new InMemorySchemaRegistry(), true);
        StreamsBuilder builder = new StreamsBuilder();
        DashboardTopology.define(builder, serdes, options);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dashboard-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try {
            stateDir = Files.createTempDirectory("dashboard-test");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(builder.build(), props);
        completions = driver.createInputTopic(Topics.SYNC_COMPLETIONS.name(), new StringSerializer(),
                serdes.completions().serializer());
        deadLetters = driver.createInputTopic(Topics.SYNC_DEADLETTERS.name(), new StringSerializer(),
                serdes.deadLetters().serializer());
        reader = new DashboardReader(new StoreAccess() {
            @Override
            public ReadOnlyWindowStore<String, FlowStats> flowMinutes() {
                return driver.getWindowStore(DashboardStores.FLOW_MINUTES);
            }

            @Override
            public ReadOnlyKeyValueStore<String, RecordLineage> lineage() {
                return driver.getKeyValueStore(DashboardStores.LINEAGE);
            }

            @Override
            public ReadOnlyKeyValueStore<String, TargetIndex> targetIndex() {
                return driver.getKeyValueStore(DashboardStores.TARGET_INDEX);
            }

            @Override
            public ReadOnlyKeyValueStore<String, DeadLetterEntry> deadLetters() {
                return driver.getKeyValueStore(DashboardStores.DEAD_LETTERS);
            }

            @Override
            public ReadOnlyKeyValueStore<String, Long> deadLetterCounts() {
                return driver.getKeyValueStore(DashboardStores.DEAD_LETTER_COUNTS);
            }
        });
    }

    public KeyValueStore<String, DeadLetterEntry> deadLetterStore() {
        return driver.getKeyValueStore(DashboardStores.DEAD_LETTERS);
    }

    public KeyValueStore<String, RecordLineage> lineageStore() {
        return driver.getKeyValueStore(DashboardStores.LINEAGE);
    }

    @Override
    public void close() {
        driver.close();
        // the driver empties its application's directory but leaves the temporary one: one per test otherwise
        try (var files = Files.walk(stateDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
