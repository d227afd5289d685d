package io.zsync.creatorhub.mail;

/** The SMTP server refused the confirmation before accepting it: certainly not sent. */
public class MailRejectedException extends RuntimeException {
    private final boolean temporary;

    public MailRejectedException(String message, boolean temporary, Exception cause) {
        super(message, cause);
        this.temporary = temporary;
    }

    /** A 4xx refusal (mailbox busy, greylisting): worth another attempt. */
    public boolean temporary() {
        return temporary;
    }
}
