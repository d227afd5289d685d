package io.zsync.e2e;

import io.zsync.stack.AppProcess;
import io.zsync.stack.Ports;
import io.zsync.stack.Stack;
import io.zsync.stack.StackApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./zsync up} starts each application with class-data sharing: the first run of a build records the
 * archive when it stops, the next maps it (the saving is in docs/benchmarks.md). Checked on the sandbox, which
 * needs nothing else to start.
 */
class ClassDataSharingIT {

    @TempDir
    Path logs;

    @Test
    void shouldRecordTheArchiveOnTheFirstCleanStopAndMapItOnTheNextStart() throws IOException {
        StackApp app = Stack.APPS.stream().filter(a -> a.kind() == StackApp.Kind.SANDBOX).findFirst().orElseThrow();
        Path module = AppProcess.repositoryRoot().resolve(app.module());
        Path archives = module.resolve("target/cds");
        deleteAll(archives);

        try (AppProcess first = start(app, module, "first")) {
            assertThat(mappedArchives(first)).as("the first run records; it maps no archive of ours")
                    .noneMatch(a -> a.startsWith(archives.toString()));
        }
        List<Path> recorded = list(archives);
        assertThat(recorded).as("archives after the first clean stop").hasSize(1)
                .allMatch(p -> p.getFileName().toString().endsWith(".jsa"));

        try (AppProcess second = start(app, module, "second")) {
            assertThat(mappedArchives(second)).as("the second run maps the archive").contains(recorded.get(0).toString());
        }
        assertThat(list(archives)).as("nothing recorded again, no recording left behind").containsExactlyElementsOf(recorded);
    }

    private AppProcess start(StackApp app, Path module, String run) {
        return AppProcess.start(app.name(), module, app.mainClass(), Ports.free(), Map.of(),
                logs.resolve(run + ".log"), Duration.ofSeconds(90), true);
    }

    /** The class-data archives the process has mapped (the JDK's own included), from its memory map. */
    private static List<String> mappedArchives(AppProcess app) throws IOException {
        try (Stream<String> maps = Files.lines(Path.of("/proc", String.valueOf(app.process().pid()), "maps"))) {
            return maps.filter(line -> line.endsWith(".jsa")).map(line -> line.substring(line.indexOf('/'))).distinct().toList();
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    private static void deleteAll(Path dir) throws IOException {
        for (Path file : list(dir)) {
            Files.delete(file);
        }
    }
}
