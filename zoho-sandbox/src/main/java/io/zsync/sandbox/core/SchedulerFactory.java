package io.zsync.sandbox.core;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The scheduler behind latency/timeout faults and webhook delivery: delays are scheduled, never slept,
 * so a slow simulated response does not hold a server thread.
 */
@Factory
public class SchedulerFactory {

    public static final String NAME = "sandbox-scheduler";

    @Singleton
    @Named(NAME)
    @Bean(preDestroy = "shutdownNow")
    ScheduledExecutorService sandboxScheduler() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newScheduledThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "sandbox-scheduler-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
