package io.zsync.externalsync.flow;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PairLocksTest {

    @Test
    void shouldTakeEachStripeOnceInAscendingOrderAndIgnoreBlankKeys() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            keys.add(PairLocks.crmKey("org", "c" + i));
            keys.add(PairLocks.crmKey("org", "c" + i));
        }
        keys.add("");
        keys.add(null);
        int[] stripes = PairLocks.stripes(keys, 64);
        assertThat(stripes).isSorted().doesNotHaveDuplicates();
        assertThat(Arrays.stream(stripes).allMatch(s -> s >= 0 && s < 64)).isTrue();
        assertThat(PairLocks.stripes(List.of(PairLocks.crmKey("org", "c1"), PairLocks.crmKey("org", "c1")), 64)).hasSize(1);
    }

    @Test
    void shouldSeparateCrmAndExternalIdsOfTheSameValue() {
        assertThat(PairLocks.crmKey("org", "42")).isNotEqualTo(PairLocks.externalKey("org", "42"));
        assertThat(PairLocks.crmKey("a", "42")).isNotEqualTo(PairLocks.crmKey("b", "42"));
    }

    @Test
    void shouldMakeTheSecondFlowWaitUntilTheFirstReleasesThePair() throws Exception {
        PairLocks locks = new PairLocks();
        String pair = PairLocks.crmKey("org", "c1");
        CountDownLatch firstHolds = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        AtomicReference<String> order = new AtomicReference<>("");
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = threads.submit(() -> {
                try (PairLocks.Held held = locks.lock(List.of(pair, PairLocks.externalKey("org", "h1")))) {
                    firstHolds.countDown();
                    releaseFirst.await();
                    order.updateAndGet(s -> s + "first;");
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(firstHolds.await(5, TimeUnit.SECONDS)).isTrue();
            Future<?> second = threads.submit(() -> {
                try (PairLocks.Held held = locks.lock(List.of(PairLocks.externalKey("org", "h9"), pair))) {
                    order.updateAndGet(s -> s + "second;");
                }
            });
            await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).untilAsserted(() ->
                    assertThat(second.isDone()).as("the second flow waits while the first holds the pair").isFalse());
            releaseFirst.countDown();
            first.get(5, TimeUnit.SECONDS);
            second.get(5, TimeUnit.SECONDS);
            assertThat(order.get()).isEqualTo("first;second;");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void shouldNeverDeadlockWhenBatchesNameTheSamePairsInOppositeOrders() throws Exception {
        PairLocks locks = new PairLocks(16);
        List<String> forward = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            forward.add(PairLocks.crmKey("org", "c" + i));
        }
        List<String> backward = new ArrayList<>(forward);
        java.util.Collections.reverse(backward);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (List<String> keys : List.of(forward, backward)) {
                runs.add(threads.submit(() -> {
                    for (int round = 0; round < 500; round++) {
                        try (PairLocks.Held held = locks.lock(keys)) {
                            if (inside.incrementAndGet() > 1) {
                                overlaps.incrementAndGet();
                            }
                            inside.decrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get(20, TimeUnit.SECONDS);
            }
            assertThat(overlaps.get()).isZero();
        } finally {
            threads.shutdownNow();
        }
    }
}
