package io.zsync.sandbox.accounts;

import io.zsync.sandbox.core.Json;
import io.zsync.sandbox.core.SandboxClock;
import io.zsync.sandbox.core.ServerInfo;
import io.zsync.sandbox.core.SlidingWindowLimiter;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Zoho Accounts' token rules (zoho-api.md §2): clients, refresh tokens, grant codes and access tokens
 * that expire after {@code expires_in} on the sandbox clock. Errors are answered the way Zoho does, as
 * an {@code error} key (usually with HTTP 200), never as an exception.
 */
@Singleton
public class OAuthStore implements io.zsync.sandbox.core.Resettable {

    /** The outcome of a token request: the HTTP status and JSON body to answer with. */
    public record TokenOutcome(int status, Map<String, Object> body) {
    }

    /** What a resource API learns about a presented access token. */
    public enum TokenState { VALID, EXPIRED, UNKNOWN, MISSING }

    public record Client(String clientId, String clientSecret, String redirectUri, String scope) {
    }

    private record RefreshGrant(String clientId, String scope) {
    }

    private record AccessGrant(String clientId, String refreshToken, Instant expiresAt) {
    }

    private record GrantCode(String clientId, String redirectUri, String scope, Instant expiresAt) {
    }

    static final String THROTTLE_DESCRIPTION =
            "You have made too many requests continuously. Please try again after some time.";

    private final AccountsConfig config;
    private final SandboxClock clock;
    private final ServerInfo server;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final Map<String, RefreshGrant> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, AccessGrant> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Deque<String>> activeByRefreshToken = new ConcurrentHashMap<>();
    private final Map<String, SlidingWindowLimiter> throttles = new ConcurrentHashMap<>();
    private final Map<String, GrantCode> codes = new ConcurrentHashMap<>();

    public OAuthStore(AccountsConfig config, SandboxClock clock, ServerInfo server) {
        this.config = config;
        this.clock = clock;
        this.server = server;
        registerDefaults();
    }

    private void registerDefaults() {
        register(config.clientId(), config.clientSecret(), config.redirectUri(), config.scope());
        refreshTokens.put(config.refreshToken(), new RefreshGrant(config.clientId(), config.scope()));
        // One client per Zoho org of a multi-org local stack: "clientId|secret|refreshToken,…".
        if (config.extraClients() != null) {
            for (String entry : config.extraClients().split(",")) {
                String[] parts = entry.trim().split("\\|");
                if (parts.length == 3) {
                    register(parts[0].trim(), parts[1].trim(), null, null);
                    addRefreshToken(parts[0].trim(), parts[2].trim());
                } else if (!entry.isBlank()) {
                    throw new IllegalArgumentException("sandbox.accounts.extra-clients entries are clientId|secret|refreshToken");
                }
            }
        }
    }

    /** Registers (or replaces) a client; blank values are generated. */
    public Client register(String clientId, String clientSecret, String redirectUri, String scope) {
        Client client = new Client(
                blank(clientId) ? "1000." + hex(15).toUpperCase() : clientId,
                blank(clientSecret) ? hex(21) : clientSecret,
                blank(redirectUri) ? config.redirectUri() : redirectUri,
                blank(scope) ? config.scope() : scope);
        clients.put(client.clientId(), client);
        return client;
    }

    /** Issues a refresh token for a registered client (what a consent would give), or takes the given one. */
    public String addRefreshToken(String clientId, String refreshToken) {
        Client client = clients.get(clientId);
        if (client == null) {
            throw new IllegalArgumentException("unknown client " + clientId);
        }
        String token = blank(refreshToken) ? newToken() : refreshToken;
        refreshTokens.put(token, new RefreshGrant(clientId, client.scope()));
        return token;
    }

    /** A one-time grant code, as the consent redirect would carry. */
    public String newCode(String clientId, String redirectUri) {
        Client client = clients.get(clientId);
        if (client == null) {
            throw new IllegalArgumentException("unknown client " + clientId);
        }
        String code = "1000." + hex(16) + "." + hex(16);
        codes.put(code, new GrantCode(clientId, blank(redirectUri) ? client.redirectUri() : redirectUri,
                client.scope(), clock.now().plusSeconds(config.codeTtlSeconds())));
        return code;
    }

    public boolean isClient(String clientId) {
        return clientId != null && clients.containsKey(clientId);
    }

    /** grant_type=refresh_token. */
    public TokenOutcome refresh(String clientId, String clientSecret, String refreshToken) {
        TokenOutcome clientError = checkClient(clientId, clientSecret);
        if (clientError != null) {
            return clientError;
        }
        RefreshGrant grant = refreshToken == null ? null : refreshTokens.get(refreshToken);
        if (grant == null || !grant.clientId().equals(clientId)) {
            return error("invalid_code");
        }
        if (config.throttleEnabled() && !throttle(refreshToken).tryAcquire(clock.now(), 1)) {
            return new TokenOutcome(config.throttleHttpStatus(), Json.obj(
                    "error", "Access Denied", "error_description", THROTTLE_DESCRIPTION, "status", "failure"));
        }
        return new TokenOutcome(200, tokenBody(issueAccessToken(clientId, refreshToken), grant.scope(), null));
    }

