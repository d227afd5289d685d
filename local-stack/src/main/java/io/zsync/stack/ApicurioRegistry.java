package io.zsync.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Apicurio Registry (in-memory storage) as a local process, speaking the Confluent Schema Registry API under
 * {@code /apis/ccompat/v7}. It runs from the {@code apicurio-registry-app} distribution on Maven Central
 * (no Docker needed); version 2.6.x runs on Java 17. On start it sets the global compatibility rule to
 * BACKWARD, the rule our schemas evolve under.
 */
public final class ApicurioRegistry implements AutoCloseable {

    /** Path of the Confluent-compatible API below the registry's root URL. */
    public static final String CCOMPAT_PATH = "/apis/ccompat/v7";

    private final int port;
    private final ManagedProcess process;

    private ApicurioRegistry(int port, ManagedProcess process) {
        this.port = port;
        this.process = process;
    }

    /** Starts the registry on {@code port}, logging to {@code logFile}, and waits until it answers. */
    public static ApicurioRegistry start(int port, Path logFile) {
        Ports.requireFree(port, "schema registry");
        Path runner = runnerJar();
        List<String> command = new ArrayList<>(List.of(ManagedProcess.currentJava()));
        command.addAll(ManagedProcess.javaMemory("256m"));
        command.addAll(List.of("-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                "-Dquarkus.log.level=WARN", "-Dquarkus.banner.enabled=false",
                "-jar", runner.toString()));
        ManagedProcess process = new ManagedProcess("schema registry", command, logFile).start();
        ApicurioRegistry registry = new ApicurioRegistry(port, process);
        try {
            process.awaitReady(registry::answers, Duration.ofSeconds(90));
            registry.setGlobalCompatibility("BACKWARD");
        } catch (RuntimeException e) {
            process.kill();
            throw e;
        }
        return registry;
    }

    /** The Confluent-compatible API root, the value for {@code schema.registry.url}. */
    public String url() {
        return urlFor(port);
    }

    public static String urlFor(int port) {
        return "http://127.0.0.1:" + port + CCOMPAT_PATH;
    }

    public ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(10));
    }

    /** True when the registry's Confluent-compatible API answers on {@code port}. */
    public static boolean answersOn(int port) {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(urlFor(port) + "/subjects")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean answers() {
        return answersOn(port);
    }

    private void setGlobalCompatibility(String level) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url() + "/config"))
                            .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                            .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"" + level + "\"}"))
                            .timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new StackException("schema registry refused compatibility " + level + ": "
                        + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new StackException("schema registry unreachable while configuring it: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while configuring the schema registry", e);
        }
    }

    /**
     * The runnable jar of the distribution, unpacked once into {@code ~/.cache/zsync} from the archive that
     * the build fetched into the local Maven repository.
     */
    static synchronized Path runnerJar() {
        String version = StackProperties.get("apicurio.version");
        Path archive = Path.of(StackProperties.get("apicurio.archive"));
        Path home = Path.of(System.getProperty("user.home"), ".cache", "zsync", "apicurio-" + version);
        if (!Files.isDirectory(home)) {
            if (!Files.isRegularFile(archive)) {
                throw new StackException("Apicurio Registry " + version + " is not downloaded yet (expected "
                        + archive + "); run ./mvnw -pl local-stack package once");
            }
            unpack(archive, home);
        }
        try (Stream<Path> files = Files.walk(home)) {
            return files.filter(p -> p.getFileName().toString().endsWith("-runner.jar")
                            || p.getFileName().toString().equals("quarkus-run.jar"))
                    .findFirst()
                    .orElseThrow(() -> new StackException("no runnable jar in " + home + "; delete it to unpack again"));
        } catch (IOException e) {
            throw new StackException("cannot read " + home + ": " + e.getMessage(), e);
        }
    }

    private static void unpack(Path archive, Path home) {
        try {
            Files.createDirectories(home.getParent());
            Path staging = Files.createTempDirectory(home.getParent(), "unpack-");
            // tar is on every Linux and macOS machine this runs on; the JDK has no tar.gz reader.
            Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", staging.toString())
                    .redirectErrorStream(true).start();
            if (!tar.waitFor(5, TimeUnit.MINUTES) || tar.exitValue() != 0) {
                throw new StackException("could not unpack " + archive + ": "
                        + new String(tar.getInputStream().readAllBytes()));
            }
            try {
                Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                if (!Files.isDirectory(home)) {
                    throw raced;
                }
            }
        } catch (IOException e) {
            throw new StackException("could not unpack " + archive + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while unpacking " + archive, e);
        }
    }
}
