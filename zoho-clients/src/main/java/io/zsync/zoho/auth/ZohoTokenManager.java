package io.zsync.zoho.auth;

import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.zsync.zoho.ZohoProduct;
import io.zsync.zoho.budget.ZohoMetrics;
import io.zsync.zoho.config.ZohoClientProperties;
import io.zsync.zoho.config.ZohoOrg;
import io.zsync.zoho.config.ZohoOrgRegistry;
import io.zsync.zoho.error.ZohoApiException;
import io.zsync.zoho.error.ZohoAuthException;
import io.zsync.zoho.error.ZohoUnavailableException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Holds one access token per org, refreshed a margin before it expires and at most once at a time per org
 * (single flight): Zoho mints at most 10 tokens per 10 minutes per refresh token, so a refresh per request or
 * per thread would lock the org out (zoho-api.md §2.4).
 *
 * <p>Errors come back with HTTP 200 ({@code {"error":"invalid_code"}}) and are detected before reading the token.
 * {@code Access Denied} (the mint throttle) starts a doubling cool-down during which no grant is sent and callers
 * get a retryable {@link ZohoAuthException} carrying the remaining wait.
 */
@Singleton
public class ZohoTokenManager {
    private static final Logger LOG = LoggerFactory.getLogger(ZohoTokenManager.class);

    private final ZohoOrgRegistry orgs;
    private final TokenEndpoint endpoint;
    private final ZohoClientProperties props;
    private final ZohoMetrics metrics;
    private final Clock clock;
    private final Map<String, AccessToken> cache = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<AccessToken>> inflight = new ConcurrentHashMap<>();
    private final Map<String, Cooldown> cooldowns = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> grants = new ConcurrentHashMap<>();

    @Inject
    public ZohoTokenManager(ZohoOrgRegistry orgs, TokenEndpoint endpoint, ZohoClientProperties props,
                            ZohoMetrics metrics) {
        this(orgs, endpoint, props, metrics, Clock.systemUTC());
    }

