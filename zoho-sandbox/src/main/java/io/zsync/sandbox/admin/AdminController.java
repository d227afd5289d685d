package io.zsync.sandbox.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.zsync.sandbox.accounts.OAuthStore;
import io.zsync.sandbox.core.CallCounters;
import io.zsync.sandbox.core.FaultPlan;
import io.zsync.sandbox.core.FaultRule;
import io.zsync.sandbox.core.Json;
import io.zsync.sandbox.core.Product;
import io.zsync.sandbox.core.ProductPolicy;
import io.zsync.sandbox.core.Resettable;
import io.zsync.sandbox.core.SandboxClock;
import io.zsync.sandbox.core.Times;
import io.zsync.sandbox.webhooks.WebhookDispatcher;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The sandbox's own control API under {@code /_sandbox}, JSON in and out, separate from every Zoho path
 * and never counted or faulted: reset, fault rules, call counters, the clock, OAuth clients, and webhook
 * drops and delivery history.
 */
@Controller("/_sandbox")
public class AdminController {

    private final List<Resettable> state;
    private final List<ProductPolicy> policies;
    private final FaultPlan faults;
    private final CallCounters counters;
    private final SandboxClock clock;
    private final OAuthStore oauth;
    private final WebhookDispatcher webhooks;
    private final Json json;

    public AdminController(List<Resettable> state, List<ProductPolicy> policies, FaultPlan faults, CallCounters counters,
                           SandboxClock clock, OAuthStore oauth, WebhookDispatcher webhooks, Json json) {
        this.state = state;
        this.policies = policies;
        this.faults = faults;
        this.counters = counters;
        this.clock = clock;
        this.oauth = oauth;
        this.webhooks = webhooks;
        this.json = json;
    }

    /** Drops all records, quota windows, clock offset and delivery history; {@code all=true} also subscriptions, clients and faults. */
    @Post("/reset")
    Map<String, Object> reset(@Nullable @QueryValue Boolean all) {
        boolean everything = Boolean.TRUE.equals(all);
        state.forEach(s -> s.reset(everything));
        policies.forEach(ProductPolicy::resetQuotas);
        return Json.obj("reset", true, "all", everything);
    }

