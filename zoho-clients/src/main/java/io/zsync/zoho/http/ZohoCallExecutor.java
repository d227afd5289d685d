package io.zsync.zoho.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.zsync.zoho.ZohoProduct;
import io.zsync.zoho.auth.AccessToken;
import io.zsync.zoho.auth.ZohoTokenManager;
import io.zsync.zoho.budget.ApiCallCounter;
import io.zsync.zoho.budget.BudgetRegistry;
import io.zsync.zoho.budget.CallCost;
import io.zsync.zoho.budget.ZohoMetrics;
import io.zsync.zoho.error.ZohoApiException;
import io.zsync.zoho.error.ZohoErrorMapper;
import jakarta.inject.Singleton;

import java.util.function.Supplier;

/**
 * Runs one API call for the facades: ensures a token, takes the budget, counts the call, maps any error with
 * the product's mapper, and repeats a call exactly once after refreshing the token when the API rejected the
 * token (an expired token is not the caller's fault). Everything else is left to the caller's retry policy,
 * which reads {@link ZohoApiException#retryable()}.
 */
@Singleton
public class ZohoCallExecutor {
    private final ZohoTokenManager tokens;
    private final BudgetRegistry budgets;
    private final ApiCallCounter counter;
    private final ZohoMetrics metrics;

    public ZohoCallExecutor(ZohoTokenManager tokens, BudgetRegistry budgets, ApiCallCounter counter,
                            ZohoMetrics metrics) {
        this.tokens = tokens;
        this.budgets = budgets;
        this.counter = counter;
        this.metrics = metrics;
    }

    /**
     * Executes a blocking declarative-client call.
     *
     * @param org     org (or HubSpot account) name; it is also what the call passes in {@link ClientIds#ORG_HEADER}
     * @param mapper  the product's error mapper
     * @param cost    budget cost of the call
     * @param call    the call itself
     * @return the 2xx/3xx response
     * @throws ZohoApiException on any failure
     */
    public <T> HttpResponse<T> execute(String org, ZohoErrorMapper mapper, CallCost cost,
                                       Supplier<HttpResponse<T>> call) {
        ZohoProduct product = mapper.product();
        for (int attempt = 1; ; attempt++) {
            // Fetching the token here (the filter then finds it cached) surfaces token errors as typed
            // exceptions on the caller's thread and tells us which token to drop if the API rejects it.
            AccessToken used = product == ZohoProduct.HUBSPOT ? null : tokens.tokenBlocking(org);
            try (BudgetRegistry.Permit permit = budgets.acquire(org, product, cost)) {
                counter.record(org, product);
                try {
                    HttpResponse<T> response = call.get();
                    if (response.code() >= 400) {
                        // Declarative clients hand 404 back as a response instead of throwing.
                        ZohoApiException mapped = mapper.map(org, response.code(),
                                response.getHeaders().get("Retry-After"), response.getBody(String.class).orElse(null));
                        metrics.apiCall(org, product, mapped.code());
                        throw mapped;
                    }
                    metrics.apiCall(org, product, "ok");
                    return response;
                } catch (HttpClientResponseException e) {
                    ZohoApiException mapped = mapper.map(org, e.code(),
                            e.getResponse().getHeaders().get("Retry-After"), bodyOf(e));
                    metrics.apiCall(org, product, mapped.code());
                    if (attempt == 1 && used != null && ZohoErrorMapper.isTokenRejected(mapped)) {
                        tokens.invalidate(org, used.value());
                        continue;
                    }
                    throw mapped;
                } catch (HttpClientException e) {
                    ZohoApiException inner = findZoho(e);
                    if (inner != null) {
                        throw inner;
                    }
                    metrics.apiCall(org, product, "transport");
                    throw mapper.transport(org, e);
                } catch (ZohoApiException e) {
                    throw e;
                } catch (RuntimeException e) {
                    ZohoApiException inner = findZoho(e);
                    if (inner != null) {
                        throw inner;
                    }
                    throw e;
                }
            }
        }
    }

    private static String bodyOf(HttpClientResponseException e) {
        try {
            return e.getResponse().getBody(String.class).orElse(null);
        } catch (RuntimeException unreadable) {
            // The body was already consumed or not text; the status alone still maps the error.
            return null;
        }
    }

    /** A token error raised inside the filter arrives wrapped by the client; unwrap it to keep its type. */
    private static ZohoApiException findZoho(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ZohoApiException z) {
                return z;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }
}
