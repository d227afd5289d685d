package io.zsync.creatorhub.domain;

/** The order as read from Creator: either a valid {@link Order}, or why the saga must not start. */
public sealed interface OrderCheck {

    /** A usable order. */
    record Valid(Order order) implements OrderCheck {
    }

    /**
     * An order no retry can fix until someone edits it (no e-mail, zero quantity): a permanent failure.
     *
     * @param code    stable error code, e.g. {@code ZERO_QUANTITY}
     * @param message what is wrong, for the dead letter
     */
    record Invalid(String code, String message) implements OrderCheck {
    }
}
