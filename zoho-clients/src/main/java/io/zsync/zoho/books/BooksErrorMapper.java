package io.zsync.zoho.books;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.zsync.zoho.ZohoProduct;
import io.zsync.zoho.error.ZohoApiException;
import io.zsync.zoho.error.ZohoDuplicateException;
import io.zsync.zoho.error.ZohoErrorMapper;
import io.zsync.zoho.error.ZohoNotFoundException;
import io.zsync.zoho.error.ZohoUnavailableException;
import io.zsync.zoho.error.ZohoValidationException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Books errors (zoho-api.md §5.4): {@code {"code": <non-zero>, "message": "..."}}. 401 asks for a token refresh;
 * 3062 (contact name exists) and 1001 ("already exists", e.g. invoice number, [U]) are duplicates without an
 * id (callers search by name or number); 1002 and 404 are not-found; 1000 (internal error) retries.
 */
@Singleton
public class BooksErrorMapper extends ZohoErrorMapper {

    @Inject
    public BooksErrorMapper(JsonMapper json) {
        this(json, Clock.systemUTC());
    }

    public BooksErrorMapper(JsonMapper json, Clock clock) {
        super(ZohoProduct.BOOKS, json, clock);
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
        return switch (code) {
            case "3062", "1001" -> new ZohoDuplicateException(product, org, status, code, message, null, null, body);
            case "1002" -> new ZohoNotFoundException(product, org, status, code, message, null, body, null);
            case "1000" -> new ZohoUnavailableException(product, org, status, code, message, retryAfter, body, null);
            default -> {
                if (status == 404) {
                    yield new ZohoNotFoundException(product, org, status, code, message, null, body, null);
                }
                if (status == 403) {
                    yield authFailure(org, status, code, message, body);
                }
                yield new ZohoValidationException(product, org, status, code, message, null, body);
            }
        };
    }

    /** Books can answer 2xx with a non-zero code; that is an error too. */
    public ZohoApiException mapNonZero(@Nullable String org, int status, int code, @Nullable String message) {
        return mapEnvelope(org, status >= 400 ? status : 400, Map.of("code", code,
                "message", message == null ? "" : message), null);
    }

    /** The 429 of Books carries a numeric code too; keep it. */
    @Override
    protected String rateLimitCode(@Nullable Map<String, Object> body) {
        String c = body == null ? null : codeOf(body);
        return c == null || "0".equals(c) ? "TOO_MANY_REQUESTS" : c;
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
