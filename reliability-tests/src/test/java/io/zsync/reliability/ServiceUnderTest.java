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

    /** Starts (again), with crash injection at {@code crashProbability} at every crash point (0 = off). */
    ServiceUnderTest start(double crashProbability) {
        Map<String, String> properties = new HashMap<>(ZohoStack.get().serviceProperties());
        properties.putAll(extra);
        if (crashProbability > 0) {
            properties.put("zsync.crash.points", "before-target-write,after-target-write,before-commit");
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
