package io.zsync.stack;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./zsync up}: runs the system's infrastructure on loopback ports as separate processes (a real
 * Kafka broker in KRaft mode and Apicurio Registry), waits until each answers, writes the connection
 * settings to {@code .zsync/stack.env}, and stops everything on Ctrl-C. Logs go to {@code .zsync/logs}.
 */
@Command(name = "zsync", mixinStandardHelpOptions = true, subcommands = {LocalStack.Up.class},
        description = "Runs the zsync integration hub locally.")
public final class LocalStack implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LocalStack()).execute(args));
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    @Command(name = "up", mixinStandardHelpOptions = true,
            description = "Start the Kafka broker and the schema registry, and keep them running until Ctrl-C.")
    static final class Up implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--home", defaultValue = ".zsync", description = "Folder for logs, data and stack.env (default: ${DEFAULT-VALUE}).")
        Path home;

        @Option(names = "--kafka-port", defaultValue = "9092", description = "Broker port (default: ${DEFAULT-VALUE}).")
        int kafkaPort;

        @Option(names = "--controller-port", defaultValue = "9093", description = "KRaft controller port (default: ${DEFAULT-VALUE}).")
        int controllerPort;

        @Option(names = "--registry-port", defaultValue = "8081", description = "Schema registry port (default: ${DEFAULT-VALUE}).")
        int registryPort;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            Runtime.Version version = Runtime.version();
            if (version.feature() < 17) {
                throw new StackException("Java 17 or newer is needed; this is Java " + version);
            }
            Path logs = home.resolve("logs");
            Deque<AutoCloseable> started = new ArrayDeque<>();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                out.println("stopping ...");
                out.flush();
                closeAll(started);
                stopped.countDown();
            }, "zsync-stop"));
            try {
                Ports.requireFree(kafkaPort, "Kafka broker");
                Ports.requireFree(controllerPort, "Kafka controller");
                Ports.requireFree(registryPort, "schema registry");

                long t0 = System.nanoTime();
                progress(out, "Kafka broker", "starting");
                KafkaBroker broker = KafkaBroker.start(kafkaPort, controllerPort,
                        fresh(home.resolve("kafka")), logs.resolve("kafka.log"));
                started.push(broker);
                progress(out, "Kafka broker", "ready at " + broker.bootstrapServers() + seconds(t0));

                long t1 = System.nanoTime();
                progress(out, "schema registry", "starting");
                ApicurioRegistry registry = ApicurioRegistry.start(registryPort, logs.resolve("registry.log"));
                started.push(registry);
                progress(out, "schema registry", "ready at " + registry.url() + seconds(t1));

                Path env = home.resolve("stack.env");
                Files.writeString(env, "KAFKA_BOOTSTRAP_SERVERS=" + broker.bootstrapServers() + "\n"
                        + "SCHEMA_REGISTRY_URL=" + registry.url() + "\n");
                out.println();
                out.println("Everything is up. Logs: " + logs.toAbsolutePath() + "  Settings: " + env.toAbsolutePath());
                out.println("Press Ctrl-C to stop.");
                out.flush();
            } catch (StackException | IOException e) {
                spec.commandLine().getErr().println("zsync up failed: " + e.getMessage());
                closeAll(started);
                return 1;
            }
            stopped.await();
            return 0;
        }

        private static Path fresh(Path dir) {
            try {
                if (Files.exists(dir)) {
                    try (var files = Files.walk(dir)) {
                        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                }
                return Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void closeAll(Deque<AutoCloseable> started) {
            while (!started.isEmpty()) {
                try {
                    started.pop().close();
                } catch (Exception e) {
                    // keep stopping the rest; the process is going away anyway
                }
            }
        }

        private static void progress(PrintWriter out, String what, String state) {
            out.printf("  %-18s %s%n", what, state);
            out.flush();
        }

        private static String seconds(long since) {
            return String.format(" (%.1f s)", Duration.ofNanos(System.nanoTime() - since).toMillis() / 1000.0);
        }
    }
}
