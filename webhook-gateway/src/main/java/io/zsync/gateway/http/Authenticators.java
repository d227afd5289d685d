package io.zsync.gateway.http;

import io.micronaut.http.HttpRequest;
import io.zsync.gateway.config.CrmOrgProperties;
import io.zsync.gateway.config.GatewayConfiguration;
import io.zsync.gateway.config.HubSpotProperties;
import io.zsync.gateway.config.Orgs;
import io.zsync.gateway.domain.CrmNotificationNormalizer;
import io.zsync.gateway.domain.HubSpotNormalizer;
import io.zsync.gateway.domain.HubSpotSignatures;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Optional;

/**
 * Binds the pure normalizers and signature checks to the configured secrets, and reads from a request what
 * the checks need (headers, the URL the sender called). Secrets are only ever passed to the checks.
 */
@Singleton
public class Authenticators {

    private final Orgs orgs;
    private final HubSpotProperties hubSpot;
    private final GatewayConfiguration config;
    private final CrmNotificationNormalizer crmNotification;
    private final HubSpotNormalizer hubSpotNormalizer = new HubSpotNormalizer();

    public Authenticators(Orgs orgs, HubSpotProperties hubSpot, GatewayConfiguration config) {
        this.orgs = orgs;
        this.hubSpot = hubSpot;
        this.config = config;
        this.crmNotification = new CrmNotificationNormalizer((org, channel) -> orgs.crm(org)
                .filter(o -> channel.equals(o.channelId()))
                .map(CrmOrgProperties::channelToken));
    }

    public CrmNotificationNormalizer crmNotification() {
        return crmNotification;
    }

    public HubSpotNormalizer hubSpot() {
        return hubSpotNormalizer;
    }

    public void verifyHubSpot(HttpRequest<?> request, byte[] body, Instant now) {
        HubSpotSignatures.requireV3(hubSpot.clientSecret(), request.getMethodName(), calledUrl(request), body,
                request.getHeaders().get("X-HubSpot-Request-Timestamp"),
                request.getHeaders().get("X-HubSpot-Signature-v3"), now);
    }

    /** The full URL the sender called: the configured public base, else what the proxy headers say. */
    String calledUrl(HttpRequest<?> request) {
        String pathAndQuery = request.getUri().toString();
        String base = Optional.ofNullable(config.publicBaseUrl()).filter(b -> !b.isBlank()).orElseGet(() -> {
            String proto = Optional.ofNullable(request.getHeaders().get("X-Forwarded-Proto")).orElse("http");
            String host = Optional.ofNullable(request.getHeaders().get("X-Forwarded-Host"))
                    .or(() -> Optional.ofNullable(request.getHeaders().get("Host"))).orElse("localhost");
            return proto + "://" + host;
        });
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + pathAndQuery;
    }
}
