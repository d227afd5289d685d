package io.zsync.sandbox.desk;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.zsync.sandbox.core.SandboxClock;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * Signs Desk webhook deliveries the way Desk does (§6.6): an RS256 JWT in {@code X-ZDesk-JWT} with
 * {@code kid}, {@code iss=orgId:<org>}, {@code aud=webhookId:<id>}, {@code iat}, {@code exp}. The key pair is
 * generated at startup (a test key, never persisted); its public half is served as a JWKS.
 */
@Singleton
public class DeskJwtSigner {

    private final RSAKey key;
    private final RSASSASigner signer;
    private final SandboxClock clock;
    private final DeskConfig config;

    public DeskJwtSigner(SandboxClock clock, DeskConfig config) throws JOSEException {
        this.clock = clock;
        this.config = config;
        this.key = new RSAKeyGenerator(2048).keyID("zsync-sandbox-" + UUID.randomUUID()).keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256).generate();
        this.signer = new RSASSASigner(key);
    }

    public String sign(String orgId, String webhookId) {
        Instant now = clock.now();
        Instant expires = now.plusSeconds(config.jwtLifetimeSeconds());
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer("orgId:" + orgId)
                .audience("webhookId:" + webhookId);
        if (config.jwtMillis()) {
            claims.claim("iat", now.toEpochMilli()).claim("exp", expires.toEpochMilli());
        } else {
            claims.issueTime(Date.from(now)).expirationTime(Date.from(expires));
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("signing a Desk webhook JWT failed", e);
        }
        return jwt.serialize();
    }

    /** The public key set served at {@code /.well-known/jwks.json}. */
    public Map<String, Object> jwks() {
        return new JWKSet(key.toPublicJWK()).toJSONObject();
    }
}
