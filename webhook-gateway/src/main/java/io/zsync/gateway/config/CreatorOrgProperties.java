package io.zsync.gateway.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * One Zoho Creator account ({@code zsync.gateway.creator.orgs.<org>.*}) whose Deluge {@code invokeUrl}
 * posts orders with a shared-secret header.
 *
 * @param name         the org key used in the path
 * @param secret       the shared secret (from the environment)
 * @param secretHeader header carrying it
 */
@EachProperty("zsync.gateway.creator.orgs")
public record CreatorOrgProperties(
        @Parameter String name,
        @Nullable String secret,
        @Bindable(defaultValue = "X-Webhook-Secret") String secretHeader) {

    @Override
    public String toString() {
        return "CreatorOrgProperties[name=" + name + ", secret=" + Redact.of(secret) + ", secretHeader=" + secretHeader + "]";
    }
}
