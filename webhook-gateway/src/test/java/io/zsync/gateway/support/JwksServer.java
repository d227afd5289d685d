package io.zsync.gateway.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A JWKS endpoint on 127.0.0.1 standing in for {@code desk.zoho.<tld>/.well-known/jwks.json}, with keys that
 * can be rotated, and a signer that issues Desk-shaped webhook JWTs.
 */
public final class JwksServer implements AutoCloseable {

    private final HttpServer server;
    private final AtomicReference<RSAKey> current = new AtomicReference<>();
    private final AtomicInteger fetches = new AtomicInteger();

    public JwksServer() {
        rotate();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/.well-known/jwks.json", exchange -> {
            fetches.incrementAndGet();
            byte[] body = new JWKSet(current.get().toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
    }

    /** Publishes a new key pair (and only it), as a key rotation at Zoho would. */
    public RSAKey rotate() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID("kid-" + System.nanoTime()).generate();
            current.set(key);
            return key;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public RSAKey currentKey() {
        return current.get();
    }

    public int fetches() {
        return fetches.get();
    }

    /** A Desk webhook JWT with the given claims (exp etc. exactly as given), signed by {@code key}. */
    public static String sign(RSAKey key, Map<String, Object> claims) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
        claims.forEach(builder::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), builder.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** Desk's claims for {@code org} and webhook {@code webhookId}, expiring at {@code exp} (as given). */
    public static Map<String, Object> claims(String org, String webhookId, long exp) {
        return Map.of("iss", "orgId:" + org, "aud", List.of("webhookId:" + webhookId), "exp", exp);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
