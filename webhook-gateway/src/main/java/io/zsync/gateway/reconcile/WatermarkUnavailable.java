package io.zsync.gateway.reconcile;

/** The watermark could not be read or written; the run stops and the next one starts from the last saved. */
public final class WatermarkUnavailable extends RuntimeException {

    public WatermarkUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
