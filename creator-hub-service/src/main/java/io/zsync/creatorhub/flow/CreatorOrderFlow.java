package io.zsync.creatorhub.flow;

import io.zsync.contract.ChangeEvent;
import io.zsync.contract.Operation;
import io.zsync.contract.SystemId;
import io.zsync.contract.TargetAction;
import io.zsync.contract.TargetRef;
import io.zsync.creatorhub.config.CreatorHubOrgConfig;
import io.zsync.creatorhub.config.CreatorHubOrgs;
import io.zsync.creatorhub.domain.Confirmation;
import io.zsync.creatorhub.domain.Mappings;
import io.zsync.creatorhub.domain.Order;
import io.zsync.creatorhub.domain.OrderCheck;
import io.zsync.creatorhub.domain.OrderFields;
import io.zsync.creatorhub.domain.OrderReader;
import io.zsync.creatorhub.domain.Roles;
import io.zsync.creatorhub.domain.SagaPlan;
import io.zsync.creatorhub.domain.SagaPlanner;
import io.zsync.creatorhub.domain.SagaReport;
import io.zsync.creatorhub.domain.SagaSettings;
import io.zsync.creatorhub.domain.SagaState;
import io.zsync.creatorhub.domain.Step;
import io.zsync.creatorhub.domain.TargetLink;
import io.zsync.creatorhub.mail.MailOutcomeUnknownException;
import io.zsync.creatorhub.mail.MailRejectedException;
import io.zsync.creatorhub.mail.MailUnavailableException;
import io.zsync.creatorhub.mail.SmtpMailer;
import io.zsync.schemas.TopicSpec;
import io.zsync.schemas.Topics;
import io.zsync.sync.api.FlowInput;
import io.zsync.sync.api.FlowResult;
import io.zsync.sync.api.PermanentSyncException;
import io.zsync.sync.api.RetryableSyncException;
import io.zsync.sync.api.SyncFlow;
import io.zsync.sync.domain.MappedHash;
import io.zsync.sync.engine.CrashPoints;
import io.zsync.sync.engine.Failures;
import io.zsync.sync.engine.OutcomeCommitException;
import io.zsync.zoho.books.BooksClient;
import io.zsync.zoho.books.BooksContact;
import io.zsync.zoho.books.BooksContactPerson;
import io.zsync.zoho.books.BooksContactRequest;
import io.zsync.zoho.books.BooksInvoice;
import io.zsync.zoho.books.BooksInvoiceRequest;
import io.zsync.zoho.books.BooksItem;
import io.zsync.zoho.books.BooksLineItem;
import io.zsync.zoho.creator.CreatorClient;
import io.zsync.zoho.creator.CreatorRecord;
import io.zsync.zoho.crm.CrmClient;
import io.zsync.zoho.crm.CrmCriteria;
import io.zsync.zoho.crm.CrmRecord;
import io.zsync.zoho.desk.DeskClient;
import io.zsync.zoho.desk.DeskTicket;
import io.zsync.zoho.desk.DeskTicketRequest;
import io.zsync.zoho.error.ZohoApiException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Flow {@value #ID}: a submitted Creator order runs as a saga of six steps (CRM contact ensured, CRM deal,
 * Books invoice, VIP Desk ticket above the org's threshold, confirmation e-mail, order updated with status and
 * ids), each recorded in the runtime's ledger as it finishes, so a retry, a redelivery after a crash or an
 * operator's redrive resumes at the first unfinished step and never repeats a finished one.
 *
 * <p>A new CRM contact is created already linked to the order's Books customer, which the saga ensures first.
 * crm-books-service syncs every CRM contact to Books too; finding the contact linked, it updates that customer
 * instead of searching Books by e-mail at the same moment as the saga and creating a second one (a fault storm
 * showed both searches can miss).
 */
@Singleton
public class CreatorOrderFlow implements SyncFlow {

