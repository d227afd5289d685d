package io.zsync.sync.engine;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Fault injection for the crash-and-replay suite: at named points of processing, the process may halt at
 * once (no shutdown hooks, no flush, exactly as a SIGKILL or a power loss), with a configured probability.
 * Off unless {@code zsync.crash.points} names points; never set it in production. The engine marks
 * {@value #BEFORE_TARGET_WRITE} (intent committed, flow not run) and {@value #BEFORE_COMMIT} (flow done,
 * outcomes not committed); flows mark {@value #AFTER_TARGET_WRITE} between their target write and their
 * write-back.
 */
@Singleton
public class CrashPoints {

    public static final String BEFORE_TARGET_WRITE = "before-target-write";
    public static final String AFTER_TARGET_WRITE = "after-target-write";
    public static final String BEFORE_COMMIT = "before-commit";

    private static final Logger LOG = LoggerFactory.getLogger(CrashPoints.class);

    private final Set<String> points;
    private final double probability;
    private final Random random;

    public CrashPoints(@Value("${zsync.crash.points:}") String points,
                       @Value("${zsync.crash.probability:0.0}") double probability,
                       @Value("${zsync.crash.seed:0}") long seed) {
        this.points = Arrays.stream(points.split(",")).map(String::trim).filter(p -> !p.isEmpty()).collect(Collectors.toSet());
        this.probability = probability;
        this.random = seed == 0 ? new Random() : new Random(seed);
        if (!this.points.isEmpty()) {
            LOG.warn("crash injection is ON at {} with probability {}", this.points, probability);
        }
    }

    /** Halts the JVM here if this point is armed and the dice say so. */
    public void reached(String point) {
        if (points.contains(point) && random.nextDouble() < probability) {
            LOG.error("CRASH injected at {}", point);
            Runtime.getRuntime().halt(137);
        }
    }
}
