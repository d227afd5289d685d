package io.zsync.gateway.domain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Shared-secret and HMAC checks, all in constant time: a forged request learns nothing from how long its
 * rejection took, not even the length of the expected value. A missing credential and a wrong one are
 * told apart only in metrics, never in the answer.
 */
public final class Credentials {

    private Credentials() {
    }

    /**
     * True when {@code given} equals {@code expected}. Both are hashed first so the comparison takes the
     * same time whatever the lengths.
     */
    public static boolean constantTimeEquals(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        MessageDigest sha = EventIds.digest("SHA-256");
        byte[] a = sha.digest(expected.getBytes(StandardCharsets.UTF_8));
        byte[] b = sha.digest(given.getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(a, b);
    }

    /** Checks a shared secret (header, body token or parameter); throws 401-kind rejections. */
    public static void requireSecret(String expected, String given) {
        if (given == null || given.isEmpty()) {
            throw WebhookRejection.unauthenticated(WebhookRejection.Reason.MISSING_CREDENTIAL);
        }
        if (expected == null || expected.isEmpty()) {
            // no secret configured for this org/channel: nothing can authenticate against it
            throw WebhookRejection.unauthenticated(WebhookRejection.Reason.UNKNOWN_ORG);
        }
        if (!constantTimeEquals(expected, given)) {
            throw WebhookRejection.unauthenticated(WebhookRejection.Reason.BAD_CREDENTIAL);
        }
    }

    /** HMAC-SHA256 of {@code message} under {@code secret}. */
    public static byte[] hmacSha256(String secret, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
    }

    /**
     * Verifies a hex HMAC-SHA256 over the raw body, as the generic external CRM endpoint expects it:
     * {@code sha256=<hex>} or bare {@code <hex>}, case-insensitive.
     */
    public static void requireBodyHmac(String secret, byte[] body, String signatureHeader) {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw WebhookRejection.unauthenticated(WebhookRejection.Reason.MISSING_CREDENTIAL);
        }
        if (secret == null || secret.isEmpty()) {
            throw WebhookRejection.unauthenticated(WebhookRejection.Reason.UNKNOWN_ORG);
        }
        String given = signatureHeader.trim().toLowerCase(Locale.ROOT);
        if (given.startsWith("sha256=")) {
            given = given.substring("sha256=".length());
        }
        String expected = HexFormat.of().formatHex(hmacSha256(secret, body));
        if (!constantTimeEquals(expected, given)) {
            throw WebhookRejection.unauthenticated(WebhookRejection.Reason.BAD_CREDENTIAL);
        }
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
