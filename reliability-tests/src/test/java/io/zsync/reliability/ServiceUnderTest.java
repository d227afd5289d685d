package io.zsync.reliability;

import io.zsync.stack.AppProcess;
import io.zsync.stack.Ports;
import io.zsync.sync.it.ZohoStack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A sync service run as a real process against the test broker, registry and sandbox, restartable after a
 * SIGKILL or an injected crash, each start with its own log file.
 */
final class ServiceUnderTest implements AutoCloseable {

    private final String module;
    private final String mainClass;
    private final Map<String, String> extra;
    private AppProcess process;
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

    /** Starts (again), halting at {@code points} (comma-separated) with {@code crashProbability} (0 = off). */
    ServiceUnderTest start(String points, double crashProbability) {
        Map<String, String> properties = new HashMap<>(ZohoStack.get().serviceProperties());
        // A halted member keeps its partitions until its session times out (45 s by default): the restarted
        // service waits that long for its first batch. 6 s (the broker's minimum) keeps a crash cycle short.
        properties.put("kafka.session.timeout.ms", "6000");
        properties.put("kafka.heartbeat.interval.ms", "2000");
        properties.putAll(extra);
        if (crashProbability > 0) {
            properties.put("zsync.crash.points", points);
            properties.put("zsync.crash.probability", String.valueOf(crashProbability));
        }
        starts++;
        process = AppProcess.start(module, AppProcess.repositoryRoot().resolve(module), mainClass, Ports.free(), properties,
                Path.of("target", "reliability-logs", module + "-" + starts + ".log"), Duration.ofSeconds(90));
        return this;
    }

    boolean alive() {
        return process != null && process.process().isAlive();
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
