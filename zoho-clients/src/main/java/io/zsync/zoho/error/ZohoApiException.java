package io.zsync.zoho.error;

import io.micronaut.core.annotation.Nullable;
import io.zsync.zoho.ZohoProduct;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every failure of a Zoho or HubSpot call, mapped from the product's own error envelope: {@link #retryable()}
 * and {@link #retryAfter()} decide retry versus dead letter, and {@link #duplicateId()} lets a caller adopt the
 * record that already exists instead of creating another one.
 *
 * <p>Messages hold the API's error text and codes only, never tokens, secrets or request bodies.
 */
public class ZohoApiException extends RuntimeException {
    private final ZohoProduct product;
    private final String org;
    private final int httpStatus;
    private final String code;
    private final boolean retryable;
    private final Duration retryAfter;
    private final String duplicateId;
    private final List<FieldError> fieldErrors;
    private final Map<String, Object> details;
    private final String apiMessage;

    public ZohoApiException(ZohoProduct product, @Nullable String org, int httpStatus, String code, String message,
                            boolean retryable, @Nullable Duration retryAfter, @Nullable String duplicateId,
                            @Nullable List<FieldError> fieldErrors, @Nullable Map<String, Object> details,
                            @Nullable Throwable cause) {
        super(format(product, org, httpStatus, code, message, fieldErrors), cause);
        this.product = product;
        this.org = org;
        this.httpStatus = httpStatus;
        this.code = code == null ? "UNKNOWN" : code;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
        this.duplicateId = duplicateId;
        this.fieldErrors = fieldErrors == null ? List.of() : List.copyOf(fieldErrors);
        this.details = details == null ? Map.of() : details;
        this.apiMessage = message == null ? "" : message;
    }

    /** Which API answered (or would have answered). */
    public ZohoProduct product() {
        return product;
    }

    /** Org (or HubSpot account) name the call was made for, if known. */
    public @Nullable String org() {
        return org;
    }

    /** HTTP status of the answer; 0 when there was none (timeout, connection error, local budget). */
    public int httpStatus() {
        return httpStatus;
    }

    /** The product's error code as a string: CRM/Desk {@code INVALID_DATA}, Books {@code 3062}, ... */
    public String code() {
        return code;
    }

    /** The API's error text (without the product/org/status prefix and field list of {@link #getMessage()}). */
    public String apiMessage() {
        return apiMessage;
    }

    /** True when the same call may succeed later: 429, 5xx, timeouts, connection errors, expired tokens. */
    public boolean retryable() {
        return retryable;
    }

    /** How long the API (or the local budget) asked to wait, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Id of the existing record on a duplicate (CRM {@code DUPLICATE_DATA}, HubSpot 409), when given. */
    public Optional<String> duplicateId() {
        return Optional.ofNullable(duplicateId);
    }

    /** Field-level validation problems (CRM {@code api_name}, Desk {@code fieldName}). */
    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** The raw {@code details} object of the error, if any. */
    public Map<String, Object> details() {
        return details;
    }

    private static String format(ZohoProduct product, String org, int status, String code, String message,
                                 List<FieldError> fields) {
        // Field problems belong in the message: it is what a dead letter shows as the reason.
        String fieldText = fields == null || fields.isEmpty() ? "" : " " + fields.stream()
                .map(f -> f.field() + " " + f.type()).collect(java.util.stream.Collectors.joining(", ", "[", "]"));
        return "[" + product + (org == null ? "" : " " + org) + "] " + (status == 0 ? "" : status + " ")
                + (code == null ? "UNKNOWN" : code) + ": " + (message == null ? "" : message) + fieldText;
    }

    /**
     * One field-level error.
     *
     * @param field  the field API name or JSON pointer the API reported
     * @param type   what is wrong with it ({@code invalid}, {@code missing}, the CRM code ...)
     */
    public record FieldError(String field, String type) {
    }
}
