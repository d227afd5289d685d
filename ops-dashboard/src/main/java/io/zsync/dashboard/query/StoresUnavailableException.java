package io.zsync.dashboard.query;

/** The state stores cannot be read right now (starting, rebalancing, restoring); the caller may retry shortly. */
public class StoresUnavailableException extends RuntimeException {

    public StoresUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
