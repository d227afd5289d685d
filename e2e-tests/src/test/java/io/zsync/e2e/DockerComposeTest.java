package io.zsync.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.zsync.stack.AppProcess;
import io.zsync.stack.Stack;
import io.zsync.stack.StackApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml cannot be run on machines without a Docker engine, so what can be checked is checked
 * here: the file parses, every application of the system has a service with its image and port, every
 * environment variable a service is given is one its application.yml reads, and every dependency exists.
 */
class DockerComposeTest {

    private static Path root;
    private static JsonNode services;

    @BeforeAll
    static void read() throws IOException {
        root = AppProcess.repositoryRoot();
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(root.resolve("docker-compose.yml").toFile());
        services = compose.path("services");
        assertThat(services.isObject()).as("docker-compose.yml has services").isTrue();
    }

    @Test
    void shouldRunEveryApplicationFromItsOwnImageOnItsPort() {
        for (StackApp app : Stack.APPS) {
            JsonNode service = services.path(app.name());
            assertThat(service.isObject()).as("service %s", app.name()).isTrue();
            assertThat(service.path("image").asText()).startsWith("zsync/" + app.module() + ":");
            assertThat(containerPorts(service)).as("ports of %s", app.name()).contains(app.port());
        }
    }

    @Test
    void shouldGiveEachApplicationOnlyVariablesItReads() throws IOException {
        for (StackApp app : Stack.APPS) {
            String config = Files.readString(root.resolve(app.module()).resolve("src/main/resources/application.yml"));
            List<String> unread = new ArrayList<>();
            Iterator<String> names = environment(services.path(app.name())).iterator();
            while (names.hasNext()) {
                String name = names.next();
                if (!config.contains("${" + name + ":") && !config.contains("${" + name + "}")) {
                    unread.add(name);
                }
            }
            assertThat(unread).as("variables given to %s that its application.yml does not read", app.name()).isEmpty();
        }
    }

    @Test
    void shouldPointApplicationsAtTheComposeKafkaAndRegistry() {
        for (StackApp app : Stack.APPS) {
            if (app.kind() == StackApp.Kind.SANDBOX) {
                continue;
            }
            Map<String, String> env = environmentValues(services.path(app.name()));
            assertThat(env).as(app.name()).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
                    .containsEntry("SCHEMA_REGISTRY_URL", "http://schema-registry:8080/apis/ccompat/v7");
        }
    }

    @Test
    void shouldDependOnlyOnServicesThatExist() {
        services.fields().forEachRemaining(entry -> {
            JsonNode dependsOn = entry.getValue().path("depends_on");
            List<String> targets = new ArrayList<>();
            if (dependsOn.isArray()) {
                dependsOn.forEach(d -> targets.add(d.asText()));
            } else if (dependsOn.isObject()) {
                dependsOn.fieldNames().forEachRemaining(targets::add);
            }
            targets.forEach(t -> assertThat(services.has(t)).as("%s depends on %s", entry.getKey(), t).isTrue());
        });
    }

    @Test
    void shouldPinTheInfrastructureToTheVersionsTheBuildUses() {
        assertThat(services.path("kafka").path("image").asText()).isEqualTo("apache/kafka:4.1.1");
        assertThat(services.path("schema-registry").path("image").asText()).isEqualTo("apicurio/apicurio-registry-mem:2.6.13.Final");
        assertThat(services.path("zoho-sandbox").path("profiles").toString()).contains("sandbox");
    }

    private static List<Integer> containerPorts(JsonNode service) {
        List<Integer> ports = new ArrayList<>();
        service.path("ports").forEach(p -> {
            String text = p.asText();
            ports.add(Integer.parseInt(text.substring(text.lastIndexOf(':') + 1)));
        });
        return ports;
    }

    private static List<String> environment(JsonNode service) {
        return new ArrayList<>(environmentValues(service).keySet());
    }

    private static Map<String, String> environmentValues(JsonNode service) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        JsonNode environment = service.path("environment");
        if (environment.isObject()) {
            environment.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        } else if (environment.isArray()) {
            environment.forEach(e -> {
                String text = e.asText();
                int eq = text.indexOf('=');
                env.put(eq < 0 ? text : text.substring(0, eq), eq < 0 ? "" : text.substring(eq + 1));
            });
        }
        return env;
    }

}
