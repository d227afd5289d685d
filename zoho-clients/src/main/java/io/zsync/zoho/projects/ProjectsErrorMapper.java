package io.zsync.zoho.projects;

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
 * Projects v1 errors (zoho-api.md §7.1): {@code {"error":{"code":6404,"message":"..."}}} (shape [U]); 401
 * (codes 6401/6890) asks for a token refresh, 404 (6404/6504) is not-found, other 4xx are validation errors.
 */
@Singleton
public class ProjectsErrorMapper extends ZohoErrorMapper {

    @Inject
    public ProjectsErrorMapper(JsonMapper json) {
        this(json, Clock.systemUTC());
    }

    public ProjectsErrorMapper(JsonMapper json, Clock clock) {
        super(ZohoProduct.PROJECTS, json, clock);
    }

    @Override
    protected ZohoApiException mapEnvelope(@Nullable String org, int status, Map<String, Object> body,
                                           @Nullable Duration retryAfter) {
        String code = codeOf(body);
        code = code == null ? "HTTP_" + status : code;
        String message = messageOf(body);
        message = message == null ? code : message;
        if (status == 401) {
            return tokenRejected(org, status, code, message, body);
        }
        if (status == 404 || "6404".equals(code) || "6504".equals(code)) {
            return new ZohoNotFoundException(product, org, status, code, message, null, body, null);
        }
        if (status == 403) {
            return authFailure(org, status, code, message, body);
        }
        return new ZohoValidationException(product, org, status, code, message, null, body);
    }

    @Override
    protected @Nullable String codeOf(Map<String, Object> body) {
        Map<String, Object> error = obj(body, "error");
        Object c = error == null ? body.get("code") : error.get("code");
        if (c instanceof Number n) {
            return Long.toString(n.longValue());
        }
        return c == null ? null : String.valueOf(c);
    }

    @Override
    protected @Nullable String messageOf(Map<String, Object> body) {
        Map<String, Object> error = obj(body, "error");
        return error == null ? str(body, "message") : str(error, "message");
    }
}
