package io.zsync.sync.engine;

import io.zsync.sync.api.FlowResult;
import io.zsync.sync.api.PermanentSyncException;
import io.zsync.sync.api.RetryableSyncException;
import io.zsync.zoho.error.ZohoApiException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * Turns what a flow threw into a {@link FlowResult.Failed}: API errors say themselves whether a retry can
 * help (429, 5xx, timeouts, an expired token yes; validation and duplicates no); I/O failures and timeouts
 * are transient, as is a {@link RetryableSyncException}; a {@link PermanentSyncException} is not; anything else is a bug, dead-lettered so it can be
 * redriven once fixed, rather than retried forever.
 */
public final class Failures {

    private Failures() {
    }

    public static FlowResult.Failed classify(Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof ZohoApiException api) {
            return new FlowResult.Failed(api.product() + ":" + api.code(), api.getMessage(), api.retryable(),
                    api.retryAfter(), Optional.empty(), Map.of());
        }
        if (cause instanceof PermanentSyncException permanent) {
            return FlowResult.Failed.permanently(permanent.code(), permanent.getMessage());
        }
        if (cause instanceof RetryableSyncException retryable) {
            return new FlowResult.Failed(retryable.code(), retryable.getMessage(), true, Optional.empty(),
                    Optional.empty(), Map.of());
        }
        if (cause instanceof IOException || cause instanceof UncheckedIOException || cause instanceof TimeoutException
                || cause.getClass().getName().contains("Timeout")) {
            return new FlowResult.Failed("TRANSIENT_IO", String.valueOf(cause.getMessage()), true,
                    Optional.empty(), Optional.empty(), Map.of());
        }
        return FlowResult.Failed.permanently("INTERNAL_ERROR", cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }

    private static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof java.util.concurrent.CompletionException
                || current instanceof java.util.concurrent.ExecutionException
                || current instanceof java.lang.reflect.UndeclaredThrowableException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
