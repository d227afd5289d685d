package io.zsync.zoho.http;

import io.micronaut.context.BeanProvider;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.annotation.RequestFilter;
import io.zsync.zoho.ZohoProduct;
import io.zsync.zoho.auth.ZohoTokenManager;
import io.zsync.zoho.config.HubSpotAccountProperties;
import io.zsync.zoho.config.ZohoOrg;
import io.zsync.zoho.config.ZohoOrgRegistry;
import org.reactivestreams.Publisher;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * The one auth filter of every declarative client: per call it reads the internal {@link ClientIds#ORG_HEADER}
 * and {@link ClientIds#PRODUCT_HEADER} (and removes them), sends the request to that org's host for that
 * product (override, token {@code api_domain}, or data centre), and adds {@code Authorization:
 * Zoho-oauthtoken <token>} (HubSpot: {@code Bearer <private-app token>}; the token endpoint: nothing).
 *
 * <p>Routing per call rather than per client is what lets one set of clients serve any number of orgs, each
 * in its own data centre. The clients are bound to this filter by {@link ZohoRouted} rather than by service id:
 * Micronaut treats {@code @Client} {@code id} and {@code value} as one attribute, and a client named by a
 * service id needs {@code micronaut.http.services.<id>.url} configured, which would make every application
 * repeat placeholder URLs. HTTP settings (timeouts, pool) therefore come from {@code micronaut.http.client.*}.
 */
@ZohoRouted
@ClientFilter
public class ZohoRoutingFilter {
    private final ZohoOrgRegistry orgs;
    // Lazy: the token manager's own HTTP client is built with this filter, so eager injection is a cycle.
    private final BeanProvider<ZohoTokenManager> tokens;

    public ZohoRoutingFilter(ZohoOrgRegistry orgs, BeanProvider<ZohoTokenManager> tokens) {
        this.orgs = orgs;
        this.tokens = tokens;
    }

    @RequestFilter
    public Publisher<MutableHttpRequest<?>> route(MutableHttpRequest<?> request) {
        String org = request.getHeaders().get(ClientIds.ORG_HEADER);
        String productName = request.getHeaders().get(ClientIds.PRODUCT_HEADER);
        request.getHeaders().remove(ClientIds.ORG_HEADER);
        request.getHeaders().remove(ClientIds.PRODUCT_HEADER);
        if (org == null || productName == null) {
            throw new IllegalStateException(
                    "request to " + request.getPath() + " carries no " + ClientIds.ORG_HEADER + "/"
                            + ClientIds.PRODUCT_HEADER + " header: call the Zoho clients through their facades");
        }
        ZohoProduct product = ZohoProduct.valueOf(productName);
        if (product == ZohoProduct.HUBSPOT) {
            HubSpotAccountProperties account = orgs.hubspot(org);
            request.uri(rebase(URI.create(account.baseUrl()), request.getUri()));
            if (account.accessToken() != null) {
                request.getHeaders().set(HttpHeaders.AUTHORIZATION, "Bearer " + account.accessToken());
            }
            return Publishers.just(request);
        }
        ZohoOrg zohoOrg = orgs.org(org);
        if (product == ZohoProduct.ACCOUNTS) {
            request.uri(rebase(zohoOrg.accountsBase(), request.getUri()));
            return Publishers.just(request);
        }
        CompletableFuture<MutableHttpRequest<?>> routed = tokens.get().token(org).thenApply(token -> {
            request.uri(rebase(zohoOrg.base(product, token.apiDomain()), request.getUri()));
            request.getHeaders().set(HttpHeaders.AUTHORIZATION, token.authorizationHeader());
            return request;
        });
        return Publishers.fromCompletableFuture(routed);
    }

    /** Keeps the request's path and query and puts them under {@code base} (origin plus optional prefix). */
    static URI rebase(URI base, URI requestUri) {
        String path = requestUri.getRawPath() == null ? "" : requestUri.getRawPath();
        String query = requestUri.getRawQuery();
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        if (basePath.endsWith("/")) {
            basePath = basePath.substring(0, basePath.length() - 1);
        }
        StringBuilder sb = new StringBuilder();
        sb.append(base.getScheme()).append("://").append(base.getRawAuthority()).append(basePath).append(path);
        if (query != null && !query.isEmpty()) {
            sb.append('?').append(query);
        }
        return URI.create(sb.toString());
    }
}
