package io.zsync.zoho.books;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.zsync.zoho.budget.CallCost;
import io.zsync.zoho.config.ZohoOrgRegistry;
import io.zsync.zoho.error.ZohoNotFoundException;
import io.zsync.zoho.http.ZohoCallExecutor;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Zoho Books v3 for the services: contacts, items and invoices of an org, with the org's
 * {@code organization_id} added to every call and a {@code code} other than 0 treated as an error even on 2xx.
 * Searches return empty lists when nothing matches; gets return empty on 404/1002.
 */
@Singleton
public class BooksClient {
    private static final int PER_PAGE = 200;
    private static final int MAX_PAGES = 50;

    private final BooksApi api;
    private final BooksErrorMapper errors;
    private final ZohoCallExecutor executor;
    private final ZohoOrgRegistry orgs;

    public BooksClient(BooksApi api, BooksErrorMapper errors, ZohoCallExecutor executor, ZohoOrgRegistry orgs) {
        this.api = api;
        this.errors = errors;
        this.executor = executor;
        this.orgs = orgs;
    }

    // ---------------------------------------------------------------- contacts

    public Optional<BooksContact> getContact(String org, String contactId) {
        return optional(() -> call(org, () -> api.getContact(org, orgId(org), contactId)).contact());
    }

    /**
     * Contacts whose primary e-mail is {@code email}; compared case-insensitively again here because the
     * e-mail is the natural key the flows de-duplicate on.
     */
    public List<BooksContact> searchContactsByEmail(String org, String email) {
        List<BooksContact> found = allPages(page -> call(org,
                () -> api.listContacts(org, orgId(org), email, null, page, PER_PAGE)), BooksEnvelope::contacts);
        String wanted = email.toLowerCase(Locale.ROOT);
        return found.stream().filter(c -> c.email() == null
                || c.email().toLowerCase(Locale.ROOT).equals(wanted)).toList();
    }

    /** Contacts with exactly this display name (the key behind error 3062). */
    public List<BooksContact> searchContactsByName(String org, String contactName) {
        return allPages(page -> call(org, () -> api.listContacts(org, orgId(org), null, contactName, page, PER_PAGE)),
                BooksEnvelope::contacts);
    }

    /** Creates a contact; a taken name fails with a {@code ZohoDuplicateException} code 3062 (no id given). */
    public BooksContact createContact(String org, BooksContactRequest contact) {
        return required(call(org, () -> api.createContact(org, orgId(org), contact.toBody())).contact(), "contact");
    }

    /** Replaces a contact (PUT): contact persons not sent are deleted, so send the ones to keep with their ids. */
    public BooksContact updateContact(String org, String contactId, BooksContactRequest contact) {
        return required(call(org, () -> api.updateContact(org, orgId(org), contactId, contact.toBody())).contact(), "contact");
    }

    // ---------------------------------------------------------------- items

    public Optional<BooksItem> getItem(String org, String itemId) {
        return optional(() -> call(org, () -> api.getItem(org, orgId(org), itemId)).item());
    }

    /** Items, optionally filtered by name; all pages. */
    public List<BooksItem> listItems(String org, @Nullable String name) {
        return allPages(page -> call(org, () -> api.listItems(org, orgId(org), name, page, PER_PAGE)),
                BooksEnvelope::items);
    }

    // ---------------------------------------------------------------- invoices

    /** Creates an invoice numbered by Books. */
    public BooksInvoice createInvoice(String org, BooksInvoiceRequest invoice) {
        if (invoice.invoiceNumber() != null) {
            // Books would ignore or reject the number unless auto numbering is switched off for this call.
            return createInvoiceWithNumber(org, invoice);
        }
        return required(call(org, () -> api.createInvoice(org, orgId(org), null, null, invoice.toBody())).invoice(),
                "invoice");
    }

    /** Creates an invoice with the caller's own {@code invoice_number} ({@code ignore_auto_number_generation=true}). */
    public BooksInvoice createInvoiceWithNumber(String org, BooksInvoiceRequest invoice) {
        if (invoice.invoiceNumber() == null || invoice.invoiceNumber().isBlank()) {
            throw new IllegalArgumentException("invoice_number is required without auto numbering");
        }
        return required(call(org, () -> api.createInvoice(org, orgId(org), true, null, invoice.toBody())).invoice(), "invoice");
    }

    public Optional<BooksInvoice> getInvoice(String org, String invoiceId) {
        return optional(() -> call(org, () -> api.getInvoice(org, orgId(org), invoiceId)).invoice());
    }

    public List<BooksInvoice> searchInvoicesByNumber(String org, String invoiceNumber) {
        return allPages(page -> call(org,
                () -> api.listInvoices(org, orgId(org), invoiceNumber, null, null, page, PER_PAGE)),
                BooksEnvelope::invoices).stream().filter(i -> invoiceNumber.equals(i.invoiceNumber())).toList();
    }

    /** Invoices by {@code reference_number}: how a flow finds the invoice it created for a deal or order. */
    public List<BooksInvoice> searchInvoicesByReference(String org, String referenceNumber) {
        return allPages(page -> call(org,
                () -> api.listInvoices(org, orgId(org), null, referenceNumber, null, page, PER_PAGE)),
                BooksEnvelope::invoices).stream()
                .filter(i -> i.referenceNumber() == null || referenceNumber.equals(i.referenceNumber())).toList();
    }

    // ---------------------------------------------------------------- plumbing

    private String orgId(String org) {
        String id = orgs.org(org).properties().booksOrganizationId();
        if (id == null || id.isBlank()) {
            throw new IllegalStateException("zsync.zoho.orgs." + org + ".books-organization-id is not set");
        }
        return id;
    }

    private BooksEnvelope call(String org, Supplier<HttpResponse<BooksEnvelope>> call) {
        HttpResponse<BooksEnvelope> r = executor.execute(org, errors, CallCost.ONE, call);
        BooksEnvelope env = r.getBody().orElse(new BooksEnvelope(0, null, null, null, null, null, null, null, null));
        if (env.code() != null && env.code() != 0) {
            throw errors.mapNonZero(org, r.code(), env.code(), env.message());
        }
        return env;
    }

    private <T> List<T> allPages(Function<Integer, BooksEnvelope> fetch, Function<BooksEnvelope, List<T>> items) {
        List<T> all = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            BooksEnvelope env = fetch.apply(page);
            List<T> got = items.apply(env);
            if (got != null) {
                all.addAll(got);
            }
            if (!env.hasMorePage() || got == null || got.isEmpty()) {
                break;
            }
        }
        return all;
    }

    private static <T> Optional<T> optional(Supplier<T> read) {
        try {
            return Optional.ofNullable(read.get());
        } catch (ZohoNotFoundException e) {
            return Optional.empty();
        }
    }

    private static <T> T required(@Nullable T value, String key) {
        if (value == null) {
            throw new IllegalStateException("Books answered code 0 without '" + key + "'");
        }
        return value;
    }
}
