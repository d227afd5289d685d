package io.zsync.stack;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoTest {

    private static final Duration LONG = Duration.ofSeconds(30);
    private static final Duration OFTEN = Duration.ofMillis(5);

    @Test
    void shouldAskAgainUntilTheResultIsThereAndThenStopAsking() {
        AtomicInteger asked = new AtomicInteger();

        Optional<String> seen = Demo.poll(() -> asked.incrementAndGet() < 3 ? Optional.empty() : Optional.of("invoice 7"),
                LONG, OFTEN);

        assertThat(seen).contains("invoice 7");
        assertThat(asked).hasValue(3);
    }

    @Test
    void shouldGiveUpEmptyOncePatienceHasPassed() {
        AtomicInteger asked = new AtomicInteger();
        long start = System.nanoTime();

        Optional<String> seen = Demo.poll(() -> {
            asked.incrementAndGet();
            return Optional.empty();
        }, Duration.ofMillis(100), OFTEN);

        assertThat(seen).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(asked.get()).isGreaterThan(1);
    }

    @Test
    void shouldNotAskWithoutPatience() {
        AtomicInteger asked = new AtomicInteger();

        assertThat(Demo.poll(() -> Optional.of("x" + asked.incrementAndGet()), Duration.ZERO, OFTEN)).isEmpty();
        assertThat(asked).hasValue(0);
    }

    @Test
    void shouldThrowWhatTheQuestionThrows() {
        StackException down = new StackException("the sandbox is not reachable");

        assertThatThrownBy(() -> Demo.poll(() -> {
            throw down;
        }, LONG, OFTEN)).isSameAs(down);
    }

    @Test
    void shouldStopEmptyAndKeepTheInterruptWhenInterrupted() {
        Thread.currentThread().interrupt();
        try {
            long start = System.nanoTime();

            Optional<String> seen = Demo.poll(Optional::empty, LONG, OFTEN);

            assertThat(seen).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(LONG);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
