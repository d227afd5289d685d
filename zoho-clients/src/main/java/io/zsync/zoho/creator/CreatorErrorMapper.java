package io.zsync.zoho.creator;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.zsync.zoho.ZohoProduct;
import io.zsync.zoho.error.ZohoApiException;
import io.zsync.zoho.error.ZohoErrorMapper;
import io.zsync.zoho.error.ZohoNotFoundException;
import io.zsync.zoho.error.ZohoValidationException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Creator errors (zoho-api.md §8): {@code {"code": n, "message"}} with 3000 meaning success. Only code 1030
 * is a bad token; Creator also answers 401 with code 1000 for a missing or duplicated parameter, which a new
 * token cannot fix. 404 with 1000 (bad URL) or 1040 (no such owner) is not-found.
 */
@Singleton
public class CreatorErrorMapper extends ZohoErrorMapper {

    @Inject
    public CreatorErrorMapper(JsonMapper json) {
        this(json, Clock.systemUTC());
    }

    public CreatorErrorMapper(JsonMapper json, Clock clock) {
        super(ZohoProduct.CREATOR, json, clock);
    }

    @Override
    protected ZohoApiException mapEnvelope(@Nullable String org, int status, Map<String, Object> body,
                                           @Nullable Duration retryAfter) {
        String code = codeOf(body);
        code = code == null ? "HTTP_" + status : code;
        String message = messageOf(body);
        message = message == null ? code : message;
        if ("1030".equals(code)) {
            return tokenRejected(org, status, code, message, body);
        }
        if (status == 404 || "1040".equals(code)) {
            return new ZohoNotFoundException(product, org, status, code, message, null, body, null);
        }
        if (status == 403) {
            return authFailure(org, status, code, message, body);
        }
        return new ZohoValidationException(product, org, status, code, message, null, body);
    }

    /** Creator can answer 2xx with a code other than 3000; that is an error too. */
    public ZohoApiException mapNonSuccess(@Nullable String org, int status, int code, @Nullable String message) {
        return mapEnvelope(org, status >= 400 ? status : 400, Map.of("code", code,
                "message", message == null ? "" : message), null);
    }

    @Override
    protected @Nullable String codeOf(Map<String, Object> body) {
        Object c = body.get("code");
        if (c instanceof Number n) {
            return Long.toString(n.longValue());
        }
        return c == null ? null : String.valueOf(c);
    }

    @Override
    protected @Nullable String messageOf(Map<String, Object> body) {
        return str(body, "message");
    }
}