    public static final String ID = "creator-order-to-zoho";

    private static final Logger LOG = LoggerFactory.getLogger(CreatorOrderFlow.class);
    private static final String CONTACTS = "Contacts";
    private static final String DEALS = "Deals";

    private final CreatorHubOrgs orgs;
    private final CreatorClient creator;
    private final CrmClient crm;
    private final BooksClient books;
    private final DeskClient desk;
    private final SmtpMailer mailer;
    private final SagaCheckpoints checkpoints;
    private final SagaStepObserver observer;
    private final CrashPoints crashPoints;

    public CreatorOrderFlow(CreatorHubOrgs orgs, CreatorClient creator, CrmClient crm, BooksClient books, DeskClient desk,
                            SmtpMailer mailer, SagaCheckpoints checkpoints, SagaStepObserver observer,
                            CrashPoints crashPoints) {
        this.orgs = orgs;
        this.creator = creator;
        this.crm = crm;
        this.books = books;
        this.desk = desk;
        this.mailer = mailer;
        this.checkpoints = checkpoints;
        this.observer = observer;
        this.crashPoints = crashPoints;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public TopicSpec<String, ChangeEvent> source() {
        return Topics.CREATOR_ORDERS;
    }

    @Override
    public Set<String> writeBackFields() {
        return orgs.writeBackFields();
    }

    @Override
    public List<FlowResult> process(List<FlowInput> inputs) {
        // Two events of one order in a batch: the second sees what the first did, not the batch's stale view.
        Map<String, SagaState> batch = new HashMap<>();
        List<FlowResult> results = new ArrayList<>(inputs.size());
        for (FlowInput input : inputs) {
            SagaState start = batch.getOrDefault(input.recordId(), checkpoints.current(ID, input));
            Saga saga = new Saga(input, start);
            results.add(saga.run());
            batch.put(input.recordId(), saga.state);
        }
        return results;
    }

    /** A Books customer the saga created or found. */
    private record BooksCustomer(String id, TargetLink.Action action) {
    }

    /** One run of one order's saga: its state, the step it is in, and what it did. */
    private final class Saga {
        private final FlowInput input;
        private final ChangeEvent event;
        private final String org;
        private SagaState state;
        private Step current = Step.VALIDATE;
        private CreatorHubOrgConfig config;
        private SagaSettings settings;
        private OrderFields names;
        private Order order;
        private SagaPlan plan;
        private SagaReport report;
        private CrmRecord crmContact;
        private String booksCustomerId; // ensured by this run

        Saga(FlowInput input, SagaState state) {
            this.input = input;
            this.event = input.event();
            this.org = input.org();
            this.state = state;
        }

        FlowResult run() {
            if (event.getOperation() == Operation.DELETED) {
                return new FlowResult.Skipped("the order was deleted in Creator: no saga to run", Map.of(), null);
            }
            Optional<CreatorHubOrgConfig> orgConfig = orgs.org(org);
            if (orgConfig.isEmpty()) {
                return failed("UNKNOWN_ORG", "no " + CreatorHubOrgConfig.PREFIX + "." + org + " settings", false, null);
            }
            config = orgConfig.get();
            settings = config.settings();
            names = config.orderFields();
            try {
                Optional<CreatorRecord> record = creator.getRecord(org, config.report(), input.recordId());
                if (record.isEmpty()) {
                    return failed("ORDER_NOT_FOUND", "Creator has no order " + input.recordId() + " in report "
                            + config.report(), false, null);
                }
                OrderCheck check = OrderReader.read(input.recordId(), record.get().fields(), names);
                if (check instanceof OrderCheck.Invalid invalid) {
                    return failed(invalid.code(), invalid.message(), false, null);
                }
                order = ((OrderCheck.Valid) check).order();
                boolean resumed = input.previous().isPresent() || input.attempt() > 1 || !state.isEmpty();
                plan = SagaPlanner.plan(order, state, settings, resumed);
                if (plan.complete()) {
                    return new FlowResult.Skipped("every step of the order saga is already done", state.targets(), null);
                }
                report = SagaReport.start(plan, state);
                for (Step step : plan.remaining()) {
                    current = step;
                    runStep(step);
                }
                LOG.info("{}: order {} ({}) done: {}", ID, order.number(), input.recordId(), report.details());
                return new FlowResult.Succeeded(targetRefs(), state.targets(), MappedHash.of(order.mappedValues()),
                        report.details());
            } catch (OutcomeCommitException e) {
                // The step's write happened but is not recorded: stop here; the retry looks this step up.
                return failed("CHECKPOINT_NOT_COMMITTED", e.getMessage(), true, null);
            } catch (RuntimeException e) {
                FlowResult.Failed failure = Failures.classify(e);
                LOG.warn("{}: order {} stopped at step {}: {} {}", ID, input.recordId(), current.id(), failure.code(),
                        failure.message());
                return new FlowResult.Failed(failure.code(), failure.message(), failure.retryable(), failure.retryAfter(),
                        Optional.of(current.id()), state.targets());
            }
        }

        private FlowResult.Failed failed(String code, String message, boolean retryable, Duration retryAfter) {
            LOG.warn("{}: order {} stopped at step {}: {} {}", ID, input.recordId(), current.id(), code, message);
            return new FlowResult.Failed(code, message, retryable, Optional.ofNullable(retryAfter),
                    Optional.of(current.id()), state.targets());
        }

        private void runStep(Step step) {
            switch (step) {
                case CRM_CONTACT -> ensureCrmContact();
                case CRM_DEAL -> createDeal();
                case BOOKS_INVOICE -> createInvoice();
                case DESK_TICKET -> openVipTicket();
                case EMAIL -> sendConfirmation();
                case CREATOR_UPDATE -> updateOrder();
                case VALIDATE -> throw new IllegalStateException("validation is not a saga step");
            }
        }

        /** The step's target is written and not recorded yet: the window the crash tests halt in. */
        private void written(Step step) {
            crashPoints.reached(CrashPoints.AFTER_TARGET_WRITE);
            observer.afterWrite(org, order, step);
        }

        /** Records a new state durably before anything else happens. */
        private void record(SagaState next) {
            checkpoints.record(ID, event, next);
            state = next;
        }

        // ------------------------------------------------------------ step 1: CRM contact

        private void ensureCrmContact() {
            TargetLink.Action action = TargetLink.Action.MATCHED;
            Optional<CrmRecord> found = order.crmContactId().flatMap(id -> crm.get(org, CONTACTS, id));
            if (found.isEmpty()) {
                // the contact's e-mail is its natural key: always look before creating, not only on resume
                found = crm.searchByEmail(org, CONTACTS, order.email()).stream()
                        .filter(c -> Mappings.sameEmail(c.email(), order.email())).findFirst();
            }
            String contactId;
            if (found.isPresent()) {
                crmContact = found.get();
                contactId = crmContact.id();
            } else {
                contactId = insertContact(ensureBooksCustomer());
                action = TargetLink.Action.CREATED;
            }
            written(Step.CRM_CONTACT);
            record(state.with(Roles.CRM_CONTACT_ID, contactId));
            report.link(Step.CRM_CONTACT, SystemId.ZOHO_CRM.name(), CONTACTS, contactId, action, Optional.empty());
        }

        private String insertContact(String customerId) {
            try {
                return crm.insertOne(org, CONTACTS, CrmRecord.of(Mappings.crmContact(order, config.booksCustomerField(),
                        customerId)));
            } catch (ZohoApiException e) {
                // an org with unique e-mails names the contact that already has it: that one is ours
                return e.duplicateId().orElseThrow(() -> e);
            }
        }

        // ------------------------------------------------------------ step 2: CRM deal

        private void createDeal() {
            String dealName = Mappings.dealName(order, settings);
            TargetLink.Action action = TargetLink.Action.MATCHED;
            Optional<String> dealId = Optional.empty();
            if (plan.mustLookUp(Step.CRM_DEAL)) {
                dealId = crm.searchByCriteria(org, DEALS, CrmCriteria.equalTo("Deal_Name", dealName)).stream()
                        .filter(d -> Mappings.isOurDeal(order, settings, d.string("Deal_Name")))
                        .map(CrmRecord::id).findFirst();
            }
            if (dealId.isEmpty()) {
                String contactId = state.get(Roles.CRM_CONTACT_ID).orElseThrow();
                dealId = Optional.of(crm.insertOne(org, DEALS, CrmRecord.of(Mappings.crmDeal(order, contactId, today(), settings))));
                action = TargetLink.Action.CREATED;
            }
            written(Step.CRM_DEAL);
            record(state.with(Roles.CRM_DEAL_ID, dealId.get()));
            report.link(Step.CRM_DEAL, SystemId.ZOHO_CRM.name(), DEALS, dealId.get(), action, Optional.of(dealName));
        }

        // ------------------------------------------------------------ step 3: Books invoice

        private void createInvoice() {
            String customerId = ensureBooksCustomer();
            String itemId = booksItem();
            String reference = Mappings.invoiceReference(order, settings);
            TargetLink.Action action = TargetLink.Action.MATCHED;
            Optional<BooksInvoice> invoice = Optional.empty();
            if (plan.mustLookUp(Step.BOOKS_INVOICE)) {
                invoice = books.searchInvoicesByReference(org, reference).stream()
                        .filter(i -> Mappings.isOurInvoice(order, settings, customerId, i.referenceNumber(), i.customerId()))
                        .findFirst();
            }
            if (invoice.isEmpty()) {
                BooksLineItem line = BooksLineItem.of(itemId, order.productName().orElse(null),
                        order.unitPrice().orElse(null), order.quantity());
                invoice = Optional.of(books.createInvoice(org, BooksInvoiceRequest.of(customerId, reference, today(),
                        List.of(line))));
                action = TargetLink.Action.CREATED;
            }
            BooksInvoice done = invoice.get();
            written(Step.BOOKS_INVOICE);
            record(state.with(Roles.BOOKS_INVOICE_ID, done.invoiceId())
                    .with(Roles.BOOKS_INVOICE_NUMBER, done.invoiceNumber()));
            report.link(Step.BOOKS_INVOICE, SystemId.ZOHO_BOOKS.name(), "invoices", done.invoiceId(), action,
                    Optional.ofNullable(done.invoiceNumber()));
        }

        /**
         * The Books customer: the one the saga recorded, the order's, the one the CRM-to-Books flow linked on the
         * CRM contact, the Books contact with the customer's e-mail, or a new one, in that order. Ensured once per
         * run: before a new CRM contact is created (so it is born linked), else before the invoice.
         */
        private String ensureBooksCustomer() {
            if (booksCustomerId != null) {
                return booksCustomerId;
            }
            Optional<String> recorded = state.get(Roles.BOOKS_CUSTOMER_ID);
            if (recorded.isPresent()) {
                report.link(SagaReport.BOOKS_CUSTOMER, SystemId.ZOHO_BOOKS.name(), "contacts", recorded.get(),
                        TargetLink.Action.UNCHANGED, Optional.empty());
                booksCustomerId = recorded.get();
                return booksCustomerId;
            }
            TargetLink.Action action = TargetLink.Action.MATCHED;
            Optional<String> customerId = order.booksCustomerId()
                    .or(this::booksCustomerOfCrmContact)
                    .or(() -> books.searchContactsByEmail(org, order.email()).stream()
                            .filter(c -> c.primaryEmail().map(e -> Mappings.sameEmail(e, order.email())).orElse(true))
                            .map(BooksContact::contactId).findFirst());
            if (customerId.isEmpty()) {
                BooksCustomer made = createBooksCustomer();
                customerId = Optional.of(made.id());
                action = made.action();
            }
            record(state.with(Roles.BOOKS_CUSTOMER_ID, customerId.get()));
            report.link(SagaReport.BOOKS_CUSTOMER, SystemId.ZOHO_BOOKS.name(), "contacts", customerId.get(), action,
                    Optional.empty());
            booksCustomerId = customerId.get();
            return booksCustomerId;
        }

        private Optional<String> booksCustomerOfCrmContact() {
            if (crmContact == null) {
                crmContact = state.get(Roles.CRM_CONTACT_ID).flatMap(id -> crm.get(org, CONTACTS, id)).orElse(null);
            }
            return Optional.ofNullable(crmContact).map(c -> c.string(config.booksCustomerField())).filter(s -> !s.isBlank());
        }

        private BooksCustomer createBooksCustomer() {
            BooksContactPerson person = BooksContactPerson.primary(order.firstName().orElse(null),
                    order.lastNameOrFallback(), order.email(), order.phone().orElse(null));
            String name = Mappings.booksCustomerName(order);
            try {
                return new BooksCustomer(books.createContact(org, BooksContactRequest.customer(name, null, person))
                        .contactId(), TargetLink.Action.CREATED);
            } catch (ZohoApiException e) {
                if (!"3062".equals(e.code())) {
                    throw e;
                }
            }
            // Books names are unique per org. The name's holder is this person's customer when it has their e-mail:
            // another writer created it after the search by e-mail above. Otherwise it is a namesake.
            List<BooksContact> holders = books.searchContactsByName(org, name).stream()
                    .filter(c -> c.contactName() != null && name.equalsIgnoreCase(c.contactName().trim())).toList();
            Optional<String> same = holders.stream()
                    .filter(c -> Mappings.isOrderCustomer(order, c.contactType(), c.primaryEmail()))
                    .map(BooksContact::contactId).findFirst();
            if (same.isPresent()) {
                return new BooksCustomer(same.get(), TargetLink.Action.MATCHED);
            }
            if (holders.isEmpty()) {
                // taken but not listed yet: it may be this person's, so a namesake's name would be a duplicate
                throw new RetryableSyncException("BOOKS_NAME_TAKEN_NOT_LISTED", "Books refused the customer name '"
                        + name + "' as taken but lists no contact with it yet; retried");
            }
            return new BooksCustomer(books.createContact(org, BooksContactRequest.customer(
                    Mappings.booksCustomerNameDisambiguated(order), null, person)).contactId(), TargetLink.Action.CREATED);
        }

        private String booksItem() {
            if (order.productItemId().isPresent()) {
                return order.productItemId().get();
            }
            String name = order.productName().orElseThrow();
            return books.listItems(org, name).stream()
                    .filter(i -> i.name() != null && i.name().trim().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                    .filter(i -> i.status() == null || "active".equalsIgnoreCase(i.status()))
                    .map(BooksItem::itemId).findFirst()
                    .orElseThrow(() -> new PermanentSyncException("MISSING_BOOKS_ITEM", "order " + order.number()
                            + ": Books has no active item named '" + name + "'"));
        }

        // ------------------------------------------------------------ step 4: VIP ticket

        private void openVipTicket() {
            String subject = Mappings.ticketSubject(order, settings);
            TargetLink.Action action = TargetLink.Action.MATCHED;
            Optional<DeskTicket> ticket = Optional.empty();
            if (plan.mustLookUp(Step.DESK_TICKET)) {
                ticket = desk.searchTicketsByEmail(org, order.email()).stream()
                        .filter(t -> Mappings.isOurTicket(order, settings, orderFieldOf(t), t.subject()))
                        .findFirst();
            }
            if (ticket.isEmpty()) {
                String department = Optional.ofNullable(config.vipDepartmentId()).filter(d -> !d.isBlank())
                        .orElseThrow(() -> new PermanentSyncException("CONFIG_MISSING", CreatorHubOrgConfig.PREFIX + "."
                                + org + ".vip-department-id is not set"));
                ticket = Optional.of(desk.createTicket(org, new DeskTicketRequest(subject, department, null,
                        Mappings.deskContact(order), settings.ticketDescription(), null, settings.ticketPriority(), null,
                        null, null, null, null, null, null, null, Map.of(settings.ticketOrderField(), order.recordId()))));
                action = TargetLink.Action.CREATED;
            }
            DeskTicket done = ticket.get();
            written(Step.DESK_TICKET);
            record(state.with(Roles.DESK_TICKET_ID, done.id()).with(Roles.DESK_TICKET_NUMBER, done.ticketNumber()));
            report.link(Step.DESK_TICKET, SystemId.ZOHO_DESK.name(), "tickets", done.id(), action,
                    Optional.ofNullable(done.ticketNumber()).map(SagaReport::ticketLabel));
        }

        private Optional<String> orderFieldOf(DeskTicket ticket) {
            Object value = ticket.cf() == null ? null : ticket.cf().get(settings.ticketOrderField());
            return value == null || String.valueOf(value).isBlank() ? Optional.empty() : Optional.of(String.valueOf(value));
        }

        // ------------------------------------------------------------ step 5: confirmation e-mail

        /**
         * At most once: the Message-ID is recorded as "sending" after the SMTP connection is open and before the
         * message is transferred; a later attempt that finds the mark without "sent" never sends again. Only a
         * refusal the server states (nothing accepted) clears the mark.
         */
        private void sendConfirmation() {
            Confirmation confirmation = Mappings.confirmation(order, settings);
            try (SmtpMailer.Connection smtp = mailer.connect()) {
                record(state.with(Roles.EMAIL_SENDING, confirmation.messageId()));
                try {
                    smtp.send(config.mailFrom(), confirmation);
                } catch (MailRejectedException e) {
                    record(state.with(Roles.EMAIL_SENDING, ""));
                    if (e.temporary()) {
                        throw new MailUnavailableException(e.getMessage(), e);
                    }
                    throw new PermanentSyncException("EMAIL_REJECTED", e.getMessage());
                } catch (MailOutcomeUnknownException e) {
                    LOG.warn("{}: order {}: confirmation {} may or may not have been accepted; not sent again: {}", ID,
                            order.number(), confirmation.messageId(), e.getMessage());
                    report.unconfirmed(confirmation.messageId());
                    return;
                }
            }
            written(Step.EMAIL);
            record(state.with(Roles.EMAIL_SENT, confirmation.messageId()));
            report.sent(confirmation.messageId());
        }

        // ------------------------------------------------------------ step 6: the order itself

        private void updateOrder() {
            // a PATCH of the same values: repeating it after a crash is harmless, so it needs no lookup
            creator.updateRecord(org, config.report(), order.recordId(), Mappings.creatorUpdate(state, names, settings),
                    config.workflowsToSkip());
            written(Step.CREATOR_UPDATE);
            state = state.with(Roles.CREATOR_UPDATED, "true"); // recorded by the runtime with the outcome
            report.link(Step.CREATOR_UPDATE, SystemId.ZOHO_CREATOR.name(), event.getEntityType(), order.recordId(),
                    TargetLink.Action.UPDATED, Optional.of(settings.processingStatus()));
        }

        private LocalDate today() {
            return LocalDate.now(Clock.system(config.timeZone()));
        }

        private List<TargetRef> targetRefs() {
            return report.targets().stream().map(t -> new TargetRef(SystemId.valueOf(t.system()), t.entityType(), t.id(),
                    TargetAction.valueOf(t.action().name()), t.label().orElse(null))).toList();
        }
    }
}
