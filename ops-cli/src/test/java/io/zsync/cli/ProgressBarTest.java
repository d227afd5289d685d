package io.zsync.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressBarTest {

    @Test
    void shouldDrawTheShareDone() {
        assertThat(ProgressBar.render(15, 30, "sent")).isEqualTo("[###############...............] 15/30 sent");
    }

    @Test
    void shouldShowAnUnknownTotal() {
        assertThat(ProgressBar.render(3, 0, "sent")).isEqualTo("[..............................] 3/? sent");
    }

    @Test
    void shouldRedrawAtMostOncePerPercent() {
        StringWriter out = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(out), "sent", 1_000);
        for (int i = 0; i < 1_000; i++) {
            bar.step();
        }
        bar.finish();

        assertThat(out.toString().split("\r")).hasSizeLessThanOrEqualTo(103);
        assertThat(out.toString()).endsWith("1000/1000 sent" + System.lineSeparator());
    }
}
