package io.zsync.cli;

/** A failure the operator can act on, printed as one line (never a stack trace) with a non-zero exit. */
public class CliException extends RuntimeException {

    public CliException(String message) {
        super(message);
    }

    public CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
