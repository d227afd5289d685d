package io.zsync.dashboard.lag;

/** Consumer lag could not be measured (Kafka unreachable, slow, or refusing). */
public class LagUnavailableException extends Exception {

    public LagUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
