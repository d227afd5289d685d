package io.zsync.sandbox.core;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;

import java.util.Optional;

/**
 * What differs per product at the edge: how it authenticates, which quotas it enforces, and how its
 * error envelopes look for 401, 429 and 5xx. The one {@link SandboxFilter} applies these for every
 * product, so fault injection and counting live once.
 */
public interface ProductPolicy {

    Product product();

    /** A 401 in the product's envelope when the request's credentials are missing, unknown or expired. */
    Optional<MutableHttpResponse<?>> authenticate(HttpRequest<?> request);

    /** Applies the product's own quotas; the admission's release runs when the response is done. */
    default Admission admit(HttpRequest<?> request) {
        return Admission.GRANTED;
    }

    /** The product's 429 answer (also used for injected RATE_LIMIT faults). */
    MutableHttpResponse<?> rateLimited(long retryAfterSeconds);

    /** The product's 5xx answer (injected SERVER_ERROR and TIMEOUT faults). */
    MutableHttpResponse<?> serverError(int status);

    /** Clears quota windows on {@code /_sandbox/reset}. */
    default void resetQuotas() {
    }

    /** The result of a quota check: either a rejection to send, or a release to run when done. */
    record Admission(MutableHttpResponse<?> rejection, Runnable release) {

        public static final Admission GRANTED = new Admission(null, () -> { });

        public static Admission granted(Runnable release) {
            return new Admission(null, release);
        }

        public static Admission rejected(MutableHttpResponse<?> response) {
            return new Admission(response, () -> { });
        }

        public boolean isRejected() {
            return rejection != null;
        }
    }
}
