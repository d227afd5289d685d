package io.zsync.creatorhub.mail;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.email.javamail.sender.MailPropertiesProvider;
import io.zsync.creatorhub.domain.Confirmation;
import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.nio.charset.StandardCharsets;
import java.util.Date;

/**
 * Sends order confirmations over SMTP in two phases, so the saga can tell "certainly not sent" from "may have
 * been sent": {@link #connect()} opens the SMTP session (a failure there sent nothing), then
 * {@link Connection#send} transfers one message with its deterministic Message-ID (JavaMail would otherwise
 * invent a new one per attempt). The server comes from micronaut-email-javamail's {@code javamail.properties},
 * the credentials (used when {@code mail.smtp.auth} is true) from {@code zsync.creator-hub.smtp.*}; the
 * session is this bean's own, not JavaMail's JVM-wide default.
 */
@Singleton
public class SmtpMailer {

    private final Session session;

    public SmtpMailer(MailPropertiesProvider properties,
                      @Value("${zsync.creator-hub.smtp.username:}") @Nullable String username,
                      @Value("${zsync.creator-hub.smtp.password:}") @Nullable String password) {
        Authenticator authenticator = username == null || username.isBlank() ? null : new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(username, password);
            }
        };
        this.session = Session.getInstance(properties.mailProperties(), authenticator);
    }

    /** Opens an SMTP connection; throws {@link MailUnavailableException} when none could be opened. */
    public Connection connect() {
        try {
            Transport transport = session.getTransport("smtp");
            transport.connect();
            return new Connection(transport);
        } catch (MessagingException e) {
            throw new MailUnavailableException("SMTP server not reachable: " + e.getMessage(), e);
        }
    }

    /** One open SMTP connection. */
    public final class Connection implements AutoCloseable {
        private final Transport transport;

        private Connection(Transport transport) {
            this.transport = transport;
        }

        /**
         * Transfers the message. Returns normally when the server accepted it; throws
         * {@link MailRejectedException} when the server refused it before accepting anything (nothing sent), and
         * {@link MailOutcomeUnknownException} when the transfer broke off so that it may or may not have been
         * accepted.
         */
        public void send(String from, Confirmation confirmation) {
            MimeMessage message;
            try {
                message = new FixedIdMessage(session, confirmation.messageId());
                message.setFrom(new InternetAddress(from));
                message.setRecipient(Message.RecipientType.TO, new InternetAddress(confirmation.to(), true));
                message.setSubject(confirmation.subject(), StandardCharsets.UTF_8.name());
                message.setText(confirmation.body(), StandardCharsets.UTF_8.name());
                message.setSentDate(new Date());
                message.saveChanges();
            } catch (MessagingException e) {
                throw new MailRejectedException("the confirmation could not be composed: " + e.getMessage(), false, e);
            }
            try {
                transport.sendMessage(message, message.getAllRecipients());
            } catch (SendFailedException e) {
                // The server refused sender or recipient before the data: nothing was accepted.
                boolean temporary = String.valueOf(e.getMessage()).matches("(?s)^4\\d\\d.*")
                        || (e.getNextException() != null && String.valueOf(e.getNextException().getMessage()).matches("(?s)^4\\d\\d.*"));
                throw new MailRejectedException("the SMTP server refused the confirmation: " + e.getMessage(), temporary, e);
            } catch (MessagingException e) {
                throw new MailOutcomeUnknownException("the SMTP transfer broke off: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                transport.close();
            } catch (MessagingException e) {
                // the message was already accepted or refused; a failed QUIT changes neither
            }
        }
    }

    /** A message whose Message-ID stays what the saga chose (JavaMail replaces it on every save otherwise). */
    static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
