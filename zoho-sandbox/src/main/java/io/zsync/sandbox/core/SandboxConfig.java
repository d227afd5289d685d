package io.zsync.sandbox.core;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.time.ZoneId;

/**
 * Settings shared by every product.
 *
 * @param publicUrl     the URL clients reach the sandbox at (returned as {@code api_domain}); blank means
 *                      the embedded server's own URL
 * @param timeZone      the Zoho org/user time zone CRM and Books datetimes are rendered in
 * @param faultSeed     seed of the fault-injection dice; 0 means a random seed per run
 * @param timeoutFaultMs how long a TIMEOUT fault holds a request before answering 504
 */
@ConfigurationProperties(SandboxConfig.PREFIX)
public record SandboxConfig(@Nullable String publicUrl, String timeZone, long faultSeed, long timeoutFaultMs) {

    public static final String PREFIX = "sandbox";

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
