package io.zsync.dashboard.redrive;

/** A redrive that was not done, with the kind of refusal (mapped to 404, 409 or 422). */
public class RedriveException extends RuntimeException {

    /** Why. */
    public enum Kind { NOT_FOUND, CONFLICT, NOT_REDRIVABLE }

    private final Kind kind;

    public RedriveException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
