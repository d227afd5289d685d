package io.zsync.zoho.error;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.zsync.zoho.ZohoProduct;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Turns one product's error answer into a {@link ZohoApiException}. The rules every product shares live here
 * (429 and 5xx retry, {@code Retry-After} in seconds or as an HTTP date, unparseable bodies, transport
 * failures); each product's subclass reads only its own envelope.
 */
public abstract class ZohoErrorMapper {
    private static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);

    protected final ZohoProduct product;
    private final JsonMapper json;
    private final Clock clock;

    protected ZohoErrorMapper(ZohoProduct product, JsonMapper json, Clock clock) {
        this.product = product;
        this.json = json;
        this.clock = clock;
    }

    public ZohoProduct product() {
        return product;
    }

    /**
     * Maps an HTTP error answer.
     *
     * @param org         org or account name
     * @param status      HTTP status
     * @param retryAfter  raw {@code Retry-After} header, if any
     * @param body        raw body, if any
     */
    public ZohoApiException map(@Nullable String org, int status, @Nullable String retryAfter, @Nullable String body) {
        Map<String, Object> parsed = parse(body);
        Duration wait = parseRetryAfter(retryAfter);
        if (status == 429) {
            return new ZohoRateLimitException(product, org, status, rateLimitCode(parsed), messageOf(parsed, body),
                    wait, parsed, null);
        }
        if (status >= 500) {
            String code = parsed == null ? "HTTP_" + status : codeOf(parsed);
            return new ZohoUnavailableException(product, org, status, code == null ? "HTTP_" + status : code,
                    messageOf(parsed, body), wait, parsed, null);
        }
        if (parsed == null) {
            return status == 404
                    ? new ZohoNotFoundException(product, org, status, "HTTP_404", truncate(body), null, null, null)
                    : new ZohoApiException(product, org, status, "HTTP_" + status, truncate(body), false, wait,
                            null, null, null, null);
        }
        return mapEnvelope(org, status, parsed, wait);
    }

    /** Maps a parsed error envelope of a 4xx answer (429 aside) to the right exception type. */
    protected abstract ZohoApiException mapEnvelope(@Nullable String org, int status, Map<String, Object> body,
                                                    @Nullable Duration retryAfter);

    /** The product's error code in a parsed body, for 429/5xx answers. */
    protected abstract @Nullable String codeOf(Map<String, Object> body);

    /** The product's error message in a parsed body. */
    protected abstract @Nullable String messageOf(Map<String, Object> body);

    /**
     * True when the API rejected the access token itself (expired or revoked): the caller refreshes once and
     * retries once before giving up with a retryable error.
     */
    public static boolean isTokenRejected(ZohoApiException e) {
        return e instanceof ZohoAuthException auth && auth.tokenRejected();
    }

    /** An auth error caused by the token: retryable, because a fresh token (or a later try) may work. */
    protected ZohoAuthException tokenRejected(@Nullable String org, int status, String code, String message,
                                              @Nullable Map<String, Object> body) {
        return new ZohoAuthException(product, org, status, code, message, true, true, null, body, null);
    }

    /** An auth error that a new token cannot fix (scope, org mismatch, revoked grant): not retryable. */
    protected ZohoAuthException authFailure(@Nullable String org, int status, String code, String message,
                                            @Nullable Map<String, Object> body) {
        return new ZohoAuthException(product, org, status, code, message, false, false, null, body, null);
    }

    /** A timeout or connection failure: no answer, so always retryable. */
    public ZohoApiException transport(@Nullable String org, Throwable cause) {
        String name = cause.getClass().getSimpleName();
        String code = name.contains("Timeout") ? "TIMEOUT" : "CONNECTION_ERROR";
        // The cause's message may contain the URL but never a header, so it is safe to keep.
        return new ZohoUnavailableException(product, org, 0, code, name + ": " + cause.getMessage(), null, null,
                cause);
    }

    /** A local budget could not be had within its bound wait. */
    public static ZohoRateLimitException budgetExhausted(ZohoProduct product, String org, String budget,
                                                         Duration retryAfter) {
        return new ZohoRateLimitException(product, org, 0, "LOCAL_BUDGET_EXHAUSTED",
                "local " + budget + " budget exhausted; not calling the API", retryAfter, null, null);
    }

    /** Parses a JSON object body; {@code null} when empty or not a JSON object. */
    public @Nullable Map<String, Object> parse(@Nullable String body) {
        if (body == null || body.isBlank() || body.trim().charAt(0) != '{') {
            return null;
        }
        try {
            return json.readValue(body, MAP);
        } catch (IOException e) {
            // A non-JSON error page (proxy, HTML) is still an error; the caller reports its text instead.
            return null;
        }
    }

    protected String rateLimitCode(@Nullable Map<String, Object> body) {
        String code = body == null ? null : codeOf(body);
        return code == null ? "TOO_MANY_REQUESTS" : code;
    }

    private String messageOf(@Nullable Map<String, Object> parsed, @Nullable String body) {
        String m = parsed == null ? null : messageOf(parsed);
        return m != null ? m : truncate(body);
    }

    /** {@code Retry-After} as delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
    public @Nullable Duration parseRetryAfter(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(clock.instant(), at.toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    // ---- small helpers for subclasses reading loosely typed JSON ----

    protected static @Nullable String str(@Nullable Map<String, Object> m, String key) {
        if (m == null) {
            return null;
        }
        Object v = m.get(key);
        return v == null ? null : String.valueOf(v);
    }

    @SuppressWarnings("unchecked")
    protected static @Nullable Map<String, Object> obj(@Nullable Map<String, Object> m, String key) {
        Object v = m == null ? null : m.get(key);
        return v instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    @SuppressWarnings("unchecked")
    protected static List<Object> list(@Nullable Map<String, Object> m, String key) {
        Object v = m == null ? null : m.get(key);
        return v instanceof List<?> l ? (List<Object>) l : List.of();
    }

    protected static String truncate(@Nullable String body) {
        if (body == null) {
            return "";
        }
        return body.length() > 500 ? body.substring(0, 500) + "..." : body;
    }
}
