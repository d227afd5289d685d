package io.zsync.zoho.error;

import io.micronaut.core.annotation.Nullable;
import io.zsync.zoho.ZohoProduct;

import java.util.List;
import java.util.Map;

/**
 * A unique value already exists (CRM {@code DUPLICATE_DATA}, Books 3062, HubSpot 409): not retryable, and
 * {@link #duplicateId()} names the existing record when the API says which one (Books 3062 does not).
 */
public class ZohoDuplicateException extends ZohoValidationException {
    public ZohoDuplicateException(ZohoProduct product, @Nullable String org, int httpStatus, String code,
                                  String message, @Nullable String duplicateId, @Nullable List<FieldError> fieldErrors,
                                  @Nullable Map<String, Object> details) {
        super(product, org, httpStatus, code, message, duplicateId, fieldErrors, details);
    }
}
