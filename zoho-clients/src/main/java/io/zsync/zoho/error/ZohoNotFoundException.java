package io.zsync.zoho.error;

import io.micronaut.core.annotation.Nullable;
import io.zsync.zoho.ZohoProduct;

import java.time.Duration;
import java.util.Map;

/** The addressed record or URL does not exist; retrying cannot help. */
public class ZohoNotFoundException extends ZohoApiException {
    public ZohoNotFoundException(ZohoProduct product, @Nullable String org, int httpStatus, String code, String message,
                 @Nullable Duration retryAfter, @Nullable Map<String, Object> details, @Nullable Throwable cause) {
        super(product, org, httpStatus, code, message, false, retryAfter, null, null, details, cause);
    }
}