    public ZohoTokenManager(ZohoOrgRegistry orgs, TokenEndpoint endpoint, ZohoClientProperties props,
                            ZohoMetrics metrics, Clock clock) {
        this.orgs = orgs;
        this.endpoint = endpoint;
        this.props = props;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** A token valid for at least the refresh margin; refreshes (once, shared by all callers) when needed. */
    public CompletableFuture<AccessToken> token(String org) {
        AccessToken cached = cache.get(org);
        if (cached != null && cached.freshAt(clock.instant(), props.tokenRefreshMargin())) {
            return CompletableFuture.completedFuture(cached);
        }
        return refreshOnce(org);
    }

    /** Blocking variant of {@link #token(String)} that throws the typed error instead of a wrapper. */
    public AccessToken tokenBlocking(String org) {
        try {
            return token(org).join();
        } catch (CompletionException e) {
            throw unwrap(e);
        }
    }

    /**
     * Drops the cached token if it is still the one an API rejected, so the next call refreshes; a token some
     * other caller already replaced is kept, which keeps concurrent 401s down to one refresh.
     */
    public void invalidate(String org, String rejectedToken) {
        cache.computeIfPresent(org, (k, current) -> current.value().equals(rejectedToken) ? null : current);
    }

    /** The {@code api_domain} of the org's current token, if one was minted. */
    public String apiDomain(String org) {
        AccessToken t = cache.get(org);
        return t == null ? null : t.apiDomain();
    }

    /** Refresh-token grants sent for an org since start (for tests and diagnostics). */
    public long grantsSent(String org) {
        AtomicLong n = grants.get(org);
        return n == null ? 0 : n.get();
    }

    private CompletableFuture<AccessToken> refreshOnce(String orgName) {
        CompletableFuture<AccessToken> mine = new CompletableFuture<>();
        CompletableFuture<AccessToken> running = inflight.putIfAbsent(orgName, mine);
        if (running != null) {
            return running;
        }
        try {
            // Another flight may have finished between the cache read and winning the slot.
            AccessToken cached = cache.get(orgName);
            Instant now = clock.instant();
            if (cached != null && cached.freshAt(now, props.tokenRefreshMargin())) {
                finish(orgName, mine, cached, null);
                return mine;
            }
            Cooldown cooldown = cooldowns.get(orgName);
            if (cooldown != null && now.isBefore(cooldown.until())) {
                finish(orgName, mine, null, throttled(orgName, 0, Duration.between(now, cooldown.until()),
                        "token minting paused after Access Denied"));
                return mine;
            }
            ZohoOrg org = orgs.org(orgName);
            grants.computeIfAbsent(orgName, k -> new AtomicLong()).incrementAndGet();
            endpoint.refresh(org).whenComplete((answer, failure) -> {
                try {
                    AccessToken token = interpret(orgName, answer, failure);
                    cache.put(orgName, token);
                    cooldowns.remove(orgName);
                    metrics.tokenRefresh(orgName, "ok");
                    finish(orgName, mine, token, null);
                } catch (ZohoApiException e) {
                    metrics.tokenRefresh(orgName, e.code());
                    LOG.warn("Zoho token refresh for org {} failed: {}", orgName, e.getMessage());
                    finish(orgName, mine, null, e);
                }
            });
        } catch (RuntimeException e) {
            finish(orgName, mine, null, e);
        }
        return mine;
    }

    private void finish(String org, CompletableFuture<AccessToken> flight, AccessToken token, RuntimeException error) {
        // Leave the slot before completing, so a caller woken by this flight that needs another refresh
        // (e.g. after a 401) starts a new one instead of joining the finished one.
        inflight.remove(org, flight);
        if (error == null) {
            flight.complete(token);
        } else {
            flight.completeExceptionally(error);
        }
    }

    private AccessToken interpret(String org, TokenEndpoint.TokenAnswer answer, Throwable failure) {
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof ZohoApiException z) {
                throw z;
            }
            if (cause instanceof HttpClientResponseException e) {
                if (e.code() >= 500) {
                    throw new ZohoUnavailableException(ZohoProduct.ACCOUNTS, org, e.code(), "HTTP_" + e.code(),
                            "token endpoint failed", null, null, null);
                }
                throw new ZohoAuthException(ZohoProduct.ACCOUNTS, org, e.code(), "HTTP_" + e.code(),
                        "token endpoint rejected the grant without a readable body", false, null, null, null);
            }
            if (cause instanceof HttpClientException || cause instanceof java.io.IOException) {
                String code = cause.getClass().getSimpleName().contains("Timeout") ? "TIMEOUT" : "CONNECTION_ERROR";
                throw new ZohoUnavailableException(ZohoProduct.ACCOUNTS, org, 0, code,
                        "token endpoint unreachable: " + cause.getClass().getSimpleName(), null, null, cause);
            }
            throw new ZohoUnavailableException(ZohoProduct.ACCOUNTS, org, 0, "TOKEN_ENDPOINT_FAILURE",
                    cause.getClass().getSimpleName(), null, null, cause);
        }
        TokenResponse body = answer.body();
        // Zoho Accounts reports errors with HTTP 200: the error key decides, not the status.
        if (body.error() != null && !body.error().isBlank()) {
            if (isThrottle(body)) {
                throw throttled(org, answer.httpStatus(), nextCooldown(org), describe(body));
            }
            throw new ZohoAuthException(ZohoProduct.ACCOUNTS, org, answer.httpStatus(), body.error(),
                    "token refresh rejected: " + describe(body), false, null, null, null);
        }
        if (body.accessToken() == null || body.accessToken().isBlank()) {
            throw new ZohoAuthException(ZohoProduct.ACCOUNTS, org, answer.httpStatus(), "NO_ACCESS_TOKEN",
                    "token endpoint answered without access_token", answer.httpStatus() >= 500, null, null, null);
        }
        Instant expiresAt = clock.instant().plusSeconds(body.lifetimeSeconds());
        return new AccessToken(body.accessToken(), expiresAt, body.apiDomain());
    }

    private static boolean isThrottle(TokenResponse body) {
        String e = body.error().toLowerCase(Locale.ROOT);
        String d = body.errorDescription() == null ? "" : body.errorDescription().toLowerCase(Locale.ROOT);
        return e.contains("access denied") || d.contains("too many requests");
    }

    private Duration nextCooldown(String org) {
        Instant now = clock.instant();
        Cooldown next = cooldowns.compute(org, (k, prev) -> {
            Duration pause = prev == null ? props.accessDeniedBackoff() : prev.pause().multipliedBy(2);
            if (pause.compareTo(props.accessDeniedMaxBackoff()) > 0) {
                pause = props.accessDeniedMaxBackoff();
            }
            return new Cooldown(now.plus(pause), pause);
        });
        return next.pause();
    }

    private static ZohoAuthException throttled(String org, int status, Duration wait, String why) {
        return new ZohoAuthException(ZohoProduct.ACCOUNTS, org, status, "ACCESS_DENIED", why, true, wait, null, null);
    }

    private static String describe(TokenResponse body) {
        return body.error() + (body.errorDescription() == null ? "" : " (" + body.errorDescription() + ")");
    }

    private static RuntimeException unwrap(CompletionException e) {
        Throwable c = e.getCause();
        return c instanceof RuntimeException r ? r : e;
    }

    private record Cooldown(Instant until, Duration pause) {
    }
}
