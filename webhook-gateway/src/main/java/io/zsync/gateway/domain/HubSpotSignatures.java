package io.zsync.gateway.domain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HubSpot request signatures (zoho-api.md §9.3). The gateway accepts only v3: Base64 HMAC-SHA256 under the
 * app's client secret of {@code method + uri + body + timestamp}, with the timestamp no more than five
 * minutes away from now, so a captured request cannot be replayed later. v1 is computed only to check
 * HubSpot's published worked example.
 */
public final class HubSpotSignatures {

    /** HubSpot's replay window. */
    public static final Duration WINDOW = Duration.ofMinutes(5);

    /** Encoded characters HubSpot asks receivers to decode in the request URI before hashing. */
    private static final Map<String, String> DECODED = new LinkedHashMap<>();

    static {
        DECODED.put("%3A", ":");
        DECODED.put("%2F", "/");
        DECODED.put("%3F", "?");
        DECODED.put("%40", "@");
        DECODED.put("%21", "!");
        DECODED.put("%24", "$");
        DECODED.put("%27", "'");
        DECODED.put("%28", "(");
        DECODED.put("%29", ")");
        DECODED.put("%2A", "*");
        DECODED.put("%2C", ",");
        DECODED.put("%3B", ";");
    }

    private HubSpotSignatures() {
    }

    /** The v3 signature HubSpot would send for this request. */
    public static String v3(String clientSecret, String method, String requestUri, byte[] body, String timestamp) {
        ByteArrayOutputStream message = new ByteArrayOutputStream(body.length + 256);
        message.writeBytes(method.getBytes(StandardCharsets.UTF_8));
        message.writeBytes(decodeUri(requestUri).getBytes(StandardCharsets.UTF_8));
        message.writeBytes(body);
        message.writeBytes(timestamp.getBytes(StandardCharsets.UTF_8));
        return Credentials.base64(Credentials.hmacSha256(clientSecret, message.toByteArray()));
    }

    /** The legacy v1 signature: hex SHA-256 of {@code clientSecret + body}. */
    public static String v1(String clientSecret, byte[] body) {
        var sha = EventIds.digest("SHA-256");
        sha.update(clientSecret.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest(body));
    }

    /**
     * Verifies a v3 signature; throws a 401-kind rejection when the signature or timestamp is missing,
     * wrong, or outside the window.
     */
    public static void requireV3(String clientSecret, String method, String requestUri, byte[] body,
                                 String timestampHeader, String signatureHeader, Instant now) {
        if (signatureHeader == null || signatureHeader.isBlank() || timestampHeader == null || timestampHeader.isBlank()) {
            throw WebhookRejection.unauthenticated(WebhookRejection.Reason.MISSING_CREDENTIAL);
        }
        if (clientSecret == null || clientSecret.isEmpty()) {
            throw WebhookRejection.unauthenticated(WebhookRejection.Reason.UNKNOWN_ORG);
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            throw WebhookRejection.unauthenticated(WebhookRejection.Reason.BAD_CREDENTIAL);
        }
        Duration age = Duration.between(Instant.ofEpochMilli(timestamp), now).abs();
        if (age.compareTo(WINDOW) > 0) {
            throw WebhookRejection.unauthenticated(WebhookRejection.Reason.STALE_TIMESTAMP);
        }
        String expected = v3(clientSecret, method, requestUri, body, timestampHeader.trim());
        if (!Credentials.constantTimeEquals(expected, signatureHeader.trim())) {
            throw WebhookRejection.unauthenticated(WebhookRejection.Reason.BAD_CREDENTIAL);
        }
    }

    static String decodeUri(String uri) {
        String decoded = uri;
        for (Map.Entry<String, String> e : DECODED.entrySet()) {
            decoded = decoded.replace(e.getKey(), e.getValue()).replace(e.getKey().toLowerCase(), e.getValue());
        }
        return decoded;
    }
}
