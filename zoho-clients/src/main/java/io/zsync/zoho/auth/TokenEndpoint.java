package io.zsync.zoho.auth;

import io.zsync.zoho.config.ZohoOrg;

import java.util.concurrent.CompletableFuture;

/**
 * Performs one refresh-token grant for an org and returns Zoho's answer as it came, errors included; the
 * {@link ZohoTokenManager} decides what the answer means.
 */
public interface TokenEndpoint {

    /**
     * Sends {@code grant_type=refresh_token} to the org's accounts server.
     *
     * @return the parsed body of any answer that carries one (HTTP 200 errors and 4xx alike); completes
     *         exceptionally only when there is no usable body (transport failure, 5xx)
     */
    CompletableFuture<TokenAnswer> refresh(ZohoOrg org);

    /**
     * A token endpoint answer.
     *
     * @param httpStatus HTTP status
     * @param body       parsed body
     */
    record TokenAnswer(int httpStatus, TokenResponse body) {
    }
}
