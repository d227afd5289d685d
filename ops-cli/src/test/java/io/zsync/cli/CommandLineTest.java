package io.zsync.cli;

import io.zsync.cli.fake.FakeServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandLineTest {

    private final FakeServices fakes = new FakeServices();

    @AfterAll
    void stop() {
        fakes.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"redrive", "backfill", "channels", "lineage", "channels list", "channels subscribe",
            "channels renew", "channels disable"})
    void shouldExplainEveryCommandWithHelp(String command) {
        String[] args = (command + " --help").split(" ");

        FakeServices.Run run = fakes.run(Map.of(), args);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: zsync-ops " + command);
    }

    @Test
    void shouldListTheCommandsWithoutArguments() {
        FakeServices.Run run = fakes.run(Map.of());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("redrive").contains("backfill").contains("channels").contains("lineage");
    }

    @Test
    void shouldRejectAnUnknownCommandWithOneLine() {
        FakeServices.Run run = fakes.run(Map.of(), "replay");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("Unmatched argument").contains("--help");
    }

    @Test
    void shouldRejectAnUnknownOptionWithOneLine() {
        FakeServices.Run run = fakes.run(Map.of(), "lineage", "r1", "--colour");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).startsWith("zsync-ops lineage: Unknown option: '--colour'");
    }

    @Test
    void shouldPrintItsVersion() {
        assertThat(fakes.run(Map.of(), "--version").out()).contains("zsync-ops 0.1.0");
    }
}
