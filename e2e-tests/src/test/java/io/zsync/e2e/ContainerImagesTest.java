package io.zsync.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.zsync.stack.AppProcess;
import io.zsync.stack.Stack;
import io.zsync.stack.StackApp;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The container images docker-compose.yml runs, as Jib built them in each application's package phase (the root
 * pom's {@code images} profile, on whenever {@code images/target/base-image.tar} exists; {@code .ci/run} makes it
 * with {@code images/build-base-image.sh}). No Docker engine runs here, so the images are checked as files: each
 * is named and tagged as docker-compose.yml names it, starts its application, exposes its port, runs as the
 * unprivileged user and is built on the base image; and one of them is started the way a container runtime would
 * (its layers unpacked, its own PID and mount namespaces, chroot, its user, its environment and entrypoint).
 */
class ContainerImagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = "10001:10001";

    private static Path root;
    private static Path base;
    private static JsonNode services;

    @BeforeAll
    static void requireTheBaseImage() throws IOException {
        root = AppProcess.repositoryRoot();
        base = root.resolve("images/target/base-image.tar");
        assumeTrue(Files.isRegularFile(base), "no images/target/base-image.tar: the images are built only on it; "
                + "images/build-base-image.sh makes it (as root), .ci/run does so before the tests");
        services = new ObjectMapper(new YAMLFactory()).readTree(root.resolve("docker-compose.yml").toFile()).path("services");
    }

    @Test
    void shouldBuildEveryApplicationsImageAsDockerComposeRunsIt() throws IOException {
        String baseLayer = config(base).path("rootfs").path("diff_ids").path(0).asText();
        assertThat(baseLayer).startsWith("sha256:");
        for (StackApp app : Stack.APPS) {
            Path image = imageOf(app);
            JsonNode manifest = manifest(image);
            assertThat(manifest.path("RepoTags").path(0).asText()).as("tag of %s", app.name())
                    .isEqualTo(services.path(app.name()).path("image").asText());

            JsonNode config = config(image);
            JsonNode container = config.path("config");
            assertThat(strings(container.path("Entrypoint"))).as("entrypoint of %s", app.name())
                    .startsWith("java").endsWith(app.mainClass());
            assertThat(container.path("ExposedPorts").has(app.port() + "/tcp")).as("%s exposes %d", app.name(), app.port()).isTrue();
            assertThat(container.path("User").asText()).as("user of %s", app.name()).isEqualTo(USER);
            assertThat(strings(container.path("Env"))).as("environment of %s", app.name())
                    .anyMatch(e -> e.startsWith("JAVA_HOME=/usr/lib/jvm/java-17-openjdk"));
            assertThat(config.path("rootfs").path("diff_ids").path(0).asText()).as("base layer of %s", app.name())
                    .isEqualTo(baseLayer);
        }
    }

    @Test
    void shouldStartTheSandboxFromItsImageInItsOwnNamespacesAsTheUnprivilegedUser(@TempDir Path unpacked) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "starting an image's root file system needs root (unshare, chroot)");
        StackApp sandbox = Stack.APPS.stream().filter(a -> a.kind() == StackApp.Kind.SANDBOX).findFirst().orElseThrow();
        Path image = imageOf(sandbox);
        Path rootfs = Files.createDirectories(unpacked.resolve("rootfs"));
        Path layers = Files.createDirectories(unpacked.resolve("layers"));
        run("tar", "-xf", image.toString(), "-C", layers.toString());
        for (JsonNode layer : manifest(image).path("Layers")) {
            run("tar", "--warning=no-unknown-keyword", "-xzf", layers.resolve(layer.asText()).toString(), "-C", rootfs.toString());
        }

        JsonNode container = config(image).path("config");
        int port = io.zsync.stack.Ports.free();
        List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--pid", "--fork",
                "--mount-proc=" + rootfs.resolve("proc"), "chroot", "--userspec=" + container.path("User").asText(),
                rootfs.toString(), "/usr/bin/env", "-i"));
        command.addAll(strings(container.path("Env")));
        command.add("SANDBOX_PORT=" + port);
        command.addAll(strings(container.path("Entrypoint")));
        Path log = unpacked.resolve("sandbox.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            try {
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                        .failFast("the image's process ended", () -> !process.isAlive())
                        .until(() -> http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/_sandbox/calls")).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
            } catch (ConditionTimeoutException | TerminalFailureException e) {
                throw new AssertionError("the sandbox started from its image did not answer; its log:\n" + tail(log), e);
            }

            ProcessHandle java = process.descendants().filter(p -> p.info().command().orElse("").endsWith("/java"))
                    .findFirst().orElseThrow(() -> new AssertionError("no java process under the image's namespace"));
            assertThat(uidOf(java)).as("the application's user id").contains(USER.substring(0, USER.indexOf(':')));
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
    }

    private static Path imageOf(StackApp app) {
        Path image = root.resolve(app.module()).resolve("target/jib-image.tar");
        assertThat(image).as("image of %s: the base image exists, so `./mvnw package` builds it", app.name()).isRegularFile();
        return image;
    }

    private static JsonNode manifest(Path imageTar) throws IOException {
        return JSON.readTree(entry(imageTar, "manifest.json")).path(0);
    }

    private static JsonNode config(Path imageTar) throws IOException {
        return JSON.readTree(entry(imageTar, manifest(imageTar).path("Config").asText()));
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    /** One file of a tar, read with the system's tar (the images are tens of megabytes; only small entries are read). */
    private static String entry(Path tar, String name) throws IOException {
        Process process = new ProcessBuilder("tar", "-xOf", tar.toString(), name).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String content = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            assertThat(process.waitFor()).as("tar -xOf %s %s", tar, name).isZero();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return content;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("%s: %s", String.join(" ", command), output).isZero();
    }

    private static Optional<String> uidOf(ProcessHandle process) throws IOException {
        return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
                .filter(line -> line.startsWith("Uid:")).map(line -> line.split("\\s+")[1]).findFirst();
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
