package io.zsync.gateway.config;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The gateway's clock, a bean so tests can replace it (signature windows, JWT expiry, channel renewal). */
@Factory
public class ClockFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
