package io.zsync.stack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one JVM), run as a separate
 * process from the Apache Kafka jars on this module's classpath. It keeps its data directory across
 * {@link #restart()}, so tests can kill it and bring the same cluster back.
 */
public final class KafkaBroker implements AutoCloseable {

    private final int port;
    private final int controllerPort;
    private final Path dataDir;
    private final Path logFile;
    private final String clusterId;
    private ManagedProcess process;

    private KafkaBroker(int port, int controllerPort, Path dataDir, Path logFile) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.dataDir = dataDir;
        this.logFile = logFile;
        this.clusterId = newClusterId();
    }

    /** Formats a fresh data directory under {@code dataDir} and starts the broker on {@code port}. */
    public static KafkaBroker start(int port, int controllerPort, Path dataDir, Path logFile) {
        Ports.requireFree(port, "Kafka broker");
        Ports.requireFree(controllerPort, "Kafka controller");
        KafkaBroker broker = new KafkaBroker(port, controllerPort, dataDir, logFile);
        broker.format();
        broker.launch();
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public ManagedProcess process() {
        return process;
    }

    /** SIGKILL the broker JVM: a crash, not a shutdown. */
    public void kill() {
        process.kill();
    }

    /** Starts the broker again on the same ports and data after {@link #kill()} or {@link #close()}. */
    public void restart() {
        process.stop(Duration.ofSeconds(30));
        launch();
    }

    @Override
    public void close() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
        }
    }

    private Path propertiesFile() {
        return dataDir.resolve("server.properties");
    }

    private void format() {
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Files.writeString(propertiesFile(), serverProperties());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = javaCommand("512m", "kafka.tools.StorageTool");
        command.addAll(List.of("format", "--ignore-formatted", "-t", clusterId, "-c", propertiesFile().toString()));
        try {
            Process format = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
            if (!format.waitFor(2, TimeUnit.MINUTES) || format.exitValue() != 0) {
                throw new StackException("formatting Kafka storage in " + dataDir + " failed; last lines of " + logFile
                        + ":\n" + ManagedProcess.tailOf(logFile, 20));
            }
        } catch (IOException e) {
            throw new StackException("cannot run the Kafka storage tool: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while formatting Kafka storage", e);
        }
    }

    private void launch() {
        List<String> command = javaCommand("512m", "kafka.Kafka");
        command.add(propertiesFile().toString());
        process = new ManagedProcess("Kafka broker", command, logFile).start();
        try {
            process.awaitReady(this::answers, Duration.ofSeconds(90));
        } catch (RuntimeException e) {
            process.kill();
            throw e;
        }
    }

    private List<String> javaCommand(String heap, String mainClass) {
        List<String> command = new ArrayList<>(List.of(ManagedProcess.currentJava()));
        command.addAll(ManagedProcess.javaMemory(heap));
        command.addAll(List.of("-Dlog4j2.configurationFile=" + log4jConfig(),
                "-cp", System.getProperty("java.class.path"), mainClass));
        return command;
    }

    private String log4jConfig() {
        Path config = dataDir.resolve("log4j2.properties");
        try (var in = KafkaBroker.class.getResourceAsStream("/zsync-broker-log4j2.properties")) {
            if (in != null && !Files.exists(config)) {
                Files.copy(in, config);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return config.toString();
    }

    /** True when the broker answers a metadata request. */
    boolean answers() {
        return answersOn(bootstrapServers());
    }

    public static boolean answersOn(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 1500))) {
            return !admin.describeCluster().nodes().get(1500, TimeUnit.MILLISECONDS).isEmpty();
        } catch (Exception e) {
            // any failure of the probe means "not ready yet"; the caller's deadline bounds the wait
            return false;
        }
    }

    private String serverProperties() {
        String lines = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + dataDir.resolve("data"),
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // a service killed mid-commit holds its readers (the next start's ledger load) until its transaction
                // times out and the broker's next sweep aborts it: sweep every second, not every 10 s
                "transaction.abort.timed.out.transaction.cleanup.interval.ms=1000",
                "auto.create.topics.enable=false",
                "");
        return lines;
    }

    /**
     * A cluster id as {@code kafka-storage random-uuid} makes it: 16 random bytes in URL-safe base64, never starting
     * with {@code -}. One id in 64 made from a plain UUID started with {@code -}, and the storage tool then read
     * {@code -t -…} as an unknown option and refused to format (a CI run's broker failed to start so).
     */
    static String newClusterId() {
        return Uuid.randomUuid().toString();
    }
}
