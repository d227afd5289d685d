package io.zsync.creatorhub.mail;

import java.io.UncheckedIOException;

/** No SMTP connection could be opened: nothing was sent, and a later attempt may succeed. */
public class MailUnavailableException extends UncheckedIOException {
    public MailUnavailableException(String message, Exception cause) {
        super(message, new java.io.IOException(cause.getMessage(), cause));
    }
}
