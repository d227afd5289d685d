package io.zsync.creatorhub.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What each step writes, from the order and what earlier steps produced, and how a step recognises its own
 * target when it looks one up: the deal by its exact name, the invoice by its reference and customer, the
 * ticket by the order id in its custom field (or its exact subject), the customer by e-mail.
 */
public final class Mappings {

    private Mappings() {
    }

    /** CRM contact fields for an order's customer (Last_Name is mandatory in CRM). */
    public static Map<String, Object> crmContact(Order order) {
        return crmContact(order, null, null);
    }

    /**
     * CRM contact fields for an order's customer, born linked to the Books customer the saga ensured: the
     * CRM-to-Books flow then links the pair instead of searching Books for the person at the same moment.
     */
    public static Map<String, Object> crmContact(Order order, String booksCustomerField, String booksCustomerId) {
        Map<String, Object> fields = new LinkedHashMap<>();
        order.firstName().ifPresent(v -> fields.put("First_Name", v));
        fields.put("Last_Name", order.lastNameOrFallback());
        fields.put("Email", order.email());
        order.phone().ifPresent(v -> fields.put("Phone", v));
        if (booksCustomerField != null && !booksCustomerField.isBlank() && booksCustomerId != null) {
            fields.put(booksCustomerField, booksCustomerId);
        }
        return fields;
    }

    public static String dealName(Order order, SagaSettings settings) {
        return Templates.render(settings.dealName(), order).trim();
    }

    /** CRM deal fields: name, stage, amount, contact, closing date {@code today + closing days}. */
    public static Map<String, Object> crmDeal(Order order, String contactId, LocalDate today, SagaSettings settings) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Deal_Name", dealName(order, settings));
        fields.put("Stage", settings.dealStage());
        settings.dealPipeline().ifPresent(p -> fields.put("Pipeline", p));
        fields.put("Amount", order.total());
        fields.put("Contact_Name", Map.of("id", contactId));
        fields.put("Closing_Date", today.plusDays(settings.dealClosingDays()).toString());
        return fields;
    }

    /** The Books contact name for a customer created for the order (Books names are unique per org). */
    public static String booksCustomerName(Order order) {
        return order.displayName();
    }

    /** The same name made unique by the e-mail, for when another customer already has the plain name. */
    public static String booksCustomerNameDisambiguated(Order order) {
        return order.displayName() + " (" + order.email() + ")";
    }

    public static String invoiceReference(Order order, SagaSettings settings) {
        return Templates.render(settings.invoiceReference(), order);
    }

    public static String ticketSubject(Order order, SagaSettings settings) {
        return Templates.render(settings.ticketSubject(), order).trim();
    }

    /** Desk finds the contact by e-mail or creates it from this. */
    public static Map<String, Object> deskContact(Order order) {
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("lastName", order.lastNameOrFallback());
        order.firstName().ifPresent(v -> contact.put("firstName", v));
        contact.put("email", order.email());
        order.phone().ifPresent(v -> contact.put("phone", v));
        return contact;
    }

    public static Confirmation confirmation(Order order, SagaSettings settings) {
        return new Confirmation(order.email(), Templates.render(settings.mailSubject(), order),
                Templates.render(settings.mailBody(), order), messageId(order, settings));
    }

    /** {@code <creator-order-<record id>@<domain>>}: one per order, whatever attempt sends it. */
    public static String messageId(Order order, SagaSettings settings) {
        String left = "creator-order-" + order.recordId().replaceAll("[^A-Za-z0-9._-]", "_");
        return "<" + left + "@" + settings.messageIdDomain() + ">";
    }

    /** The order's write-back: status and the ids of the CRM contact, CRM deal and Books invoice. */
    public static Map<String, Object> creatorUpdate(SagaState state, OrderFields names, SagaSettings settings) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(names.name(OrderFields.STATUS), settings.processingStatus());
        state.get(Roles.CRM_CONTACT_ID).ifPresent(id -> fields.put(names.name(OrderFields.CRM_CONTACT_ID), id));
        state.get(Roles.CRM_DEAL_ID).ifPresent(id -> fields.put(names.name(OrderFields.CRM_DEAL_ID), id));
        state.get(Roles.BOOKS_INVOICE_ID).ifPresent(id -> fields.put(names.name(OrderFields.BOOKS_INVOICE_ID), id));
        return fields;
    }

    // ---------------------------------------------------------------- recognising our own targets

    public static boolean sameEmail(String a, String b) {
        return a != null && b != null && a.trim().toLowerCase(Locale.ROOT).equals(b.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * When Books refuses a new customer's name (3062, names are unique per org), the customer that holds the
     * name is the order's own when it is a customer (not a vendor) whose primary e-mail is the order's: another
     * writer (crm-books-service, for the CRM contact of the same person) created it after the saga's search by
     * e-mail. A namesake with another e-mail, or none, is someone else.
     */
    public static boolean isOrderCustomer(Order order, String contactType, Optional<String> primaryEmail) {
        return !"vendor".equalsIgnoreCase(contactType) && primaryEmail.filter(e -> sameEmail(e, order.email())).isPresent();
    }

    /** CRM search {@code equals} matches like "contains": only the exact name is our deal. */
    public static boolean isOurDeal(Order order, SagaSettings settings, String candidateName) {
        return candidateName != null && candidateName.trim().equals(dealName(order, settings));
    }

    /** An invoice is ours when it carries our reference and bills the customer the saga uses. */
    public static boolean isOurInvoice(Order order, SagaSettings settings, String customerId, String reference,
                                       String candidateCustomerId) {
        return invoiceReference(order, settings).equals(reference) && customerId.equals(candidateCustomerId);
    }

    /** A ticket is ours when its order field holds the order id, or (field lost) its subject is exactly ours. */
    public static boolean isOurTicket(Order order, SagaSettings settings, Optional<String> orderFieldValue,
                                      String subject) {
        if (orderFieldValue.isPresent()) {
            return orderFieldValue.get().equals(order.recordId());
        }
        return ticketSubject(order, settings).equals(subject);
    }
}
