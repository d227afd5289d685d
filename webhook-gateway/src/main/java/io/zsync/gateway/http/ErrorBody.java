package io.zsync.gateway.http;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The JSON body of every error answer.
 *
 * @param code    machine-readable reason (e.g. {@code MALFORMED_BODY}, {@code UNAUTHENTICATED})
 * @param message what was wrong, safe to show: never a secret, token or signature
 * @param traceId the request's trace id, to find its log lines
 */
@Serdeable
public record ErrorBody(String code, String message, String traceId) {
}
