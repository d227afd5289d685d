package io.zsync.sandbox.core;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;
import jakarta.inject.Named;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The edge every product request passes: it is counted, then may be hit by an injected fault, then is
 * authenticated and admitted by the product's quotas, and only then reaches the product controller.
 * Requests outside the product paths (admin, JWKS, health) pass untouched: faults never hit the admin API.
 * A request marked {@value #PERSON_HEADER}{@code : true} stands for a person working in the product's UI (whose
 * edits fire the same webhooks): it is authenticated but neither counted, faulted nor held against the API
 * quotas, so a test can act as a user during a fault storm and the counters show only the integration's calls.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public class SandboxFilter implements HttpServerFilter {

    public static final String PERSON_HEADER = "X-Sandbox-Person";

    private final Map<Product, ProductPolicy> policies = new EnumMap<>(Product.class);
    private final CallCounters counters;
    private final FaultPlan faults;
    private final SandboxConfig config;
    private final Scheduler scheduler;

    public SandboxFilter(List<ProductPolicy> policies, CallCounters counters, FaultPlan faults, SandboxConfig config,
                         @Named(SchedulerFactory.NAME) ScheduledExecutorService executor) {
        policies.forEach(policy -> this.policies.put(policy.product(), policy));
        this.counters = counters;
        this.faults = faults;
        this.config = config;
        this.scheduler = Schedulers.fromExecutorService(executor);
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        Optional<Product> match = Product.ofPath(request.getPath());
        if (match.isEmpty() || !policies.containsKey(match.get())) {
            return chain.proceed(request);
        }
        Product product = match.get();
        ProductPolicy policy = policies.get(product);
        if (request.getHeaders().get(PERSON_HEADER, String.class).filter("true"::equalsIgnoreCase).isPresent()) {
            return Mono.defer(() -> policy.authenticate(request).<Mono<MutableHttpResponse<?>>>map(Mono::just)
                    .orElseGet(() -> Mono.from(chain.proceed(request))));
        }
        counters.recordCall(product, endpoint(request));
        Optional<FaultRule> fault = faults.decide(product, request.getPath());
        fault.ifPresent(rule -> counters.recordFault(product, rule.kind()));
        // a latency fault still serves the request, so a 429 after it is the product's own
        boolean injected = fault.filter(rule -> rule.kind() != FaultRule.Kind.LATENCY).isPresent();
        Mono<MutableHttpResponse<?>> response = fault.map(rule -> switch (rule.kind()) {
            case RATE_LIMIT -> Mono.<MutableHttpResponse<?>>fromSupplier(
                    () -> policy.rateLimited(rule.retryAfterSeconds()));
            case SERVER_ERROR -> Mono.<MutableHttpResponse<?>>fromSupplier(
                    () -> policy.serverError(rule.status() >= 500 ? rule.status() : 500));
            // A timeout holds the request long enough for the client to give up, then answers 504.
            case TIMEOUT -> Mono.delay(Duration.ofMillis(rule.latencyMs() > 0 ? rule.latencyMs() : config.timeoutFaultMs()),
                    scheduler).<MutableHttpResponse<?>>map(tick -> policy.serverError(504));
            case LATENCY -> admitted(request, chain, policy, rule.latencyMs());
        }).orElseGet(() -> admitted(request, chain, policy, 0));
        return response.doOnNext(r -> counters.recordStatus(product, r.code(), injected));
    }

    private Mono<MutableHttpResponse<?>> admitted(HttpRequest<?> request, ServerFilterChain chain, ProductPolicy policy,
                                                  long latencyMs) {
        return Mono.defer(() -> {
            Optional<MutableHttpResponse<?>> unauthorized = policy.authenticate(request);
            if (unauthorized.isPresent()) {
                return Mono.just(unauthorized.get());
            }
            ProductPolicy.Admission admission = policy.admit(request);
            if (admission.isRejected()) {
                return Mono.just(admission.rejection());
            }
            // Latency counts as time in flight, so it occupies the product's concurrency slots (CRM's gate).
            Mono<MutableHttpResponse<?>> downstream = Mono.defer(() -> Mono.from(chain.proceed(request)));
            if (latencyMs > 0) {
                downstream = Mono.delay(Duration.ofMillis(latencyMs), scheduler).then(downstream);
            }
            return downstream.doFinally(signal -> admission.release().run());
        });
    }

    /** "METHOD template" with the CRM module and related-list names filled in, e.g. "GET /crm/v8/Contacts/{id}". */
    static String endpoint(HttpRequest<?> request) {
        String template = RouteAttributes.getRouteMatch(request)
                .filter(UriRouteMatch.class::isInstance)
                .map(UriRouteMatch.class::cast)
                .map(route -> {
                    String text = route.getRouteInfo().getUriMatchTemplate().toString();
                    for (String name : new String[] {"module", "relatedList"}) {
                        Object value = route.getVariableValues().get(name);
                        if (value != null) {
                            text = text.replace("{" + name + "}", value.toString());
                        }
                    }
                    return text;
                })
                .orElse(request.getPath());
        return request.getMethodName() + " " + template;
    }
}
