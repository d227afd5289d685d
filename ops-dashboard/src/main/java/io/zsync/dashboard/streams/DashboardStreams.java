package io.zsync.dashboard.streams;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.naming.conventions.StringConvention;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.zsync.dashboard.DashboardProperties;
import io.zsync.kafka.SchemaRegistryConfiguration;
import io.zsync.kafka.TopicInitializer;
import io.zsync.schemas.serde.SchemaRegistryClient;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The dashboard's Kafka Streams application, built and started once the HTTP server is up.
 *
 * <p>micronaut-kafka-streams builds its {@code KafkaStreams} as a context bean, on the main thread before the
 * server starts: a profile of the dashboard's start put about a quarter of it there, which kept the process
 * over its 3 s time-to-ready target. Here the server answers first (its health reports UNKNOWN until the stores
 * are queryable, as it did while Streams restored them, and DOWN if the application fails to start or dies), and
 * the topology is built and started on a thread of its own. Settings are read from the same keys as before:
 * every {@code kafka.streams.default.*} entry, over {@code kafka.bootstrap.servers} and the client security
 * settings under {@code kafka.*}.
 */
@Singleton
public class DashboardStreams implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardStreams.class);
    static final String STREAMS_PREFIX = "kafka.streams.default";
    /** Our own key under {@link #STREAMS_PREFIX}, not a Kafka Streams setting. */
    static final String CLOSE_TIMEOUT = "close-timeout";
    /** Client settings shared by every Kafka client of the process (connection and authentication). */
    private static final String[] SHARED_PREFIXES = {"security.", "sasl.", "ssl."};

    private final Environment environment;
    private final SchemaRegistryClient registry;
    private final SchemaRegistryConfiguration registryConfiguration;
    private final DashboardProperties properties;
    private final Duration closeTimeout;
    private volatile KafkaStreams streams;
    private volatile Throwable startFailure;
    private volatile boolean closed;

    /**
     * @param topicsCreatedFirst taken so that the source topics exist before Kafka Streams subscribes to them
     */
    public DashboardStreams(Environment environment, SchemaRegistryClient registry,
                            SchemaRegistryConfiguration registryConfiguration, DashboardProperties properties,
                            @Value("${" + STREAMS_PREFIX + "." + CLOSE_TIMEOUT + ":10s}") Duration closeTimeout,
                            @Nullable TopicInitializer topicsCreatedFirst) {
        this.environment = environment;
        this.registry = registry;
        this.registryConfiguration = registryConfiguration;
        this.properties = properties;
        this.closeTimeout = closeTimeout;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        Thread starter = new Thread(this::start, "dashboard-streams-start");
        starter.setDaemon(true);
        starter.start();
    }

    synchronized void start() {
        if (closed || streams != null || startFailure != null) {
            return;
        }
        KafkaStreams created = null;
        try {
            StreamsBuilder builder = new StreamsBuilder();
            DashboardTopology.define(builder, DashboardSerdes.using(registry, registryConfiguration.autoRegister()),
                    properties.topologyOptions());
            Properties config = config();
            created = new KafkaStreams(builder.build(config), config);
            created.start();
            streams = created;
            LOG.info("Kafka Streams application {} started", config.getProperty(StreamsConfig.APPLICATION_ID_CONFIG));
        } catch (RuntimeException e) {
            startFailure = e;
            LOG.error("the dashboard's Kafka Streams application could not start; its health is DOWN until it is "
                    + "restarted: {}", e.toString(), e);
            if (created != null) {
                // built but not started: its clients (admin, producers, consumers) hold connections and threads
                created.close(Duration.ZERO);
            }
        }
    }

    /** The running application; empty while it is being built (the first second or so) or if it failed to start. */
    public Optional<KafkaStreams> streams() {
        return Optional.ofNullable(streams);
    }

    /** Why the application could not start, if it could not. */
    public Optional<Throwable> startFailure() {
        return Optional.ofNullable(startFailure);
    }

    Properties config() {
        Properties config = new Properties();
        Map<String, Object> kafka = environment.getProperties("kafka", StringConvention.RAW);
        kafka.forEach((key, value) -> {
            for (String prefix : SHARED_PREFIXES) {
                if (key.startsWith(prefix) && value != null) {
                    config.put(key, value.toString());
                }
            }
        });
        environment.getProperty("kafka.bootstrap.servers", String.class)
                .ifPresent(servers -> config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, servers));
        environment.getProperties(STREAMS_PREFIX, StringConvention.RAW).forEach((key, value) -> {
            if (value != null && !CLOSE_TIMEOUT.equals(key)) {
                config.put(key, value.toString());
            }
        });
        return config;
    }

    @PreDestroy
    synchronized void close() {
        closed = true;
        if (streams != null) {
            if (!streams.close(closeTimeout)) {
                LOG.warn("Kafka Streams did not stop within {}", closeTimeout);
            }
        }
    }
}
