package io.zsync.zoho.error;

import io.micronaut.core.annotation.Nullable;
import io.zsync.zoho.ZohoProduct;

import java.time.Duration;
import java.util.Map;

/** 429 or a local budget that could not be had within its bound wait: always retryable, honouring retryAfter(). */
public class ZohoRateLimitException extends ZohoApiException {
    public ZohoRateLimitException(ZohoProduct product, @Nullable String org, int httpStatus, String code, String message,
                 @Nullable Duration retryAfter, @Nullable Map<String, Object> details, @Nullable Throwable cause) {
        super(product, org, httpStatus, code, message, true, retryAfter, null, null, details, cause);
    }
}
