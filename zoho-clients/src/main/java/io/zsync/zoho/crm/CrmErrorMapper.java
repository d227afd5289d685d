package io.zsync.zoho.crm;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.zsync.zoho.ZohoProduct;
import io.zsync.zoho.error.ZohoApiException;
import io.zsync.zoho.error.ZohoDuplicateException;
import io.zsync.zoho.error.ZohoErrorMapper;
import io.zsync.zoho.error.ZohoNotFoundException;
import io.zsync.zoho.error.ZohoRateLimitException;
import io.zsync.zoho.error.ZohoUnavailableException;
import io.zsync.zoho.error.ZohoValidationException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CRM errors (zoho-api.md §3.4): {@code {"code","message","status":"error","details"}} at the top level or as
 * an element of a write's {@code data}/{@code watch} array. {@code INVALID_TOKEN} asks for a token refresh,
 * 429 {@code TOO_MANY_REQUESTS} (or {@code RATE_LIMIT_EXCEEDED}) and {@code INTERNAL_ERROR} retry, and
 * {@code DUPLICATE_DATA} carries the existing record's id in {@code details.duplicate_record.id}.
 */
@Singleton
public class CrmErrorMapper extends ZohoErrorMapper {

    @Inject
    public CrmErrorMapper(JsonMapper json) {
        this(json, Clock.systemUTC());
    }

    public CrmErrorMapper(JsonMapper json, Clock clock) {
        super(ZohoProduct.CRM, json, clock);
    }

    @Override
    protected ZohoApiException mapEnvelope(@Nullable String org, int status, Map<String, Object> body,
                                           @Nullable Duration retryAfter) {
        // An all-failed write is a 400 whose body is still the per-record data array.
        for (String arrayKey : List.of("data", "watch")) {
            for (Object e : list(body, arrayKey)) {
                if (e instanceof Map<?, ?> m && "error".equalsIgnoreCase(String.valueOf(m.get("status")))) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> element = (Map<String, Object>) m;
                    return mapElement(org, status, element, retryAfter);
                }
            }
        }
        return mapElement(org, status, body, retryAfter);
    }

    /** Maps one error object: top-level body or one element of a write's result array. */
    public ZohoApiException mapElement(@Nullable String org, int status, Map<String, Object> error,
                                       @Nullable Duration retryAfter) {
        String code = str(error, "code");
        code = code == null ? "HTTP_" + status : code;
        String message = str(error, "message");
        message = message == null ? code : message;
        Map<String, Object> details = obj(error, "details");
        return switch (code) {
            case "INVALID_TOKEN", "AUTHENTICATION_FAILURE" -> tokenRejected(org, status, code, message, error);
            case "OAUTH_SCOPE_MISMATCH", "NO_PERMISSION" -> authFailure(org, status, code, message, error);
            case "TOO_MANY_REQUESTS", "RATE_LIMIT_EXCEEDED" ->
                    new ZohoRateLimitException(product, org, status, code, message, retryAfter, error, null);
            case "INTERNAL_ERROR" ->
                    new ZohoUnavailableException(product, org, status, code, message, retryAfter, error, null);
            case "INVALID_URL_PATTERN" -> new ZohoNotFoundException(product, org, status, code, message, null, error,
                    null);
            case "DUPLICATE_DATA" -> new ZohoDuplicateException(product, org, status, code, message,
                    str(obj(details, "duplicate_record"), "id"), fieldErrors(code, details), error);
            default -> status == 404
                    ? new ZohoNotFoundException(product, org, status, code, message, null, error, null)
                    : new ZohoValidationException(product, org, status, code, message, fieldErrors(code, details),
                    error);
        };
    }

    private static List<ZohoApiException.FieldError> fieldErrors(String code, @Nullable Map<String, Object> details) {
        List<ZohoApiException.FieldError> out = new ArrayList<>();
        if (details == null) {
            return out;
        }
        String apiName = str(details, "api_name");
        if (apiName != null) {
            out.add(new ZohoApiException.FieldError(apiName, code));
        }
        // MULTIPLE_OR_MULTI_ERRORS lists each problem under details.errors[].
        for (Object e : list(details, "errors")) {
            if (e instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<String, Object> inner = (Map<String, Object>) m;
                String field = str(obj(inner, "details"), "api_name");
                out.add(new ZohoApiException.FieldError(field == null ? "?" : field, str(inner, "code")));
            }
        }
        return out;
    }

    @Override
    protected @Nullable String codeOf(Map<String, Object> body) {
        return str(body, "code");
    }

    @Override
    protected @Nullable String messageOf(Map<String, Object> body) {
        return str(body, "message");
    }
}
