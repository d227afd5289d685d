package io.zsync.sync.engine;

/**
 * The transaction that records a batch's outcomes could not be committed (broker unreachable, producer
 * fenced). Nothing of the batch is visible; the listener's error strategy delivers the batch again.
 */
public class OutcomeCommitException extends RuntimeException {
    public OutcomeCommitException(String message, Throwable cause) {
        super(message, cause);
    }
}
