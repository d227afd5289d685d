package io.zsync.stack;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./zsync up}: runs the whole system locally, each part a separate process on a loopback port, waits
 * until each answers, wires the sandbox's webhooks to the gateway, prints the URLs, writes the connection
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
            description = "Start the broker, the registry, the Zoho sandbox, the gateway, every service and the "
                    + "dashboard, and keep them running until Ctrl-C.")
    static final class Up implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--home", defaultValue = ".zsync", description = "Folder for logs, data and stack.env (default: ${DEFAULT-VALUE}).")
        Path home;

        @Option(names = "--demo", description = "Seed records and drive every integration pattern once.")
        boolean demo;

        @Option(names = "--infra-only", description = "Start only the Kafka broker and the schema registry.")
        boolean infraOnly;

        @Option(names = "--jit", defaultValue = "${env:" + Jit.ENV + ":-quick}",
                description = "quick: applications run only the C1 compiler (start sooner, stay smaller); full: C1 and C2, "
                        + "as in production, for load runs (default: ${DEFAULT-VALUE}, from " + Jit.ENV + " when set).")
        String jit;

        @Option(names = "--kafka-port", defaultValue = "9092", description = "Broker port (default: ${DEFAULT-VALUE}).")
        int kafkaPort;

        @Option(names = "--registry-port", defaultValue = "8081", description = "Schema registry port (default: ${DEFAULT-VALUE}).")
        int registryPort;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            if (Runtime.version().feature() < 17) {
                spec.commandLine().getErr().println("zsync up: Java 17 or newer is needed; this is Java " + Runtime.version());
                return 1;
            }
            CountDownLatch stopped = new CountDownLatch(1);
            AutoCloseable[] running = new AutoCloseable[1];
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                out.println("stopping ...");
                out.flush();
                closeQuietly(running[0]);
                stopped.countDown();
            }, "zsync-stop"));
            try {
                // read by every application process the stack starts (AppProcess)
                System.setProperty(Jit.PROPERTY, Jit.parse(jit).name().toLowerCase(java.util.Locale.ROOT));
                Stack.Ports defaults = Stack.Ports.defaults();
                Stack.Ports ports = new Stack.Ports(kafkaPort, defaults.controller(), registryPort, defaults.smtp(), defaults.apps());
                String env;
                if (infraOnly) {
                    Infra infra = Infra.start(home, ports, (what, state) -> progress(out, what, state));
                    running[0] = infra;
                    env = infra.env();
                } else {
                    Stack stack = Stack.start(home, ports, (what, state) -> progress(out, what, state));
                    running[0] = stack;
                    env = "KAFKA_BOOTSTRAP_SERVERS=" + stack.bootstrapServers() + "\n"
                            + "SCHEMA_REGISTRY_URL=" + stack.schemaRegistryUrl() + "\n";
                    printUrls(out, stack);
                    if (demo) {
                        List<Demo.Outcome> outcomes = new Demo(stack.sandbox(), stack.mail(), Duration.ofSeconds(120),
                                (what, state) -> progress(out, what, state)).run();
                        long done = outcomes.stream().filter(Demo.Outcome::done).count();
                        out.printf("%n  demo: %d of %d patterns done; the dashboard shows their completions.%n", done, outcomes.size());
                    }
                }
                Path envFile = home.resolve("stack.env");
                Files.writeString(envFile, env);
                out.println();
                out.println("Everything is up. Logs: " + home.resolve("logs").toAbsolutePath() + "  Settings: " + envFile.toAbsolutePath());
                out.println("Press Ctrl-C to stop.");
                out.flush();
            } catch (StackException | IOException e) {
                spec.commandLine().getErr().println("zsync up failed: " + e.getMessage());
                closeQuietly(running[0]);
                return 1;
            }
            stopped.await();
            return 0;
        }

        private static void printUrls(PrintWriter out, Stack stack) {
            out.println();
            out.printf("  %-18s %s%n", "dashboard", stack.app("ops-dashboard").url() + "/");
            out.printf("  %-18s %s%n", "gateway", stack.app("webhook-gateway").url() + "/webhooks/...");
            out.printf("  %-18s %s%n", "sandbox admin", stack.app("zoho-sandbox").url() + "/_sandbox/calls");
            out.printf("  %-18s %s%n", "schema registry", stack.schemaRegistryUrl());
            out.printf("  %-18s %s%n", "Kafka", stack.bootstrapServers());
        }

        private static void progress(PrintWriter out, String what, String state) {
            out.printf("  %-22s %s%n", what, state);
            out.flush();
        }

        private static void closeQuietly(AutoCloseable closeable) {
            if (closeable == null) {
                return;
            }
            try {
                closeable.close();
            } catch (Exception e) {
                // stopping anyway
            }
        }
    }

    /** Only the broker and the registry, for running services from an IDE against real infrastructure. */
    record Infra(KafkaBroker broker, ApicurioRegistry registry) implements AutoCloseable {

        static Infra start(Path home, Stack.Ports ports, java.util.function.BiConsumer<String, String> progress) {
            Ports.requireFree(ports.kafka(), "Kafka broker");
            Ports.requireFree(ports.controller(), "Kafka controller");
            Ports.requireFree(ports.registry(), "schema registry");
            progress.accept("Kafka broker", "starting");
            KafkaBroker broker = KafkaBroker.start(ports.kafka(), ports.controller(), Stack.fresh(home.resolve("kafka")),
                    home.resolve("logs/kafka.log"));
            progress.accept("Kafka broker", "ready at " + broker.bootstrapServers());
            try {
                progress.accept("schema registry", "starting");
                ApicurioRegistry registry = ApicurioRegistry.start(ports.registry(), home.resolve("logs/registry.log"));
                progress.accept("schema registry", "ready at " + registry.url());
                return new Infra(broker, registry);
            } catch (RuntimeException e) {
                broker.close();
                throw e;
            }
        }

        String env() {
            return "KAFKA_BOOTSTRAP_SERVERS=" + broker.bootstrapServers() + "\nSCHEMA_REGISTRY_URL=" + registry.url() + "\n";
        }

        @Override
        public void close() {
            registry.close();
            broker.close();
        }
    }
}
