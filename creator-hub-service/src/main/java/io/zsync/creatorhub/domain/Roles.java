package io.zsync.creatorhub.domain;

/**
 * Ledger roles of the order saga: what each finished step leaves in the runtime's ledger, so a retry, a
 * redelivery or a redrive knows what is done. A blank value means "not set" (the ledger merges maps and
 * cannot remove a key, so a cleared marker is written as an empty string).
 */
public final class Roles {
    public static final String CRM_CONTACT_ID = "crm.contact_id";
    public static final String CRM_DEAL_ID = "crm.deal_id";
    public static final String BOOKS_CUSTOMER_ID = "books.customer_id";
    public static final String BOOKS_INVOICE_ID = "books.invoice_id";
    public static final String BOOKS_INVOICE_NUMBER = "books.invoice_number";
    public static final String DESK_TICKET_ID = "desk.ticket_id";
    public static final String DESK_TICKET_NUMBER = "desk.ticket_number";
    /** Written before the SMTP transaction: the e-mail may be on its way. Holds the Message-ID. */
    public static final String EMAIL_SENDING = "email.sending";
    /** Written once the SMTP server accepted the message. Holds the Message-ID. */
    public static final String EMAIL_SENT = "email.sent";
    public static final String CREATOR_UPDATED = "creator.updated";

    private Roles() {
    }
}