    @Post("/faults")
    HttpResponse<Map<String, Object>> addFault(@Nullable @Body byte[] body) {
        Map<String, Object> request = json.parseObject(body);
        String product = String.valueOf(request.getOrDefault("product", "*")).toLowerCase(Locale.ROOT);
        if (!"*".equals(product) && Product.ofKey(product).isEmpty()) {
            throw new AdminException("unknown product " + product);
        }
        FaultRule.Kind kind;
        try {
            kind = FaultRule.Kind.valueOf(String.valueOf(request.get("kind")).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AdminException("kind must be one of RATE_LIMIT, SERVER_ERROR, TIMEOUT, LATENCY");
        }
        double rate = number(request, "rate", 1.0).doubleValue();
        if (rate < 0 || rate > 1) {
            throw new AdminException("rate must be between 0 and 1");
        }
        Number count = number(request, "count", null);
        FaultRule rule = new FaultRule(UUID.randomUUID().toString(), product, kind, rate,
                number(request, "retryAfterSeconds", 0).longValue(), number(request, "latencyMs", 0).longValue(),
                number(request, "status", 0).intValue(),
                request.get("pathContains") == null ? null : String.valueOf(request.get("pathContains")),
                count == null ? null : count.intValue());
        faults.add(rule);
        return HttpResponse.created(rule.toJson());
    }

    @Get("/faults")
    Map<String, Object> listFaults() {
        return Json.obj("rules", faults.rules().stream().map(FaultRule::toJson).toList());
    }

    @Delete("/faults")
    Map<String, Object> clearFaults() {
        return Json.obj("cleared", faults.clear());
    }

    @Delete("/faults/{id}")
    HttpResponse<?> removeFault(@PathVariable String id) {
        return faults.remove(id) ? HttpResponse.noContent() : HttpResponse.notFound(Json.obj("error", "no such rule"));
    }

    @Get("/calls")
    Map<String, Object> calls() {
        return counters.snapshot();
    }

    @Delete("/calls")
    HttpResponse<?> resetCalls() {
        counters.reset();
        return HttpResponse.noContent();
    }

    @Get("/clock")
    Map<String, Object> clock() {
        return Json.obj("now", Times.utcMillis(clock.now()), "offsetSeconds", clock.offset().toSeconds());
    }

    @Post("/clock/advance")
    Map<String, Object> advance(@Nullable @Body byte[] body) {
        Map<String, Object> request = json.parseObject(body);
        Number seconds = number(request, "seconds", null);
        if (seconds == null || seconds.doubleValue() < 0) {
            throw new AdminException("seconds must be a non-negative number");
        }
        clock.advance(Duration.ofMillis(Math.round(seconds.doubleValue() * 1000)));
        return clock();
    }

    /** Registers an OAuth client (blank values are generated) and issues it a refresh token. */
    @Post("/oauth/clients")
    HttpResponse<Map<String, Object>> registerClient(@Nullable @Body byte[] body) {
        Map<String, Object> request = body == null || body.length == 0 ? Json.obj() : json.parseObject(body);
        OAuthStore.Client client = oauth.register(text(request, "clientId"), text(request, "clientSecret"),
                text(request, "redirectUri"), text(request, "scope"));
        String refreshToken = oauth.addRefreshToken(client.clientId(), text(request, "refreshToken"));
        return HttpResponse.created(Json.obj("clientId", client.clientId(), "clientSecret", client.clientSecret(),
                "redirectUri", client.redirectUri(), "scope", client.scope(), "refreshToken", refreshToken));
    }

    @Get("/oauth/clients")
    Map<String, Object> clients() {
        return Json.obj("clients", oauth.clients().stream().map(c -> Json.obj("clientId", c.clientId(),
                "redirectUri", c.redirectUri(), "scope", c.scope())).toList());
    }

    /** A grant code for the authorization-code flow, without going through {@code /oauth/v2/auth}. */
    @Post("/oauth/codes")
    HttpResponse<Map<String, Object>> code(@Nullable @Body byte[] body) {
        Map<String, Object> request = body == null || body.length == 0 ? Json.obj() : json.parseObject(body);
        String clientId = text(request, "clientId");
        if (!oauth.isClient(clientId)) {
            throw new AdminException("unknown clientId");
        }
        return HttpResponse.created(Json.obj("code", oauth.newCode(clientId, text(request, "redirectUri"))));
    }

    /** An access token straight away (not throttled), for tests that do not exercise the OAuth flow. */
    @Post("/oauth/tokens")
    HttpResponse<Map<String, Object>> token(@Nullable @Body byte[] body) {
        Map<String, Object> request = body == null || body.length == 0 ? Json.obj() : json.parseObject(body);
        String clientId = text(request, "clientId");
        if (clientId != null && !oauth.isClient(clientId)) {
            throw new AdminException("unknown clientId");
        }
        return HttpResponse.created(oauth.mintForAdmin(clientId));
    }

    @Post("/webhooks/drop")
    Map<String, Object> drop(@Nullable @Body byte[] body) {
        Map<String, Object> request = json.parseObject(body);
        Product product = Product.ofKey(String.valueOf(request.get("product")))
                .filter(p -> List.of(Product.CRM, Product.DESK, Product.HUBSPOT, Product.CREATOR).contains(p))
                .orElseThrow(() -> new AdminException("product must be crm, desk, hubspot or creator"));
        int count = number(request, "count", 1).intValue();
        Object containing = request.get("containing");
        if (containing != null && (!(containing instanceof String text) || text.isEmpty())) {
            throw new AdminException("containing must be a non-empty string");
        }
        int pending = containing == null ? webhooks.drop(product, count) : webhooks.drop(product, count, (String) containing);
        return Json.obj("product", product.key(), "pendingDrops", pending);
    }

    @Get("/webhooks/deliveries")
    Map<String, Object> deliveries(@Nullable @QueryValue String product, @Nullable @QueryValue Integer limit) {
        Product filter = product == null ? null : Product.ofKey(product)
                .orElseThrow(() -> new AdminException("unknown product " + product));
        return Json.obj("deliveries", webhooks.deliveries(filter, limit == null ? 100 : limit),
                "pendingDrops", webhooks.pendingDrops());
    }

    @Error(exception = AdminException.class)
    HttpResponse<?> adminError(AdminException e) {
        return HttpResponse.status(HttpStatus.BAD_REQUEST).body(Json.obj("error", e.getMessage()));
    }

    @Error(exception = Json.MalformedJsonException.class)
    HttpResponse<?> malformed(Json.MalformedJsonException e) {
        return HttpResponse.status(HttpStatus.BAD_REQUEST).body(Json.obj("error", "body must be a JSON object"));
    }

    static Number number(Map<String, Object> request, String key, Number fallback) {
        Object value = request.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number number) {
            return number;
        }
        // The admin API is a test tool: a number sent as text ("62515") is taken as meant.
        try {
            return new java.math.BigDecimal(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw new AdminException(key + " must be a number");
        }
    }

    static String text(Map<String, Object> request, String key) {
        Object value = request.get(key);
        return value == null ? null : String.valueOf(value);
    }
}
