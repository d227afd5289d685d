package io.zsync.reliability;

import io.zsync.stack.AppProcess;
import io.zsync.stack.Ports;
import io.zsync.stack.StackException;
import io.zsync.sync.it.ZohoStack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sync service run as a real process against the test broker, registry and sandbox, restartable after a
 * SIGKILL or an injected crash, each start with its own log file.
 */
final class ServiceUnderTest implements AutoCloseable {

    /** What {@code io.zsync.sync.engine.CrashPoints} logs right before it halts the JVM. */
    private static final Pattern CRASH = Pattern.compile("CRASH injected at (\\S+)");

    static final String SERVICE_PROPERTY = "reliability.service.property.";

    private final String module;
    private final String mainClass;
    private final Map<String, String> extra;
    private AppProcess process;
    private Path log;
    private int starts;

    ServiceUnderTest(String module, String mainClass, Map<String, String> extra) {
        this.module = module;
        this.mainClass = mainClass;
        this.extra = extra;
    }

    /** Every crash point of the runtime and the flows. */
    static final String ALL_POINTS = "before-target-write,after-target-write,before-commit";

    /** Starts (again), with crash injection at {@code crashProbability} at every crash point (0 = off). */
    ServiceUnderTest start(double crashProbability) {
        return start(ALL_POINTS, crashProbability);
    }

    /**
     * Starts (again), halting at {@code points} (comma-separated) with {@code crashProbability} (0 = off). A
     * restarted service picks up the batch its last life left at once, so it may halt before it answers its health
     * check: then it returns with the service not {@link #alive()}, and {@link #crashPoint()} says where.
     */
    ServiceUnderTest start(String points, double crashProbability) {
        Map<String, String> properties = new HashMap<>(ZohoStack.get().serviceProperties());
        // A halted member keeps its partitions until its session times out (45 s by default): the restarted
        // service waits that long for its first batch. 6 s (the broker's minimum) keeps a crash cycle short.
        properties.put("kafka.session.timeout.ms", "6000");
        properties.put("kafka.heartbeat.interval.ms", "2000");
        properties.putAll(extra);
        // -Dreliability.service.property.<service property>=<value>, for every service under test (the long profile)
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith(SERVICE_PROPERTY))
                .forEach(k -> properties.put(k.substring(SERVICE_PROPERTY.length()), System.getProperty(k)));
        if (crashProbability > 0) {
            properties.put("zsync.crash.points", points);
            properties.put("zsync.crash.probability", String.valueOf(crashProbability));
        }
        starts++;
        process = null;
        log = Path.of("target", "reliability-logs", module + "-" + starts + ".log");
        try {
            Files.deleteIfExists(log); // the process appends to it, and a crash line of an earlier run must not count
        } catch (IOException e) {
            throw new IllegalStateException("cannot remove " + log, e);
        }
        try {
            // with the module's class-data archive, as ./zsync up runs it: a restart costs about half the JVM start
            process = AppProcess.start(module, AppProcess.repositoryRoot().resolve(module), mainClass, Ports.free(),
                    properties, log, Duration.ofSeconds(90), true);
        } catch (StackException e) {
            if (crashPoint().isEmpty()) {
                throw e;
            }
        }
        return this;
    }

    /**
     * One clean life, started and stopped without crash injection, so the module's class-data archive is recorded
     * (a JVM that halts never writes one) and every crashed life after it starts from the archive.
     */
    void prime() {
        start(0);
        close();
    }

    boolean alive() {
        return process != null && process.process().isAlive();
    }

    /** The crash point this life halted at, read from its log; empty while it runs or when it died otherwise. */
    Optional<String> crashPoint() {
        if (alive() || log == null || !Files.isRegularFile(log)) {
            return Optional.empty();
        }
        try {
            Matcher crash = CRASH.matcher(Files.readString(log));
            return crash.find() ? Optional.of(crash.group(1)) : Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + log, e);
        }
    }

    /** The last lines of this life's log, for failure messages. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    void kill() {
        process.kill();
    }

    int starts() {
        return starts;
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }
}
