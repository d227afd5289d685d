package io.zsync.zoho.desk;

import io.micronaut.http.HttpResponse;
import io.zsync.zoho.budget.CallCost;
import io.zsync.zoho.config.ZohoOrgRegistry;
import io.zsync.zoho.error.ZohoNotFoundException;
import io.zsync.zoho.http.ZohoCallExecutor;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Zoho Desk v1 for the services: contacts and tickets of an org, with its {@code orgId} header on every call.
 * An empty search answers 204 or an empty {@code data} ([U]); both are an empty list. Searches cost 3 Desk
 * credits, reads 1 (zoho-api.md §6.5).
 */
@Singleton
public class DeskClient {
    private static final CallCost SEARCH = CallCost.of(3);
    private static final int LIMIT = 100;

    private final DeskApi api;
    private final DeskErrorMapper errors;
    private final ZohoCallExecutor executor;
    private final ZohoOrgRegistry orgs;

    public DeskClient(DeskApi api, DeskErrorMapper errors, ZohoCallExecutor executor, ZohoOrgRegistry orgs) {
        this.api = api;
        this.errors = errors;
        this.executor = executor;
        this.orgs = orgs;
    }

    /** Contacts with this e-mail ({@code GET /contacts/search?email=}, parameter name [U] in the doc). */
    public List<DeskContact> searchContactsByEmail(String org, String email) {
        return rows(executor.execute(org, errors, SEARCH, () -> api.searchContacts(org, orgId(org), email, LIMIT)));
    }

    /** Creates a contact. */
    public DeskContact createContact(String org, DeskContactRequest contact) {
        return body(executor.execute(org, errors, CallCost.ONE, () -> api.createContact(org, orgId(org), contact.toBody())));
    }

    /** One ticket, or empty when Desk does not know it. */
    public Optional<DeskTicket> getTicket(String org, String ticketId) {
        try {
            return executor.execute(org, errors, CallCost.ONE, () -> api.getTicket(org, orgId(org), ticketId))
                    .getBody();
        } catch (ZohoNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Creates a ticket (answered 200 or 201; both accepted). */
    public DeskTicket createTicket(String org, DeskTicketRequest ticket) {
        return body(executor.execute(org, errors, CallCost.ONE, () -> api.createTicket(org, orgId(org), ticket.toBody())));
    }

    /**
     * Partially updates a ticket ({@code PATCH}): only the given keys change; a key mapped to null clears it.
     * Custom fields go under {@code "cf"}.
     */
    public DeskTicket updateTicket(String org, String ticketId, Map<String, Object> changes) {
        return body(executor.execute(org, errors, CallCost.ONE,
                () -> api.updateTicket(org, orgId(org), ticketId, changes)));
    }

    /** Tickets of a contact e-mail. */
    public List<DeskTicket> searchTicketsByEmail(String org, String email) {
        return searchTickets(org, () -> api.searchTickets(org, orgId(org), email, null, null, null, 0, LIMIT));
    }

    /** Tickets by their human number. */
    public List<DeskTicket> searchTicketsByNumber(String org, String ticketNumber) {
        return searchTickets(org, () -> api.searchTickets(org, orgId(org), null, ticketNumber, null, null, 0, LIMIT));
    }

    /** Tickets modified in {@code [from, to]}, most recent first ({@code modifiedTimeRange}, offset up to 4,999). */
    public List<DeskTicket> searchTicketsModifiedBetween(String org, Instant from, Instant to) {
        String range = from + "," + to;
        return searchTickets(org, () -> api.searchTickets(org, orgId(org), null, null, range, "-modifiedTime", 0,
                LIMIT));
    }

    private List<DeskTicket> searchTickets(String org, Supplier<HttpResponse<DeskPage<DeskTicket>>> call) {
        return rows(executor.execute(org, errors, SEARCH, call));
    }

    private String orgId(String org) {
        String id = orgs.org(org).properties().deskOrgId();
        if (id == null || id.isBlank()) {
            throw new IllegalStateException("zsync.zoho.orgs." + org + ".desk-org-id is not set");
        }
        return id;
    }

    private static <T> List<T> rows(HttpResponse<DeskPage<T>> r) {
        List<T> data = r.getBody().map(DeskPage::data).orElse(null);
        return data == null ? List.of() : List.copyOf(data);
    }

    private static <T> T body(HttpResponse<T> r) {
        return r.getBody().orElseThrow(() -> new IllegalStateException("Desk answered " + r.code() + " without a body"));
    }

}
