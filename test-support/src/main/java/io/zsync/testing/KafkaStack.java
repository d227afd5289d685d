package io.zsync.testing;

import io.zsync.stack.ApicurioRegistry;
import io.zsync.stack.Ports;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A real Kafka broker and a real Confluent-compatible schema registry for integration tests, one of each
 * per test JVM, started on first use and stopped when the JVM's tests are done.
 *
 * <p>Where they come from, in order:
 * <ol>
 *   <li>{@code KAFKA_BOOTSTRAP_SERVERS} and {@code SCHEMA_REGISTRY_URL}, when both are set (a running stack);</li>
 *   <li>Testcontainers ({@code apache/kafka} and Apicurio's image), when a Docker engine answers;</li>
 *   <li>otherwise an in-process KRaft broker ({@code KafkaClusterTestKit}) and an Apicurio Registry process
 *       from the Maven Central distribution: what runs on machines without Docker, CI included.</li>
 * </ol>
 * Tests see the same two addresses whichever way was taken, so one code path serves all three.
 */
public final class KafkaStack {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaStack.class);
    private static KafkaStack instance;

    /** How the stack was obtained. */
    public enum Mode { EXTERNAL, DOCKER, IN_PROCESS }

    private final Mode mode;
    private final String bootstrapServers;
    private final String schemaRegistryUrl;
    private final AutoCloseable resources;

    private KafkaStack(Mode mode, String bootstrapServers, String schemaRegistryUrl, AutoCloseable resources) {
        this.mode = mode;
        this.bootstrapServers = bootstrapServers;
        this.schemaRegistryUrl = schemaRegistryUrl;
        this.resources = resources;
    }

    /** The JVM's stack, started on first call. */
    public static synchronized KafkaStack get() {
        if (instance == null) {
            instance = start(System.getenv("KAFKA_BOOTSTRAP_SERVERS"), System.getenv("SCHEMA_REGISTRY_URL"));
            Runtime.getRuntime().addShutdownHook(new Thread(KafkaStack::shutdown, "kafka-stack-stop"));
        }
        return instance;
    }

    /** Stops the JVM's stack, if one was started. Idempotent. */
    public static synchronized void shutdown() {
        if (instance != null) {
            try {
                instance.resources.close();
            } catch (Exception e) {
                LOG.warn("stopping the test Kafka stack failed: {}", e.toString());
            }
            instance = null;
        }
    }

    public Mode mode() {
        return mode;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The Confluent-compatible API root, for {@code schema.registry.url}. */
    public String schemaRegistryUrl() {
        return schemaRegistryUrl;
    }

    /** Application properties that point a Micronaut service at this stack. */
    public Map<String, String> micronautProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("kafka.bootstrap.servers", bootstrapServers);
        properties.put("zsync.schema-registry.url", schemaRegistryUrl);
        return properties;
    }

    private static KafkaStack start(String externalKafka, String externalRegistry) {
        if (notBlank(externalKafka) && notBlank(externalRegistry)) {
            LOG.info("Test Kafka stack: external broker {} and registry {}", externalKafka, externalRegistry);
            return new KafkaStack(Mode.EXTERNAL, externalKafka, externalRegistry, () -> { });
        }
        if (dockerAnswers()) {
            return startInDocker();
        }
        return startInProcess();
    }

    private static boolean dockerAnswers() {
        if ("false".equalsIgnoreCase(System.getProperty("zsync.test.docker", "auto"))) {
            return false;
        }
        // Ask Testcontainers only where an engine could be: it logs an error for every failed probe.
        boolean socket = Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"));
        if (!socket && !notBlank(System.getenv("DOCKER_HOST"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static KafkaStack startInDocker() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
        kafka.start();
        GenericContainer<?> registry = new GenericContainer<>("apicurio/apicurio-registry-mem:2.6.13.Final")
                .withExposedPorts(8080)
                .waitingFor(Wait.forHttp(ApicurioRegistry.CCOMPAT_PATH + "/subjects").forStatusCode(200));
        registry.start();
        String url = "http://" + registry.getHost() + ":" + registry.getMappedPort(8080) + ApicurioRegistry.CCOMPAT_PATH;
        LOG.info("Test Kafka stack: Docker broker {} and registry {}", kafka.getBootstrapServers(), url);
        return new KafkaStack(Mode.DOCKER, kafka.getBootstrapServers(), url, () -> {
            registry.stop();
            kafka.stop();
        });
    }

    private static KafkaStack startInProcess() {
        long t0 = System.nanoTime();
        KafkaClusterTestKit cluster;
        try {
            cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                    .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    // as the local stack's broker: a transaction left open by a killed process is aborted within
                    // a second of its timeout (the default sweep is every 10 s)
                    .setConfigProp("transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            throw new IllegalStateException("the in-process Kafka broker did not start: " + e.getMessage(), e);
        }
        ApicurioRegistry registry;
        try {
            Path logs = Files.createDirectories(Path.of("target", "test-stack"));
            registry = ApicurioRegistry.start(Ports.free(), logs.resolve("registry-" + ProcessHandle.current().pid() + ".log"));
        } catch (Exception e) {
            closeQuietly(cluster);
            throw new IllegalStateException("the schema registry did not start: " + e.getMessage(), e);
        }
        LOG.info("Test Kafka stack: in-process KRaft broker {} and Apicurio Registry {} ready in {} ms",
                cluster.bootstrapServers(), registry.url(), (System.nanoTime() - t0) / 1_000_000);
        return new KafkaStack(Mode.IN_PROCESS, cluster.bootstrapServers(), registry.url(), () -> {
            registry.close();
            cluster.close();
        });
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already failing; the original error is what matters
        }
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
