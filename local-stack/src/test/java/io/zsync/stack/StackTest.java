package io.zsync.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class StackTest {

    @Test
    void shouldGiveTheDashboardAnEmptyStateDirectoryOfItsOwnStack(@TempDir Path home) throws Exception {
        Path stale = Files.createDirectories(home.resolve("dashboard-state/zsync-ops-dashboard/0_0"));
        Files.writeString(stale.resolve(".checkpoint"), "an earlier stack's offsets");

        String dir = Stack.dashboardState(home).get("kafka.streams.default.state.dir");

        assertThat(Path.of(dir)).isEqualTo(home.resolve("dashboard-state")).isEmptyDirectory();
    }
}
