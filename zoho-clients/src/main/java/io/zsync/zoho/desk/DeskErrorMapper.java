package io.zsync.zoho.desk;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.zsync.zoho.ZohoProduct;
import io.zsync.zoho.error.ZohoApiException;
import io.zsync.zoho.error.ZohoErrorMapper;
import io.zsync.zoho.error.ZohoNotFoundException;
import io.zsync.zoho.error.ZohoRateLimitException;
import io.zsync.zoho.error.ZohoValidationException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Desk errors (zoho-api.md §6.4): {@code {"errorCode","message","errors":[{"fieldName":"/x","errorType"}]}}.
 * {@code INVALID_OAUTH} asks for a token refresh; {@code SCOPE_MISMATCH} and {@code OAUTH_ORG_MISMATCH} (wrong
 * {@code orgId} for the token) are configuration errors; {@code TOO_MANY_REQUESTS} and
 * {@code THRESHOLD_EXCEEDED} retry; validation errors carry the field pointers.
 */
@Singleton
public class DeskErrorMapper extends ZohoErrorMapper {

    @Inject
    public DeskErrorMapper(JsonMapper json) {
        this(json, Clock.systemUTC());
    }

    public DeskErrorMapper(JsonMapper json, Clock clock) {
        super(ZohoProduct.DESK, json, clock);
    }

    @Override
    protected ZohoApiException mapEnvelope(@Nullable String org, int status, Map<String, Object> body,
                                           @Nullable Duration retryAfter) {
        String code = codeOf(body);
        code = code == null ? "HTTP_" + status : code;
        String message = messageOf(body);
        message = message == null ? code : message;
        return switch (code) {
            case "INVALID_OAUTH" -> tokenRejected(org, status, code, message, body);
            case "SCOPE_MISMATCH", "OAUTH_ORG_MISMATCH", "FORBIDDEN", "LICENSE_ACCESS_LIMITED" ->
                    authFailure(org, status, code, message, body);
            case "TOO_MANY_REQUESTS", "THRESHOLD_EXCEEDED" ->
                    new ZohoRateLimitException(product, org, status, code, message, retryAfter, body, null);
            case "URL_NOT_FOUND" -> new ZohoNotFoundException(product, org, status, code, message, null, body, null);
            default -> {
                if (status == 401) {
                    yield tokenRejected(org, status, code, message, body);
                }
                if (status == 404) {
                    yield new ZohoNotFoundException(product, org, status, code, message, null, body, null);
                }
                yield new ZohoValidationException(product, org, status, code, message, fieldErrors(body), body);
            }
        };
    }

    private static List<ZohoApiException.FieldError> fieldErrors(Map<String, Object> body) {
        List<ZohoApiException.FieldError> out = new ArrayList<>();
        for (Object e : list(body, "errors")) {
            if (e instanceof Map<?, ?> m) {
                out.add(new ZohoApiException.FieldError(String.valueOf(m.get("fieldName")),
                        String.valueOf(m.get("errorType"))));
            }
        }
        return out;
    }

    @Override
    protected @Nullable String codeOf(Map<String, Object> body) {
        return str(body, "errorCode");
    }

    @Override
    protected @Nullable String messageOf(Map<String, Object> body) {
        return str(body, "message");
    }
}
