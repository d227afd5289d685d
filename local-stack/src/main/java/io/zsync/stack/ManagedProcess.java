package io.zsync.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A child process of the local stack: started with its output in one log file, waited on until a readiness
 * probe passes, and stopped (gracefully, then forcibly). Killing it with {@link #kill()} is a real
 * SIGKILL, for tests that prove nothing is lost when a process dies.
 */
public final class ManagedProcess implements AutoCloseable {

    private final String name;
    private final List<String> command;
    private final Path logFile;
    private Process process;

    public ManagedProcess(String name, List<String> command, Path logFile) {
        this.name = name;
        this.command = List.copyOf(command);
        this.logFile = logFile;
    }

    public ManagedProcess start() {
        if (isAlive()) {
            return this;
        }
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            // glibc gives every thread that allocates its own 64 MB malloc arena; two are plenty for a JVM,
            // whose own allocations mostly happen in the heap (about 25 MB less resident in the dashboard)
            builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
            process = builder.start();
            return this;
        } catch (IOException e) {
            throw new StackException(name + " could not be started: " + e.getMessage(), e);
        }
    }

    /** Waits until {@code ready} holds, failing early (with the log's tail) if the process dies first. */
    public void awaitReady(BooleanSupplier ready, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!isAlive()) {
                throw new StackException(name + " exited with code " + process.exitValue()
                        + " before it was ready; last lines of " + logFile + ":\n" + tail(20));
            }
            if (ready.getAsBoolean()) {
                return;
            }
            try {
                process.waitFor(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("interrupted while waiting for " + name, e);
            }
        }
        throw new StackException(name + " was not ready within " + timeout.toSeconds() + " s; last lines of "
                + logFile + ":\n" + tail(20));
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process == null ? -1 : process.pid();
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }

    /** SIGKILL: no shutdown hooks, no flush; what a crash looks like. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitForExit(Duration.ofSeconds(30));
        }
    }

    /** Whether the process has ended on its own or on SIGTERM, not on SIGKILL. */
    public boolean exitedCleanly() {
        return process != null && !process.isAlive() && process.exitValue() != 128 + 9;
    }

    /** SIGTERM, then SIGKILL after {@code grace}. */
    public void stop(Duration grace) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!waitForExit(grace)) {
            kill();
        }
    }

    private boolean waitForExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(15));
    }

    String tail(int lines) {
        return tailOf(logFile, lines);
    }

    /** The last {@code lines} lines of a log file, for an error message. */
    static String tailOf(Path logFile, int lines) {
        try {
            List<String> all = Files.readAllLines(logFile);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log not readable: " + e.getMessage() + ")";
        }
    }

    /**
     * Memory options of every Java process of the stack: the serial collector (one or two cores, small heaps),
     * at most {@code maxHeap}, and a small initial heap that grows on demand. Without {@code -Xms} the JVM starts
     * with 1/64 of the machine's memory (256 MB and more here), and an idle service keeps its whole young
     * generation resident; from 32 MB the services sit at about 150 MB instead of 190 (docs/benchmarks.md).
     */
    static List<String> javaMemory(String maxHeap) {
        return List.of("-Xms32m", "-Xmx" + maxHeap, "-XX:+UseSerialGC");
    }

    /** The java executable of the running JVM, so children run on the same JDK. */
    static String currentJava() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
