package io.zsync.dashboard.query;

/**
 * The state stores cannot be read right now. Either they are being (re)built (starting, rebalancing, restoring)
 * and the caller may retry shortly, or the Kafka Streams application has {@linkplain #failed() failed} and they
 * will not come back without a restart of the dashboard.
 */
public class StoresUnavailableException extends RuntimeException {

    private final boolean failed;

    public StoresUnavailableException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private StoresUnavailableException(String message, Throwable cause, boolean failed) {
        super(message, cause);
        this.failed = failed;
    }

    /** The stores are gone until the dashboard restarts: its Kafka Streams application failed to start or died. */
    public static StoresUnavailableException failed(String message, Throwable cause) {
        return new StoresUnavailableException(message, cause, true);
    }

    /** True when retrying will not help: the dashboard itself is down, not starting. */
    public boolean failed() {
        return failed;
    }
}
