package io.zsync.creatorhub.domain;

/**
 * The order confirmation e-mail.
 *
 * @param to        the customer's address
 * @param subject   subject
 * @param body      plain-text body
 * @param messageId the deterministic Message-ID ({@code <creator-order-<id>@domain>}): the same order always
 *                  gets the same one, so a copy sent twice can be recognised as one message
 */
public record Confirmation(String to, String subject, String body, String messageId) {
}
