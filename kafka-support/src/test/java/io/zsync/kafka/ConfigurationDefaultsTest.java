package io.zsync.kafka;

import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import io.micronaut.core.value.PropertyResolver;
import io.micronaut.context.env.PropertySourcePropertyResolver;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code ${ENV:default}} in every service's {@code application.yml} resolves to its written default when the
 * variable is unset, as Micronaut reads it. An unquoted default with a colon ({@code 127.0.0.1:9092},
 * {@code http://...}) does not: Micronaut reads {@code ${A:b:c}} as "A, else property b, else c", so a service
 * started without the variable would quietly talk to port 9092 of nowhere. The check runs Micronaut's own
 * resolver over the real files of the repository.
 */
class ConfigurationDefaultsTest {

    /** {@code ${NAME:default}} where the default is either backtick-quoted or runs to the closing brace. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):(`[^`]*`|[^}]*)}");

    @Test
    void shouldResolveEveryEnvironmentDefaultToTheWrittenValue() throws IOException {
        List<Path> files = applicationFiles();
        assertThat(files).as("service configuration files found under %s", repositoryRoot()).hasSizeGreaterThan(5);

        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Path file : files) {
            for (String line : Files.readAllLines(file)) {
                if (line.strip().startsWith("#")) {
                    continue;
                }
                Matcher m = PLACEHOLDER.matcher(line);
                while (m.find()) {
                    String written = m.group(2).replace("`", "");
                    PropertyResolver resolver = new PropertySourcePropertyResolver(
                            PropertySource.of("probe", Map.of("probe", m.group())));
                    String resolved = resolver.getProperty("probe", String.class).orElse(null);
                    checked++;
                    if (!written.equals(resolved)) {
                        wrong.add(repositoryRoot().relativize(file) + ": " + m.group() + " resolves to " + resolved);
                    }
                }
            }
        }
        assertThat(checked).as("placeholders checked").isGreaterThan(50);
        assertThat(wrong).as("defaults Micronaut would not use as written (quote them in backticks)").isEmpty();
    }

    @Test
    void shouldCatchAnUnquotedDefaultWithAColon() {
        PropertyResolver resolver = new PropertySourcePropertyResolver(
                PropertySource.of("probe", Map.of("probe", "${ZSYNC_SURELY_UNSET:127.0.0.1:9092}")));

        assertThat(resolver.getProperty("probe", String.class)).isNotEqualTo(java.util.Optional.of("127.0.0.1:9092"));
    }

    /**
     * Each sync service consumes in a consumer group of its own, named after its module: two services in one group
     * would take each other's partitions (a copied application.yml is the usual way there).
     */
    @Test
    void shouldGiveEverySyncServiceAConsumerGroupNamedAfterIt() throws IOException {
        Map<String, String> groups = new TreeMap<>();
        for (Path file : applicationFiles()) {
            String module = repositoryRoot().relativize(file).getName(0).toString();
            yaml(file).getProperty("zsync.sync.group", String.class).ifPresent(group -> groups.put(module, group));
        }
        assertThat(groups).as("services with a consumer group").hasSizeGreaterThanOrEqualTo(5)
                .containsEntry("external-sync-service", "external-sync-service");
        groups.forEach((module, group) -> assertThat(group).as("zsync.sync.group of %s", module).isEqualTo(module));
    }

    /** The file as Micronaut reads it, placeholders resolved to their defaults. */
    private static PropertyResolver yaml(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Map<String, Object> values = new YamlPropertySourceLoader().read(file.getFileName().toString(), in);
            return new PropertySourcePropertyResolver(PropertySource.of(file.toString(), values));
        }
    }

    private static List<Path> applicationFiles() throws IOException {
        try (Stream<Path> modules = Files.list(repositoryRoot())) {
            return modules.map(m -> m.resolve("src/main/resources"))
                    .filter(Files::isDirectory)
                    .flatMap(ConfigurationDefaultsTest::yamlFiles)
                    .sorted()
                    .toList();
        }
    }

    private static Stream<Path> yamlFiles(Path resources) {
        try (Stream<Path> files = Files.list(resources)) {
            return files.filter(f -> f.getFileName().toString().matches("application.*\\.ya?ml")).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Surefire runs with the module as working directory; the repository root is its parent. */
    private static Path repositoryRoot() {
        return Path.of("").toAbsolutePath().getParent();
    }
}
