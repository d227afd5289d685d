package io.zsync.sandbox.webhooks;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * Delivery settings for outbound webhooks. Retry policies are undocumented for Zoho CRM and Desk [U]
 * and only commonly reported for HubSpot [U], so every product's attempt count is a switch.
 *
 * @param crmMaxAttempts     attempts per CRM notification callback
 * @param deskMaxAttempts    attempts per Desk webhook
 * @param hubspotMaxAttempts attempts per HubSpot batch ({@code attemptNumber} counts from 0)
 * @param creatorMaxAttempts attempts per Creator post (a Deluge invokeUrl runs once)
 * @param retryDelayMs       delay before the first retry; doubles per retry
 * @param timeoutMs          receiver timeout for products without a documented one (Desk has 5 s)
 * @param historySize        deliveries kept for {@code GET /_sandbox/webhooks/deliveries}
 */
@ConfigurationProperties(WebhooksConfig.PREFIX)
public record WebhooksConfig(int crmMaxAttempts, int deskMaxAttempts, int hubspotMaxAttempts, int creatorMaxAttempts,
                             long retryDelayMs, long timeoutMs, int historySize) {

    public static final String PREFIX = "sandbox.webhooks";
}
