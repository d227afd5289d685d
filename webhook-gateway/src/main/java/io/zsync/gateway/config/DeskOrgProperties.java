package io.zsync.gateway.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.List;

/**
 * One Zoho Desk org ({@code zsync.gateway.desk.orgs.<orgId>.*}): where its webhook-signing keys are published
 * and which webhooks may call. Desk signs a JWT, not the body, so the keys are public and nothing here is
 * secret.
 *
 * @param name              the map key
 * @param orgId             the Desk org id (default: the key); the webhook path, the events' {@code orgId} and
 *                          the JWT's {@code iss = orgId:<id>} must all name it
 * @param jwksUrl           the JWKS URL (e.g. {@code https://desk.zoho.com/.well-known/jwks.json})
 * @param webhookIds        accepted {@code aud = webhookId:<id>} values; empty accepts any webhook of the org
 * @param jwksCacheTtl      how long fetched keys are trusted before a refresh
 * @param jwksRefreshMinInterval least time between two refreshes forced by an unknown {@code kid}
 * @param clockSkew         tolerance when checking {@code exp}
 */
@EachProperty("zsync.gateway.desk.orgs")
public record DeskOrgProperties(
        @Parameter String name,
        @Nullable String orgId,
        String jwksUrl,
        @Bindable(defaultValue = "") List<String> webhookIds,
        @Bindable(defaultValue = "1h") Duration jwksCacheTtl,
        @Bindable(defaultValue = "30s") Duration jwksRefreshMinInterval,
        @Bindable(defaultValue = "60s") Duration clockSkew) {

    /** The Desk org id this entry is for. */
    public String id() {
        return orgId == null || orgId.isBlank() ? name : orgId;
    }
}
