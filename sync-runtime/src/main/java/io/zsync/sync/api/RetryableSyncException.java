package io.zsync.sync.api;

/**
 * A failure a later attempt can get past (a target that the API says exists but does not list yet): the
 * event is retried with the runtime's backoff, with this code and message, and dead-lettered only when the
 * retry budget is spent.
 */
public class RetryableSyncException extends SyncException {

    public RetryableSyncException(String code, String message) {
        super(code, message);
    }
}
