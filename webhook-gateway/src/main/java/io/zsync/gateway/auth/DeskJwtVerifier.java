package io.zsync.gateway.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.zsync.gateway.config.DeskOrgProperties;
import io.zsync.gateway.domain.DeskClaims;
import io.zsync.gateway.domain.WebhookRejection;
import jakarta.inject.Singleton;

import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies the {@code X-ZDesk-JWT} of a Desk webhook: an RS256 signature by a key of the org's JWKS (fetched
 * once, cached, and refetched when a token names a {@code kid} the cache does not hold, so key rotation
 * needs no restart), then the claims by {@link DeskClaims}. The JWT does not cover the body; consumers
 * re-fetch the ticket by id before acting on it.
 */
@Singleton
public class DeskJwtVerifier {

    private final Map<String, DefaultJWTProcessor<SecurityContext>> processors = new ConcurrentHashMap<>();

    public void verify(DeskOrgProperties org, String jwt, Instant now) {
        if (jwt == null || jwt.isBlank()) {
            throw WebhookRejection.unauthenticated(WebhookRejection.Reason.MISSING_CREDENTIAL);
        }
        SignedJWT signed;
        try {
            signed = SignedJWT.parse(jwt.trim());
        } catch (ParseException e) {
            throw WebhookRejection.unauthenticated(WebhookRejection.Reason.BAD_CREDENTIAL);
        }
        if (!JWSAlgorithm.RS256.equals(signed.getHeader().getAlgorithm())) {
            throw WebhookRejection.unauthenticated(WebhookRejection.Reason.BAD_CREDENTIAL);
        }
        try {
            processorFor(org).process(signed, null);
        } catch (KeySourceException e) {
            throw new KeysUnavailable("the JWKS of Desk org " + org.id() + " could not be fetched: " + e.getMessage(), e);
        } catch (BadJOSEException | JOSEException e) {
            // wrong signature, or no key with that kid even after a refresh
            throw WebhookRejection.unauthenticated(WebhookRejection.Reason.BAD_CREDENTIAL);
        }
        DeskClaims.require(signed.getPayload().toJSONObject(), org.id(), org.webhookIds(), now, org.clockSkew());
    }

    private DefaultJWTProcessor<SecurityContext> processorFor(DeskOrgProperties org) {
        return processors.computeIfAbsent(org.id(), id -> {
            JWKSource<SecurityContext> keys;
            try {
                JWKSourceBuilder<SecurityContext> builder = JWKSourceBuilder.<SecurityContext>create(URI.create(org.jwksUrl()).toURL())
                        .cache(org.jwksCacheTtl().toMillis(), JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT)
                        .retrying(false);
                builder = org.jwksRefreshMinInterval().isZero() ? builder.rateLimited(false)
                        : builder.rateLimited(org.jwksRefreshMinInterval().toMillis());
                keys = builder.build();
            } catch (MalformedURLException | IllegalArgumentException e) {
                throw new IllegalStateException("zsync.gateway.desk.orgs." + org.name() + ".jwks-url is not a URL", e);
            }
            DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
            // claims are checked by DeskClaims, which also reads exp given in milliseconds
            processor.setJWTClaimsSetVerifier((claims, context) -> { });
            return processor;
        });
    }
}
