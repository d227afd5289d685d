package io.zsync.dashboard.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import io.zsync.dashboard.domain.OperatorUser;
import io.zsync.dashboard.domain.PasswordHashes;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a login (form or HTTP Basic) against the configured users' PBKDF2 hashes, on the blocking executor
 * because a hash takes a noticeable fraction of a second. A successful check is remembered for a few minutes under
 * an HMAC with a per-process key, so a CLI sending Basic credentials with every call does not pay for PBKDF2 each
 * time; failures are never remembered.
 */
@Singleton
public class OperatorAuthenticationProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorAuthenticationProvider.class);
    private static final Duration REMEMBER = Duration.ofMinutes(5);

    private final OperatorUsers users;
    private final SecretKeySpec cacheKey;
    private final Map<String, Long> verified = new ConcurrentHashMap<>();

    public OperatorAuthenticationProvider(OperatorUsers users) {
        this.users = users;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.cacheKey = new SecretKeySpec(key, "HmacSHA256");
    }

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request,
                                               AuthenticationRequest<String, String> authenticationRequest) {
        String name = authenticationRequest.getIdentity();
        String password = authenticationRequest.getSecret();
        OperatorUser user = name == null ? null : users.find(name).orElse(null);
        if (user == null || password == null) {
            LOG.info("login refused: unknown user '{}'", name);
            return AuthenticationResponse.failure(AuthenticationFailureReason.USER_NOT_FOUND);
        }
        String fingerprint = fingerprint(user, password);
        Long until = verified.get(fingerprint);
        long now = System.currentTimeMillis();
        if (until == null || until < now) {
            if (!PasswordHashes.verify(password.toCharArray(), user.passwordHash())) {
                LOG.info("login refused: wrong password for '{}'", name);
                return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
            }
            verified.entrySet().removeIf(e -> e.getValue() < now);
            verified.put(fingerprint, now + REMEMBER.toMillis());
        }
        return AuthenticationResponse.success(user.name(), List.copyOf(user.roles()));
    }

    private String fingerprint(OperatorUser user, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(cacheKey);
            // The hash is part of the input, so changing a user's password invalidates what was remembered.
            mac.update((user.name() + "\u0000" + user.passwordHash() + "\u0000").getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
