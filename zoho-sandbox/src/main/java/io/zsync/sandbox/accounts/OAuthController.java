package io.zsync.sandbox.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.zsync.sandbox.core.Json;
import io.zsync.sandbox.core.ServerInfo;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Zoho Accounts' token endpoint (zoho-api.md §2): parameters may come in the query string, a form or a
 * multipart body, client credentials also in a Basic header; errors are JSON with an {@code error} key
 * and HTTP 200, as Zoho answers them.
 */
@Controller("/oauth")
public class OAuthController {

    private final OAuthStore store;
    private final AccountsConfig config;
    private final ServerInfo server;

    public OAuthController(OAuthStore store, AccountsConfig config, ServerInfo server) {
        this.store = store;
        this.config = config;
        this.server = server;
    }

    @Post(uri = "/v2/token", consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA,
            MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
    HttpResponse<Map<String, Object>> token(HttpRequest<?> request, @Nullable @Body Map<String, Object> body) {
        Map<String, String> params = params(request, body);
        OAuthStore.TokenOutcome outcome = switch (params.getOrDefault("grant_type", "")) {
            case "refresh_token" -> store.refresh(params.get("client_id"), params.get("client_secret"),
                    params.get("refresh_token"));
            case "authorization_code" -> store.exchangeCode(params.get("client_id"), params.get("client_secret"),
                    params.get("code"), params.get("redirect_uri"));
            default -> new OAuthStore.TokenOutcome(200, Json.obj("error", "unsupported_grant_type"));
        };
        return HttpResponse.<Map<String, Object>>status(HttpStatus.valueOf(outcome.status())).body(outcome.body());
    }

    @Post(uri = "/v2/token/revoke", consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.ALL})
    HttpResponse<Map<String, Object>> revoke(HttpRequest<?> request, @Nullable @Body Map<String, Object> body) {
        Map<String, String> params = params(request, body);
        return store.revoke(params.get("token"))
                ? HttpResponse.ok(Json.obj("status", "success"))
                : HttpResponse.ok(Json.obj("error", "invalid_token"));
    }

    /** The consent screen, auto-approved: redirects with a grant code, location and accounts-server (§1.1). */
    @Get("/v2/auth")
    HttpResponse<?> authorize(@QueryValue("client_id") String clientId,
                              @Nullable @QueryValue("redirect_uri") String redirectUri,
                              @Nullable @QueryValue("state") String state) {
        if (!store.isClient(clientId)) {
            return HttpResponse.badRequest(Json.obj("error", "invalid_client"));
        }
        String code = store.newCode(clientId, redirectUri);
        String target = (redirectUri == null ? config.redirectUri() : redirectUri)
                + (redirectUri != null && redirectUri.contains("?") ? "&" : "?")
                + "code=" + enc(code) + "&location=" + enc(config.location())
                + "&accounts-server=" + enc(server.baseUrl())
                + (state == null ? "" : "&state=" + enc(state));
        return HttpResponse.status(HttpStatus.FOUND).header("Location", URI.create(target).toString());
    }

    /** DC discovery: every location maps to the sandbox itself. */
    @Get("/serverinfo")
    Map<String, Object> serverInfo() {
        Map<String, Object> locations = new HashMap<>();
        for (String dc : new String[] {"us", "eu", "in", "au", "jp", "ca", "sa", "cn", "uk"}) {
            locations.put(dc, server.baseUrl());
        }
        return Json.obj("result", "success", "locations", locations);
    }

    private static Map<String, String> params(HttpRequest<?> request, @Nullable Map<String, Object> body) {
        Map<String, String> params = new HashMap<>();
        request.getParameters().forEach((name, values) -> {
            if (!values.isEmpty()) {
                params.put(name, values.get(0));
            }
        });
        if (body != null) {
            body.forEach((name, value) -> params.put(name, value == null ? null : String.valueOf(value)));
        }
        request.getHeaders().getAuthorization()
                .filter(value -> value.regionMatches(true, 0, "Basic ", 0, 6))
                .ifPresent(value -> {
                    String decoded = new String(Base64.getDecoder().decode(value.substring(6).trim()),
                            StandardCharsets.UTF_8);
                    int colon = decoded.indexOf(':');
                    if (colon > 0) {
                        params.putIfAbsent("client_id", decoded.substring(0, colon));
                        params.putIfAbsent("client_secret", decoded.substring(colon + 1));
                    }
                });
        return params;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
