package io.zsync.gateway.publish;

/**
 * Not every event of a request was acknowledged by the broker in time. The request is answered 503 (or 413
 * when an event is larger than the broker accepts) and the sender retries; events that did reach the
 * broker carry deterministic ids, so consumers drop the retried copies.
 */
public final class PublishFailure extends RuntimeException {

    /** Why the publish failed, as the metrics tag. */
    public enum Cause { TIMEOUT, BROKER_ERROR, SERIALIZATION, RECORD_TOO_LARGE }

    private final Cause cause;

    public PublishFailure(Cause cause, String message, Throwable source) {
        super(message, source);
        this.cause = cause;
    }

    public Cause failureCause() {
        return cause;
    }
}
