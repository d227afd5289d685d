package io.zsync.gateway.http;

import io.micronaut.http.HttpRequest;
import io.zsync.gateway.config.CrmOrgProperties;
import io.zsync.gateway.config.GatewayConfiguration;
import io.zsync.gateway.config.HubSpotProperties;
import io.zsync.gateway.config.Orgs;
import io.zsync.contract.ChangeEvent;
import io.zsync.gateway.auth.DeskJwtVerifier;
import io.zsync.gateway.auth.HubSpotVerifier;
import io.zsync.gateway.config.CreatorOrgProperties;
import io.zsync.gateway.config.DeskOrgProperties;
import io.zsync.gateway.config.ExternalTenantProperties;
import io.zsync.gateway.domain.CreatorOrderNormalizer;
import io.zsync.gateway.domain.Credentials;
import io.zsync.gateway.domain.CrmNotificationNormalizer;
import io.zsync.gateway.domain.CrmWorkflowNormalizer;
import io.zsync.gateway.domain.Delivery;
import io.zsync.gateway.domain.DeskWebhookNormalizer;
import io.zsync.gateway.domain.ExternalCrmNormalizer;
import io.zsync.gateway.domain.WebhookRejection;
import io.zsync.gateway.domain.HubSpotNormalizer;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
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
    private final DeskWebhookNormalizer desk = new DeskWebhookNormalizer();
    private final CreatorOrderNormalizer creator = new CreatorOrderNormalizer();
    private final CrmWorkflowNormalizer workflow = new CrmWorkflowNormalizer();
    private final ExternalCrmNormalizer external = new ExternalCrmNormalizer();
    private final DeskJwtVerifier deskJwt;
    private final HubSpotVerifier hubSpotVerifier;
    private final Clock clock;

    public Authenticators(Orgs orgs, HubSpotProperties hubSpot, GatewayConfiguration config, DeskJwtVerifier deskJwt,
                          HubSpotVerifier hubSpotVerifier, Clock clock) {
        this.orgs = orgs;
        this.deskJwt = deskJwt;
        this.hubSpotVerifier = hubSpotVerifier;
        this.clock = clock;
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

    /** Desk: the JWT is checked before the body is parsed. */
    public List<ChangeEvent> desk(HttpRequest<?> request, Delivery delivery, Instant now) {
        DeskOrgProperties org = orgs.desk(delivery.orgId())
                .orElseThrow(() -> WebhookRejection.unauthenticated(WebhookRejection.Reason.UNKNOWN_ORG));
        deskJwt.verify(org, request.getHeaders().get("X-ZDesk-JWT"), now);
        // events and the JWT name the Desk org id, whichever way the path named the org
        return desk.normalize(new Delivery(org.id(), delivery.body(), delivery.contentType(), delivery.traceId(), delivery.receivedAt()));
    }

    /** Creator: the shared-secret header is checked before the body is parsed. */
    public List<ChangeEvent> creator(HttpRequest<?> request, Delivery delivery, String entity) {
        CreatorOrgProperties org = orgs.creator(delivery.orgId())
                .orElseThrow(() -> WebhookRejection.unauthenticated(WebhookRejection.Reason.UNKNOWN_ORG));
        Credentials.requireSecret(org.secret(), request.getHeaders().get(org.secretHeader()));
        return creator.normalize(delivery, entity);
    }

    /** CRM workflow webhooks: the secret may travel in the body, so the normalizer checks it. */
    public List<ChangeEvent> workflow(HttpRequest<?> request, Delivery delivery, String module) {
        CrmOrgProperties org = orgs.crm(delivery.orgId())
                .orElseThrow(() -> WebhookRejection.unauthenticated(WebhookRejection.Reason.UNKNOWN_ORG));
        var template = new CrmWorkflowNormalizer.Template(org.workflowIdParam(), org.workflowOperationParam(),
                org.workflowVersionParam(), org.workflowSecretParam(), org.workflowDefaultOperation());
        return workflow.normalize(delivery, module, template, org.workflowSecret(),
                request.getHeaders().get(org.workflowSecretHeader()));
    }

    /** Generic external CRM: the body HMAC is checked before the body is parsed. */
    public List<ChangeEvent> external(HttpRequest<?> request, Delivery delivery, String entity) {
        ExternalTenantProperties tenant = orgs.external(delivery.orgId())
                .orElseThrow(() -> WebhookRejection.unauthenticated(WebhookRejection.Reason.UNKNOWN_ORG));
        Credentials.requireBodyHmac(tenant.secret(), delivery.body(), request.getHeaders().get(tenant.signatureHeader()));
        return external.normalize(delivery, tenant.system(), entity);
    }

    public void verifyHubSpot(HttpRequest<?> request, byte[] body) {
        hubSpotVerifier.verify(hubSpot.clientSecret(), request.getMethodName(), calledUrl(request), body,
                request.getHeaders().get("X-HubSpot-Request-Timestamp"),
                request.getHeaders().get("X-HubSpot-Signature-v3"), clock);
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
