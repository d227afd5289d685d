package io.zsync.gateway.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When to (re)subscribe a Zoho CRM notification channel: channels stop silently at their expiry, which Zoho
 * caps at one week ahead, so the keeper renews a channel once it expires within {@code renewBefore}, and
 * asks for an expiry no further than a week (less a safety minute, as Zoho rejects "more than a week").
 */
public final class ChannelRenewal {

    /** Zoho's longest channel lifetime. */
    public static final Duration MAX_LIFETIME = Duration.ofDays(7);
    private static final Duration MARGIN = Duration.ofMinutes(1);

    /** What the keeper does now. */
    public enum Action { NOTHING, SUBSCRIBE, RENEW }

    /** @param newExpiry the expiry to request (null for {@link Action#NOTHING}) */
    public record Decision(Action action, Instant newExpiry) {
    }

    private ChannelRenewal() {
    }

    /**
     * @param currentExpiry the channel's expiry as Zoho reports it, or null when the channel does not exist
     */
    public static Decision decide(Instant currentExpiry, Instant now, Duration renewBefore, Duration lifetime) {
        Duration wanted = lifetime.compareTo(MAX_LIFETIME.minus(MARGIN)) > 0 ? MAX_LIFETIME.minus(MARGIN) : lifetime;
        // whole seconds: Zoho rejects expiry strings with milliseconds
        Instant newExpiry = now.plus(wanted).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        if (currentExpiry == null) {
            return new Decision(Action.SUBSCRIBE, newExpiry);
        }
        if (!currentExpiry.isAfter(now)) {
            // an expired channel is gone at Zoho: subscribe again rather than patch
            return new Decision(Action.SUBSCRIBE, newExpiry);
        }
        if (Duration.between(now, currentExpiry).compareTo(renewBefore) <= 0) {
            return new Decision(Action.RENEW, newExpiry);
        }
        return new Decision(Action.NOTHING, null);
    }
}
