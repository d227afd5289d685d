package io.zsync.stack;

import java.util.List;
import java.util.Locale;

/**
 * How the stack's applications compile: {@link #QUICK}, the default, runs only the C1 compiler, so that ten JVMs on
 * a laptop start sooner and stay smaller, at the cost of peak throughput; {@link #FULL} keeps the JVM's tiered
 * default with C2, as a production deployment runs, for benchmarks and load runs. Chosen by the system property
 * {@value #PROPERTY} ({@code quick} or {@code full}), which {@code zsync up --jit} sets (its default comes from the
 * environment variable {@value #ENV}) and the latency benchmark sets for the stack it starts.
 */
public enum Jit {
    QUICK(List.of("-XX:TieredStopAtLevel=1")),
    FULL(List.of());

    public static final String PROPERTY = "zsync.stack.jit";
    public static final String ENV = "ZSYNC_STACK_JIT";

    private final List<String> jvmOptions;

    Jit(List<String> jvmOptions) {
        this.jvmOptions = jvmOptions;
    }

    public List<String> jvmOptions() {
        return jvmOptions;
    }

    /** The mode the property names; {@link #QUICK} when it is not set. */
    public static Jit current() {
        String named = System.getProperty(PROPERTY);
        return named == null || named.isBlank() ? QUICK : parse(named);
    }

    public static Jit parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new StackException(PROPERTY + " / " + ENV + " must be quick or full, not '" + name + "'");
        }
    }
}
