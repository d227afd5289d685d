package io.zsync.gateway.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The claims of a Desk webhook JWT (zoho-api.md §6.6) once its RS256 signature is verified: {@code iss} must
 * name the org of the path ({@code orgId:<id>}), {@code aud} an accepted webhook ({@code webhookId:<id>}),
 * and {@code exp} must lie in the future. Desk's documentation is inconsistent about the unit of
 * {@code exp}, so values too large to be seconds are read as milliseconds.
 */
public final class DeskClaims {

    /** Epoch seconds pass this only after the year 5138; milliseconds have since 1973. */
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    private DeskClaims() {
    }

    /**
     * @param claims     the raw JWT claims (numbers as parsed from JSON)
     * @param orgId      the org the webhook path names
     * @param webhookIds accepted webhook ids; empty accepts any webhook of the org
     */
    public static void require(Map<String, Object> claims, String orgId, Collection<String> webhookIds,
                               Instant now, Duration clockSkew) {
        Object iss = claims.get("iss");
        if (!("orgId:" + orgId).equals(iss)) {
            throw WebhookRejection.unauthenticated(WebhookRejection.Reason.BAD_CREDENTIAL);
        }
        List<String> accepted = webhookIds.stream().filter(id -> id != null && !id.isBlank()).toList();
        List<String> audiences = audiences(claims.get("aud"));
        boolean audienceOk = audiences.stream().anyMatch(aud -> aud.startsWith("webhookId:")
                && (accepted.isEmpty() || accepted.contains(aud.substring("webhookId:".length()))));
        if (!audienceOk) {
            throw WebhookRejection.unauthenticated(WebhookRejection.Reason.BAD_CREDENTIAL);
        }
        Instant expiry = instant(claims.get("exp"));
        if (expiry == null) {
            throw WebhookRejection.unauthenticated(WebhookRejection.Reason.BAD_CREDENTIAL);
        }
        if (now.minus(clockSkew).isAfter(expiry)) {
            throw WebhookRejection.unauthenticated(WebhookRejection.Reason.STALE_TIMESTAMP);
        }
    }

    /** {@code exp}/{@code iat} in seconds or milliseconds; null when absent or not a number. */
    public static Instant instant(Object claim) {
        if (!(claim instanceof Number number)) {
            return null;
        }
        long value = number.longValue();
        return value >= MILLIS_THRESHOLD ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
    }

    private static List<String> audiences(Object aud) {
        if (aud instanceof String single) {
            return List.of(single);
        }
        if (aud instanceof Collection<?> many) {
            return many.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }
}
