package io.zsync.zoho.error;

import io.micronaut.core.annotation.Nullable;
import io.zsync.zoho.ZohoProduct;

import java.time.Duration;
import java.util.Map;

/**
 * Authentication failed: an expired token that a refresh did not cure or an {@code Access Denied} token
 * throttle (retryable), or a revoked refresh token, wrong client or missing scope (not retryable: fix config).
 */
public class ZohoAuthException extends ZohoApiException {
    private final boolean tokenRejected;

    public ZohoAuthException(ZohoProduct product, @Nullable String org, int httpStatus, String code, String message,
                             boolean retryable, @Nullable Duration retryAfter, @Nullable Map<String, Object> details,
                             @Nullable Throwable cause) {
        this(product, org, httpStatus, code, message, retryable, false, retryAfter, details, cause);
    }

    public ZohoAuthException(ZohoProduct product, @Nullable String org, int httpStatus, String code, String message,
                             boolean retryable, boolean tokenRejected, @Nullable Duration retryAfter,
                             @Nullable Map<String, Object> details, @Nullable Throwable cause) {
        super(product, org, httpStatus, code, message, retryable, retryAfter, null, null, details, cause);
        this.tokenRejected = tokenRejected;
    }

    /** True when the resource API rejected the access token itself, so a refreshed token may succeed. */
    public boolean tokenRejected() {
        return tokenRejected;
    }
}
