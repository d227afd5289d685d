package io.zsync.zoho.error;

import io.micronaut.core.annotation.Nullable;
import io.zsync.zoho.ZohoProduct;

import java.util.List;
import java.util.Map;

/**
 * The API rejected the data (CRM {@code INVALID_DATA}/{@code MANDATORY_NOT_FOUND}, Books non-zero codes,
 * Desk {@code errors[]}): the same request will fail again, so it goes to the dead letter with this reason.
 */
public class ZohoValidationException extends ZohoApiException {
    public ZohoValidationException(ZohoProduct product, @Nullable String org, int httpStatus, String code,
                                   String message, @Nullable List<FieldError> fieldErrors,
                                   @Nullable Map<String, Object> details) {
        this(product, org, httpStatus, code, message, null, fieldErrors, details);
    }

    protected ZohoValidationException(ZohoProduct product, @Nullable String org, int httpStatus, String code,
                                      String message, @Nullable String duplicateId,
                                      @Nullable List<FieldError> fieldErrors, @Nullable Map<String, Object> details) {
        super(product, org, httpStatus, code, message, false, null, duplicateId, fieldErrors, details, null);
    }
}
