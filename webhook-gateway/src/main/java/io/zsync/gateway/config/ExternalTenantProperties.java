package io.zsync.gateway.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.zsync.contract.SystemId;

/**
 * One tenant of the generic external-CRM endpoint ({@code zsync.gateway.external.tenants.<tenant>.*}).
 *
 * @param name            the tenant id used in the path and as the events' org id
 * @param secret          HMAC-SHA256 key (from the environment)
 * @param signatureHeader header carrying {@code sha256=<hex>} of the raw body
 * @param system          which system the events come from (EXTERNAL, SALESFORCE, HUBSPOT)
 */
@EachProperty("zsync.gateway.external.tenants")
public record ExternalTenantProperties(
        @Parameter String name,
        @Nullable String secret,
        @Bindable(defaultValue = "X-Zsync-Signature") String signatureHeader,
        @Bindable(defaultValue = "EXTERNAL") SystemId system) {

    @Override
    public String toString() {
        return "ExternalTenantProperties[name=" + name + ", secret=" + Redact.of(secret) + ", system=" + system + "]";
    }
}
