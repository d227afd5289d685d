package io.zsync.sync.api;

/**
 * A failure that no retry can fix (a product with no Books item id, a deal with no contact): the event goes
 * to the dead-letter topic at once, with this code and message.
 */
public class PermanentSyncException extends SyncException {

    public PermanentSyncException(String code, String message) {
        super(code, message);
    }
}
