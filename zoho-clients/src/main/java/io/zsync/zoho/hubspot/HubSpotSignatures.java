package io.zsync.zoho.hubspot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HubSpot webhook signatures (zoho-api.md §9.3), for the webhook gateway: v1 is hex SHA-256 of
 * {@code secret + body}, v2 hex SHA-256 of {@code secret + method + uri + body}, v3 Base64 HMAC-SHA256 keyed by the
 * client secret over {@code method + uri + body + timestamp}, rejected when the timestamp is older than 5 minutes.
 * Comparisons are constant-time. The body must be the raw bytes as received, before any JSON parsing.
 */
public final class HubSpotSignatures {
    /** v3 signatures older than this are rejected (replay window). */
    public static final Duration MAX_AGE = Duration.ofMinutes(5);

    // HubSpot asks to decode these escapes in the request URI before hashing (list [U] in zoho-api.md).
    private static final Map<String, String> V3_DECODE = new LinkedHashMap<>();

    static {
        String[][] pairs = {{"%3A", ":"}, {"%2F", "/"}, {"%3F", "?"}, {"%40", "@"}, {"%21", "!"}, {"%24", "$"},
                {"%27", "'"}, {"%28", "("}, {"%29", ")"}, {"%2A", "*"}, {"%2C", ","}, {"%3B", ";"}};
        for (String[] p : pairs) {
            V3_DECODE.put(p[0], p[1]);
        }
    }

    private HubSpotSignatures() {
    }

    /** v1: lower-case hex SHA-256 of {@code clientSecret + body}. */
    public static String v1(String clientSecret, String body) {
        return HexFormat.of().formatHex(sha256(clientSecret + body));
    }

    /** v2: lower-case hex SHA-256 of {@code clientSecret + method + uri + body}. */
    public static String v2(String clientSecret, String method, String uri, String body) {
        return HexFormat.of().formatHex(sha256(clientSecret + method + uri + body));
    }

    /** v3: Base64 HMAC-SHA256 of {@code method + decoded uri + body + timestamp} keyed by the client secret. */
    public static String v3(String clientSecret, String method, String uri, String body, String timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(clientSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] sig = mac.doFinal((method + decodeUri(uri) + body + timestamp).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sig);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }

    /** Checks a v1 signature in constant time. */
    public static boolean verifyV1(String clientSecret, String body, String signature) {
        return constantTimeEquals(v1(clientSecret, body), signature == null ? "" : signature.toLowerCase());
    }

    /** Checks a v2 signature in constant time. */
    public static boolean verifyV2(String clientSecret, String method, String uri, String body, String signature) {
        return constantTimeEquals(v2(clientSecret, method, uri, body), signature == null ? "" : signature.toLowerCase());
    }

    /**
     * Checks a v3 signature: the timestamp (epoch millis, header {@code X-HubSpot-Request-Timestamp}) must be at
     * most {@link #MAX_AGE} old (and not from the future beyond the same window), then the signature must match.
     */
    public static boolean verifyV3(String clientSecret, String method, String uri, String body, String timestamp,
                                   String signature, Clock clock) {
        long millis;
        try {
            millis = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException | NullPointerException e) {
            return false;
        }
        Duration age = Duration.between(Instant.ofEpochMilli(millis), clock.instant());
        if (age.abs().compareTo(MAX_AGE) > 0) {
            return false;
        }
        return constantTimeEquals(v3(clientSecret, method, uri, body, timestamp.trim()), signature == null ? "" : signature);
    }

    /** Decodes the escapes HubSpot lists, leaving every other one as sent. */
    static String decodeUri(String uri) {
        StringBuilder out = new StringBuilder(uri.length());
        for (int i = 0; i < uri.length(); i++) {
            if (uri.charAt(i) == '%' && i + 2 < uri.length()) {
                String esc = uri.substring(i, i + 3).toUpperCase();
                String plain = V3_DECODE.get(esc);
                if (plain != null) {
                    out.append(plain);
                    i += 2;
                    continue;
                }
            }
            out.append(uri.charAt(i));
        }
        return out.toString();
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static boolean constantTimeEquals(String expected, String actual) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }
}
