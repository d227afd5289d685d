package io.zsync.gateway.http;

import io.micronaut.http.HttpRequest;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The trace id of a request: the W3C {@code traceparent} trace id when a valid one is present, else an
 * {@code X-Trace-Id} of plain characters, else a new random id. Carried into every event and log line.
 * New ids come from {@link ThreadLocalRandom}, as OpenTelemetry's id generator does: a trace id must be unique,
 * not unguessable, and {@code UUID.randomUUID()} costs every request a turn on the shared {@code SecureRandom}.
 */
public final class TraceIds {

    public static final String TRACE_HEADER = "X-Trace-Id";
    private static final Pattern TRACEPARENT = Pattern.compile("^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$");
    private static final Pattern PLAIN = Pattern.compile("^[A-Za-z0-9._-]{1,64}$");
    private static final String ZERO_TRACE = "0".repeat(32);

    private TraceIds() {
    }

    public static String of(HttpRequest<?> request) {
        return of(request.getHeaders().get("traceparent"), request.getHeaders().get(TRACE_HEADER));
    }

    static String of(String traceparent, String traceIdHeader) {
        if (traceparent != null) {
            var m = TRACEPARENT.matcher(traceparent.trim());
            if (m.matches() && !m.group(1).equals(ZERO_TRACE)) {
                return m.group(1);
            }
        }
        if (traceIdHeader != null && PLAIN.matcher(traceIdHeader.trim()).matches()) {
            return traceIdHeader.trim();
        }
        return newId();
    }

    /** 32 lower-case hex digits, never all zero (W3C's invalid trace id). */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high;
        long low;
        do {
            high = random.nextLong();
            low = random.nextLong();
        } while (high == 0 && low == 0);
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(high) + hex.toHexDigits(low);
    }
}
