package io.zsync.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An application module of this repository (the sandbox, the gateway, a service) run as a real process from
 * its build output: {@code target/classes} plus the runtime classpath the build recorded in
 * {@code target/classpath.txt}. Configuration is passed as system properties, which Micronaut reads ahead
 * of {@code application.yml}. Used by {@code ./zsync up} and by tests that must kill a real process.
 */
public final class AppProcess implements AutoCloseable {

    private final String name;
    private final int port;
    private final ManagedProcess process;
    private static final Duration GRACE = Duration.ofSeconds(15);
    private static final Duration RECORDING_GRACE = Duration.ofSeconds(90);

    private final ClassDataArchive classes;

    private AppProcess(String name, int port, ManagedProcess process, ClassDataArchive classes) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.classes = classes;
    }

    /**
     * Starts {@code mainClass} of the module in {@code moduleDir} on {@code port}, with {@code properties}
     * as system properties, and waits until its health endpoint (or, without one, its port) answers.
     */
    public static AppProcess start(String name, Path moduleDir, String mainClass, int port, Map<String, String> properties,
                                   Path logFile, Duration timeout) {
        return start(name, moduleDir, mainClass, port, properties, logFile, timeout, false);
    }

    /**
     * As {@link #start(String, Path, String, int, Map, Path, Duration)}; with {@code shareClasses}, from the module's
     * jar with its class-data sharing archive ({@link ClassDataArchive}) when the build has one, recorded otherwise.
     */
    public static AppProcess start(String name, Path moduleDir, String mainClass, int port, Map<String, String> properties,
                                   Path logFile, Duration timeout, boolean shareClasses) {
        Ports.requireFree(port, name);
        ClassDataArchive classes = shareClasses ? ClassDataArchive.of(moduleDir).orElse(null) : null;
        List<String> command = new ArrayList<>(List.of(ManagedProcess.currentJava()));
        command.addAll(ManagedProcess.javaMemory("256m"));
        command.addAll(Jit.current().jvmOptions());
        command.addAll(List.of("-Dmicronaut.server.port=" + port, "-Dmicronaut.server.host=127.0.0.1"));
        if (classes != null) {
            command.addAll(classes.jvmOptions());
        }
        new TreeMap<>(properties).forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-cp", classes != null ? classes.classpath() : classpath(moduleDir), mainClass));
        ManagedProcess process = new ManagedProcess(name, command, logFile).start();
        AppProcess app = new AppProcess(name, port, process, classes);
        try {
            process.awaitReady(app::answers, timeout);
        } catch (RuntimeException e) {
            app.kill();
            throw e;
        }
        return app;
    }

    /** The module's classes and its recorded runtime classpath; fails with what to build when missing. */
    public static String classpath(Path moduleDir) {
        Path classes = moduleDir.resolve("target/classes");
        Path recorded = moduleDir.resolve("target/classpath.txt");
        if (!Files.isDirectory(classes) || !Files.isRegularFile(recorded)) {
            throw new StackException(moduleDir.getFileName() + " is not built; run ./mvnw -B package -DskipTests -pl "
                    + moduleDir.getFileName() + " -am");
        }
        try {
            return classes.toAbsolutePath() + java.io.File.pathSeparator + Files.readString(recorded).trim();
        } catch (IOException e) {
            throw new StackException("cannot read " + recorded + ": " + e.getMessage(), e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public String name() {
        return name;
    }

    public ManagedProcess process() {
        return process;
    }

    /** SIGKILL. */
    public void kill() {
        process.kill();
        if (classes != null) {
            classes.keep(false);
        }
    }

    @Override
    public void close() {
        // A process writing its class-data archive needs more than the usual grace: the whole stack stops at once,
        // and eight archives written together on two cores took longer than 15 s, so SIGKILL dropped every one.
        process.stop(classes != null && classes.records() ? RECORDING_GRACE : GRACE);
        if (classes != null) {
            classes.keep(process.exitedCleanly());
        }
    }

    private boolean answers() {
        try {
            HttpResponse<Void> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url() + "/health")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            // 200 UP; 503 from a health endpoint still means the server is serving (a dependency is down)
            return health.statusCode() < 500 || health.statusCode() == 503;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The repository root, found from the working directory (a module folder in tests, the root for ./zsync). */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.exists(dir.resolve("mvnw")) && Files.exists(dir.resolve("local-stack")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new StackException("cannot find the repository root above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
