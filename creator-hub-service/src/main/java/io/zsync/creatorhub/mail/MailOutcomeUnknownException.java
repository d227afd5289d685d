package io.zsync.creatorhub.mail;

/** The SMTP transfer broke off after it began: the server may or may not have accepted the message. */
public class MailOutcomeUnknownException extends RuntimeException {
    public MailOutcomeUnknownException(String message, Exception cause) {
        super(message, cause);
    }
}