    /** grant_type=authorization_code: returns a refresh token as well. */
    public TokenOutcome exchangeCode(String clientId, String clientSecret, String code, String redirectUri) {
        TokenOutcome clientError = checkClient(clientId, clientSecret);
        if (clientError != null) {
            return clientError;
        }
        GrantCode grant = code == null ? null : codes.remove(code);
        if (grant == null || !grant.clientId().equals(clientId) || clock.now().isAfter(grant.expiresAt())) {
            return error("invalid_code");
        }
        if (redirectUri != null && !redirectUri.equals(grant.redirectUri())) {
            return error("invalid_redirect_uri");
        }
        String refreshToken = newToken();
        refreshTokens.put(refreshToken, new RefreshGrant(clientId, grant.scope()));
        return new TokenOutcome(200, tokenBody(issueAccessToken(clientId, refreshToken), grant.scope(), refreshToken));
    }

    /** Mints an access token directly (admin convenience: not throttled). */
    public Map<String, Object> mintForAdmin(String clientId) {
        String id = blank(clientId) ? config.clientId() : clientId;
        String refreshToken = refreshTokens.entrySet().stream()
                .filter(e -> e.getValue().clientId().equals(id)).map(Map.Entry::getKey).findFirst()
                .orElseGet(() -> addRefreshToken(id, null));
        return tokenBody(issueAccessToken(id, refreshToken), clients.get(id).scope(), null);
    }

    /** Revokes a refresh token and every access token minted from it. */
    public boolean revoke(String refreshToken) {
        if (refreshToken == null || refreshTokens.remove(refreshToken) == null) {
            return false;
        }
        Deque<String> active = activeByRefreshToken.remove(refreshToken);
        if (active != null) {
            synchronized (active) {
                active.forEach(accessTokens::remove);
            }
        }
        return true;
    }

    public TokenState check(String accessToken) {
        AccessGrant grant = accessToken == null ? null : accessTokens.get(accessToken);
        if (grant == null) {
            return TokenState.UNKNOWN;
        }
        return clock.now().isBefore(grant.expiresAt()) ? TokenState.VALID : TokenState.EXPIRED;
    }

    public List<Client> clients() {
        return List.copyOf(clients.values());
    }

    /** Clears per-test state (throttle windows, grant codes); tokens and clients stay. */
    public void resetWindows() {
        throttles.clear();
        codes.clear();
    }

    @Override
    public void reset(boolean all) {
        if (all) {
            resetAll();
        } else {
            resetWindows();
        }
    }

    /** Back to the configured client and refresh token only. */
    public void resetAll() {
        resetWindows();
        clients.clear();
        refreshTokens.clear();
        accessTokens.clear();
        activeByRefreshToken.clear();
        registerDefaults();
    }

    private TokenOutcome checkClient(String clientId, String clientSecret) {
        Client client = clientId == null ? null : clients.get(clientId);
        if (client == null) {
            return error("invalid_client");
        }
        if (!client.clientSecret().equals(clientSecret)) {
            return error(config.wrongSecretError());
        }
        return null;
    }

    private String issueAccessToken(String clientId, String refreshToken) {
        String token = newToken();
        accessTokens.put(token, new AccessGrant(clientId, refreshToken,
                clock.now().plus(Duration.ofSeconds(config.accessTokenTtlSeconds()))));
        Deque<String> active = activeByRefreshToken.computeIfAbsent(refreshToken, k -> new ArrayDeque<>());
        synchronized (active) {
            active.addLast(token);
            // Zoho deletes the oldest access token once a refresh token holds too many.
            while (active.size() > config.maxActiveTokensPerRefreshToken()) {
                accessTokens.remove(active.removeFirst());
            }
        }
        return token;
    }

    private Map<String, Object> tokenBody(String accessToken, String scope, String refreshToken) {
        Map<String, Object> body = Json.obj("access_token", accessToken);
        if (refreshToken != null) {
            body.put("refresh_token", refreshToken);
        }
        body.put("scope", scope);
        body.put("api_domain", server.baseUrl());
        body.put("token_type", "Bearer");
        body.put("expires_in", config.accessTokenTtlSeconds());
        return body;
    }

    private SlidingWindowLimiter throttle(String refreshToken) {
        return throttles.computeIfAbsent(refreshToken, k -> new SlidingWindowLimiter(
                config.throttleLimit(), Duration.ofSeconds(config.throttleWindowSeconds())));
    }

    private static TokenOutcome error(String code) {
        return new TokenOutcome(200, Json.obj("error", code));
    }

    private String newToken() {
        return "1000." + hex(16) + "." + hex(16);
    }

    private String hex(int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return HexFormat.of().formatHex(buffer);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
