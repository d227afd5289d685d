package io.zsync.gateway;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/**
 * The webhook gateway: receives every inbound webhook, checks it is authentic, normalizes it into
 * {@code ChangeEvent}s, publishes them durably to Kafka and only then answers 2xx.
 */
@OpenAPIDefinition(info = @Info(title = "zsync webhook gateway", version = "0.1",
        description = "Inbound webhooks from Zoho CRM, Desk, Creator, HubSpot and external CRMs, published to Kafka before they are acknowledged."))
public final class GatewayApplication {

    private GatewayApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(GatewayApplication.class, args);
    }
}
