package io.zsync.gateway.auth;

/**
 * The keys needed to verify a request could not be fetched (the JWKS endpoint is down). That is the
 * gateway's problem, not the sender's, so it is answered 503 and the sender retries.
 */
public final class KeysUnavailable extends RuntimeException {

    public KeysUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
