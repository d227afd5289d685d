package io.zsync.gateway.domain;

import java.util.Locale;

/**
 * A webhook the gateway refuses: the sender's mistake or an unauthenticated caller. Nothing of a rejected
 * request is published. The message is safe to return and to log: it never contains a secret, token or
 * signature value.
 */
public final class WebhookRejection extends RuntimeException {

    /** How the HTTP layer answers a rejection; the domain names the class of error, not the status code. */
    public enum Kind { BAD_REQUEST, UNAUTHENTICATED, TOO_LARGE }

    /** Why a request was rejected; the lower-case name is the metrics tag. */
    public enum Reason {
        MALFORMED_BODY(Kind.BAD_REQUEST),
        UNSUPPORTED_CONTENT_TYPE(Kind.BAD_REQUEST),
        MISSING_FIELD(Kind.BAD_REQUEST),
        INVALID_FIELD(Kind.BAD_REQUEST),
        UNKNOWN_MODULE(Kind.BAD_REQUEST),
        ORG_MISMATCH(Kind.BAD_REQUEST),
        EMPTY_BATCH(Kind.BAD_REQUEST),
        MISSING_CREDENTIAL(Kind.UNAUTHENTICATED),
        BAD_CREDENTIAL(Kind.UNAUTHENTICATED),
        UNKNOWN_ORG(Kind.UNAUTHENTICATED),
        UNKNOWN_CHANNEL(Kind.UNAUTHENTICATED),
        STALE_TIMESTAMP(Kind.UNAUTHENTICATED),
        BODY_TOO_LARGE(Kind.TOO_LARGE);

        private final Kind kind;

        Reason(Kind kind) {
            this.kind = kind;
        }

        public Kind kind() {
            return kind;
        }

        /** The metrics tag value. */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Reason reason;

    public WebhookRejection(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public Kind kind() {
        return reason.kind();
    }

    public static WebhookRejection missing(String field) {
        return new WebhookRejection(Reason.MISSING_FIELD, "required field '" + field + "' is missing");
    }

    public static WebhookRejection invalid(String field, String expected) {
        return new WebhookRejection(Reason.INVALID_FIELD, "field '" + field + "' must be " + expected);
    }

    public static WebhookRejection unauthenticated(Reason reason) {
        return new WebhookRejection(reason, "the request could not be authenticated");
    }
}
