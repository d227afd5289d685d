package io.zsync.sync.api;

/**
 * A failure a flow reports with a code of its own, for the completion or dead letter: whether a retry can help
 * is the subclass's ({@link PermanentSyncException}, {@link RetryableSyncException}).
 */
public abstract class SyncException extends RuntimeException {

    private final String code;

    protected SyncException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
