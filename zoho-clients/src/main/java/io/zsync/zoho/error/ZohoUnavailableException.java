package io.zsync.zoho.error;

import io.micronaut.core.annotation.Nullable;
import io.zsync.zoho.ZohoProduct;

import java.time.Duration;
import java.util.Map;

/** 5xx, timeouts and connection failures: the API may answer next time, so always retryable. */
public class ZohoUnavailableException extends ZohoApiException {
    public ZohoUnavailableException(ZohoProduct product, @Nullable String org, int httpStatus, String code, String message,
                 @Nullable Duration retryAfter, @Nullable Map<String, Object> details, @Nullable Throwable cause) {
        super(product, org, httpStatus, code, message, true, retryAfter, null, null, details, cause);
    }
}
