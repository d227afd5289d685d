package io.zsync.crmbooks.flow;

import io.zsync.contract.ChangeEvent;
import io.zsync.contract.Operation;
import io.zsync.contract.SystemId;
import io.zsync.contract.TargetAction;
import io.zsync.contract.TargetRef;
import io.zsync.crmbooks.config.CrashHook;
import io.zsync.crmbooks.config.CrmBooksOrgSettings;
import io.zsync.crmbooks.config.OrgSettings;
import io.zsync.crmbooks.customer.CustomerSync;
import io.zsync.crmbooks.domain.CrmValues;
import io.zsync.crmbooks.domain.DealState;
import io.zsync.crmbooks.domain.InvoiceDecision;
import io.zsync.crmbooks.domain.InvoiceLine;
import io.zsync.crmbooks.domain.InvoicePayload;
import io.zsync.crmbooks.domain.InvoiceRules;
import io.zsync.schemas.TopicSpec;
import io.zsync.schemas.Topics;
import io.zsync.sync.api.FlowInput;
import io.zsync.sync.api.FlowResult;
import io.zsync.sync.api.PermanentSyncException;
import io.zsync.sync.api.SyncFlow;
import io.zsync.sync.engine.Failures;
import io.zsync.sync.ledger.LedgerStore;
import io.zsync.zoho.books.BooksClient;
import io.zsync.zoho.books.BooksInvoice;
import io.zsync.zoho.books.BooksInvoiceRequest;
import io.zsync.zoho.books.BooksLineItem;
import io.zsync.zoho.crm.CrmClient;
import io.zsync.zoho.crm.CrmRecord;
import io.zsync.zoho.crm.CrmWriteResult;
import io.zsync.zoho.error.ZohoDuplicateException;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * crm-deal-to-books-invoice: a CRM deal in the won stage gets one Books invoice, for the Books customer of its
 * contact (made through the contact flow's {@link CustomerSync} when the contact has none yet), with a line per
 * product of the deal; the invoice id and number are written back on the deal. A deal whose contact or product
 * items are missing fails with the reason before anything is written.
 */
@Singleton
public class DealToInvoiceFlow implements SyncFlow {

    public static final String ID = "crm-deal-to-books-invoice";
    public static final String ROLE_INVOICE = "books.invoice_id";
    public static final String ROLE_INVOICE_NUMBER = "books.invoice_number";

    private static final String DEALS = "Deals";

    private final CrmClient crm;
    private final BooksClient books;
    private final CustomerSync customers;
    private final LedgerStore ledger;
    private final OrgSettings settings;
    private final CrashHook crashHook;
    private final Clock clock = Clock.systemUTC();

    public DealToInvoiceFlow(CrmClient crm, BooksClient books, CustomerSync customers, LedgerStore ledger,
                             OrgSettings settings, CrashHook crashHook) {
        this.crm = crm;
        this.books = books;
        this.customers = customers;
        this.ledger = ledger;
        this.settings = settings;
        this.crashHook = crashHook;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public TopicSpec<String, ChangeEvent> source() {
        return Topics.CRM_DEALS;
    }

    @Override
    public Set<String> writeBackFields() {
        Set<String> fields = new LinkedHashSet<>(settings.each(CrmBooksOrgSettings::invoiceIdField));
        fields.addAll(settings.each(CrmBooksOrgSettings::invoiceNumberField));
        return Set.copyOf(fields);
    }

    @Override
    public List<FlowResult> process(List<FlowInput> inputs) {
        return OrgBatches.run(inputs, this::processOrg);
    }

    /** One deal on its way to an invoice. */
    private static final class Work {
        final FlowInput input;
        final CrmRecord deal;
        String contactId;
        String invoiceNumber;
        List<InvoiceLine> lines;
        String customerId;
        TargetAction customerAction = TargetAction.UNCHANGED;
        String invoiceId;
        TargetAction invoiceAction;
        String mappedHash;
        FlowResult result;

        Work(FlowInput input, CrmRecord deal) {
            this.input = input;
            this.deal = deal;
        }

        boolean open() {
            return result == null;
        }

        Map<String, String> ledgerTargets() {
            Map<String, String> targets = new HashMap<>();
            if (invoiceId != null) {
                targets.put(ROLE_INVOICE, invoiceId);
                targets.put(ROLE_INVOICE_NUMBER, invoiceNumber);
            }
            if (customerId != null) {
                targets.put(CustomerSync.ROLE_CUSTOMER, customerId);
            }
            return targets;
        }
    }

    private List<FlowResult> processOrg(String org, List<FlowInput> inputs) {
        CrmBooksOrgSettings orgSettings = settings.of(org);
        InvoiceRules rules = orgSettings.invoiceRules();
        Map<String, CrmRecord> deals = fetchDeals(org, rules, inputs);
        List<Work> work = inputs.stream().map(i -> new Work(i, deals.get(i.recordId()))).toList();
        for (Work w : work) {
            guard(w, () -> screen(org, rules, w));
        }
        ensureCustomers(org, orgSettings, work);
        LocalDate today = LocalDate.now(clock.withZone(orgSettings.zone()));
        for (Work w : work) {
            if (w.open() && w.invoiceId == null) {
                guard(w, () -> createInvoice(org, w, today));
            }
        }
        writeBack(org, rules, work);
        return work.stream().map(w -> w.result).toList();
    }

    private Map<String, CrmRecord> fetchDeals(String org, InvoiceRules rules, List<FlowInput> inputs) {
        List<String> ids = inputs.stream().filter(i -> !deleted(i)).map(FlowInput::recordId).distinct().toList();
        List<String> fields = List.of("Deal_Name", "Stage", "Contact_Name", rules.invoiceIdField(), rules.invoiceNumberField());
        Map<String, CrmRecord> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CrmClient.MAX_RECORDS) {
            for (CrmRecord deal : crm.getMany(org, DEALS, ids.subList(from, Math.min(ids.size(), from + CrmClient.MAX_RECORDS)),
                    fields)) {
                found.put(deal.id(), deal);
            }
        }
        return found;
    }

    private void screen(String org, InvoiceRules rules, Work w) {
        FlowInput input = w.input;
        DealState state = new DealState(input.recordId(), deleted(input), w.deal == null ? null : w.deal.fields(),
                input.knownTarget(ROLE_INVOICE), input.knownTarget(ROLE_INVOICE_NUMBER), input.mayHaveWritten());
        InvoiceDecision.Screen screen = InvoiceDecision.screen(state, rules);
        if (screen instanceof InvoiceDecision.Skip skip) {
            Map<String, String> targets = new HashMap<>();
            skip.invoiceId().ifPresent(id -> targets.put(ROLE_INVOICE, id));
            skip.invoiceNumber().ifPresent(n -> targets.put(ROLE_INVOICE_NUMBER, n));
            w.result = new FlowResult.Skipped(skip.reason(), targets, null);
        } else if (screen instanceof InvoiceDecision.Fail fail) {
            throw new PermanentSyncException(fail.code(), fail.message());
        } else if (screen instanceof InvoiceDecision.LinkOnly link) {
            w.invoiceId = link.invoiceId();
            w.invoiceNumber = link.invoiceNumber();
            w.invoiceAction = TargetAction.UNCHANGED;
            w.customerId = input.knownTarget(CustomerSync.ROLE_CUSTOMER).orElse(null);
        } else {
            InvoiceDecision.Proceed proceed = (InvoiceDecision.Proceed) screen;
            w.contactId = proceed.contactId();
            w.invoiceNumber = proceed.invoiceNumber();
            List<String> fields = List.of("Product_Name", rules.itemIdField(), rules.quantityField(), rules.listPriceField());
            List<Map<String, Object>> products = crm.dealProducts(org, input.recordId(), fields).stream()
                    .map(CrmRecord::fields).toList();
            InvoiceDecision.Lines lines = InvoiceDecision.lines(input.recordId(), products, rules);
            if (lines instanceof InvoiceDecision.Unbillable unbillable) {
                throw new PermanentSyncException(unbillable.code(), unbillable.message());
            }
            w.lines = ((InvoiceDecision.Ready) lines).lines();
        }
    }

    /**
     * The customer of each won deal's contact: the one the contact flow linked (its ledger or the contact's
     * write-back field) or, when there is none yet, one made now through the contact flow's component.
     */
    private void ensureCustomers(String org, CrmBooksOrgSettings orgSettings, List<Work> work) {
        List<Work> needing = work.stream().filter(w -> w.open() && w.lines != null).toList();
        if (needing.isEmpty()) {
            return;
        }
        Map<String, CrmRecord> contacts;
        try {
            contacts = customers.fetch(org, orgSettings, needing.stream().map(w -> w.contactId).toList());
        } catch (RuntimeException e) {
            FlowResult.Failed failed = Failures.classify(e);
            needing.forEach(w -> w.result = failed);
            return;
        }
        Map<String, CustomerSync.Request> toSync = new LinkedHashMap<>();
        Map<String, String> known = new HashMap<>();
        for (Work w : needing) {
            CrmRecord contact = contacts.get(w.contactId);
            if (contact == null) {
                w.result = FlowResult.Failed.permanently("DEAL_CONTACT_NOT_FOUND", "deal " + w.input.recordId()
                        + ": contact " + w.contactId + " does not exist in CRM");
                continue;
            }
            var contactLedger = ledger.get(ContactToCustomerFlow.ID, w.contactId);
            Optional<String> linked = contactLedger.map(e -> e.getTargets().get(CustomerSync.ROLE_CUSTOMER))
                    .or(() -> CrmValues.text(contact.fields(), orgSettings.customerIdField()));
            if (linked.isPresent()) {
                known.put(w.contactId, linked.get());
            } else {
                toSync.putIfAbsent(w.contactId, CustomerSync.Request.of(w.contactId, false, contact, contactLedger));
            }
        }
        Map<String, FlowResult> synced = new HashMap<>();
        if (!toSync.isEmpty()) {
            List<CustomerSync.Request> requests = List.copyOf(toSync.values());
            List<FlowResult> results = customers.sync(org, orgSettings, requests);
            for (int i = 0; i < requests.size(); i++) {
                synced.put(requests.get(i).contactId(), results.get(i));
            }
        }
        for (Work w : needing) {
            if (!w.open()) {
                continue;
            }
            if (known.containsKey(w.contactId)) {
                w.customerId = known.get(w.contactId);
                continue;
            }
            FlowResult customer = synced.get(w.contactId);
            String customerId = customer == null ? null : customer.ledgerTargets().get(CustomerSync.ROLE_CUSTOMER);
            if (customer instanceof FlowResult.Succeeded ok && customerId != null) {
                w.customerId = customerId;
                w.customerAction = ok.targets().isEmpty() ? TargetAction.UNCHANGED : ok.targets().get(0).getAction();
            } else if (customer instanceof FlowResult.Failed failed && customerId != null) {
                // the customer exists, only its link on the contact failed: the invoice can still be made
                w.customerId = customerId;
                w.customerAction = TargetAction.UNKNOWN;
            } else if (customer instanceof FlowResult.Failed failed) {
                w.result = new FlowResult.Failed(failed.code(), "customer of contact " + w.contactId + ": "
                        + failed.message(), failed.retryable(), failed.retryAfter(), Optional.of("customer"), Map.of());
            } else {
                String reason = customer instanceof FlowResult.Skipped skipped ? skipped.reason() : "no result";
                w.result = FlowResult.Failed.permanently("DEAL_CONTACT_NOT_SYNCABLE", "deal " + w.input.recordId()
                        + ": contact " + w.contactId + " cannot become a Books customer: " + reason);
            }
        }
    }

    private void createInvoice(String org, Work w, LocalDate today) {
        InvoicePayload payload = InvoiceDecision.invoice(w.input.recordId(), w.customerId, w.invoiceNumber, today, w.lines);
        w.mappedHash = InvoiceDecision.mappedHash(payload);
        if (w.input.mayHaveWritten()) {
            Optional<BooksInvoice> existing = findByNumber(org, payload.invoiceNumber());
            if (existing.isPresent()) {
                adopt(w, existing.get());
                return;
            }
        }
        BooksInvoice created;
        try {
            created = books.createInvoiceWithNumber(org, request(payload));
        } catch (ZohoDuplicateException taken) {
            // the number is ours (prefix + deal id): an earlier attempt made this invoice
            adopt(w, findByNumber(org, payload.invoiceNumber()).orElseThrow(() -> taken));
            return;
        }
        crashHook.afterBooksCreate(w.input.recordId());
        w.invoiceId = created.invoiceId();
        w.invoiceNumber = created.invoiceNumber() == null ? payload.invoiceNumber() : created.invoiceNumber();
        w.invoiceAction = TargetAction.CREATED;
    }

    private Optional<BooksInvoice> findByNumber(String org, String number) {
        return books.searchInvoicesByNumber(org, number).stream().filter(i -> i.invoiceId() != null).findFirst();
    }

    private static void adopt(Work w, BooksInvoice invoice) {
        w.invoiceId = invoice.invoiceId();
        w.invoiceNumber = invoice.invoiceNumber();
        w.invoiceAction = TargetAction.MATCHED;
    }

    private static BooksInvoiceRequest request(InvoicePayload payload) {
        List<BooksLineItem> lines = new ArrayList<>();
        for (int i = 0; i < payload.lines().size(); i++) {
            InvoiceLine line = payload.lines().get(i);
            lines.add(new BooksLineItem(null, line.itemId(), null, null, line.rate(), line.quantity(), null, null, null,
                    i + 1, null));
        }
        return new BooksInvoiceRequest(payload.customerId(), payload.invoiceNumber(), payload.referenceNumber(),
                payload.date().toString(), null, null, null, null, null, null, lines, null);
    }

    private void writeBack(String org, InvoiceRules rules, List<Work> work) {
        List<Work> done = work.stream().filter(w -> w.open() && w.invoiceId != null).toList();
        List<Work> toWrite = new ArrayList<>();
        for (Work w : done) {
            if (w.deal != null && InvoiceDecision.needsWriteBack(w.deal.fields(), rules, w.invoiceId, w.invoiceNumber)) {
                toWrite.add(w);
            } else {
                w.result = succeeded(w, "already-set");
            }
        }
        for (int from = 0; from < toWrite.size(); from += CrmClient.MAX_RECORDS) {
            List<Work> chunk = toWrite.subList(from, Math.min(toWrite.size(), from + CrmClient.MAX_RECORDS));
            List<CrmRecord> records = chunk.stream().map(w -> CrmRecord.empty().withId(w.input.recordId())
                    .with(rules.invoiceIdField(), w.invoiceId).with(rules.invoiceNumberField(), w.invoiceNumber)).toList();
            try {
                // trigger [] : the write-back is bookkeeping, it must not fire the org's workflows
                List<CrmWriteResult> written = crm.update(org, DEALS, records, List.of());
                for (int k = 0; k < chunk.size(); k++) {
                    Work w = chunk.get(k);
                    CrmWriteResult result = k < written.size() ? written.get(k) : null;
                    if (result != null && result.success()) {
                        w.result = succeeded(w, "written");
                    } else {
                        w.result = failedAfterWrite(w, result == null || result.error() == null
                                ? FlowResult.Failed.permanently("WRITE_BACK_MISSING", "CRM answered no result for deal "
                                + w.input.recordId()) : Failures.classify(result.error()));
                    }
                }
            } catch (RuntimeException e) {
                FlowResult.Failed failed = Failures.classify(e);
                chunk.forEach(w -> w.result = failedAfterWrite(w, failed));
            }
        }
    }

    private static FlowResult succeeded(Work w, String writeBack) {
        List<TargetRef> targets = new ArrayList<>();
        targets.add(new TargetRef(SystemId.ZOHO_BOOKS, "invoices", w.invoiceId, w.invoiceAction, w.invoiceNumber));
        if (w.customerId != null) {
            targets.add(new TargetRef(SystemId.ZOHO_BOOKS, "contacts", w.customerId, w.customerAction, null));
        }
        return new FlowResult.Succeeded(targets, w.ledgerTargets(), w.mappedHash, Map.of(
                "invoice", w.invoiceAction.name().toLowerCase(java.util.Locale.ROOT), "writeBack", writeBack));
    }

    private static FlowResult failedAfterWrite(Work w, FlowResult.Failed cause) {
        return new FlowResult.Failed(cause.code(), cause.message(), cause.retryable(), cause.retryAfter(),
                Optional.of("write-back"), w.ledgerTargets());
    }

    /** Runs one deal's step; what it throws becomes that deal's failure (with the ids written so far). */
    private static void guard(Work w, Runnable step) {
        if (!w.open()) {
            return;
        }
        try {
            step.run();
        } catch (RuntimeException e) {
            FlowResult.Failed failed = Failures.classify(e);
            w.result = new FlowResult.Failed(failed.code(), failed.message(), failed.retryable(), failed.retryAfter(),
                    failed.failedStep(), w.ledgerTargets());
        }
    }

    private static boolean deleted(FlowInput input) {
        return input.event().getOperation() == Operation.DELETED;
    }
}
