package io.zsync.schemas;

import io.zsync.contract.ChangeEvent;
import io.zsync.contract.DeadLetter;
import io.zsync.contract.LedgerEntry;
import io.zsync.contract.RetryRequest;
import io.zsync.contract.SyncCompleted;
import io.zsync.contract.SystemId;
import io.zsync.contract.Watermark;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of every topic in the system. Change topics are keyed by the source record id so all
 * changes of one record stay in order on one partition.
 */
public final class Topics {

    private static final int CHANGE_PARTITIONS = 6;
    private static final int OUTCOME_PARTITIONS = 3;
    /** Outcomes are kept a week: long enough to redrive and to rebuild the dashboard's views. */
    private static final Map<String, String> ONE_WEEK = Map.of("retention.ms", String.valueOf(7L * 24 * 3600 * 1000));

    /**
     * The names as compile-time constants, for annotations ({@code @Topic}, {@code @KafkaListener}) that
     * cannot take a {@link TopicSpec}. Everything else uses the specs below.
     */
    public static final class Names {
        public static final String CRM_CONTACTS = "zoho.crm.contacts.changes";
        public static final String CRM_LEADS = "zoho.crm.leads.changes";
        public static final String CRM_DEALS = "zoho.crm.deals.changes";
        public static final String DESK_TICKETS = "zoho.desk.tickets.changes";
        public static final String CREATOR_ORDERS = "zoho.creator.orders.changes";
        public static final String EXTERNAL_CONTACTS = "external.contacts.changes";
        public static final String SYNC_COMPLETIONS = "sync.completions";
        public static final String SYNC_DEADLETTERS = "sync.deadletters";
        public static final String WATERMARKS = "zsync.watermarks";
        public static final String SYNC_LEDGER = "zsync.sync.ledger";
        public static final String SYNC_RETRIES = "zsync.sync.retries";

        private Names() {
        }
    }

    public static final TopicSpec<String, ChangeEvent> CRM_CONTACTS = changes(Names.CRM_CONTACTS);
    public static final TopicSpec<String, ChangeEvent> CRM_LEADS = changes(Names.CRM_LEADS);
    public static final TopicSpec<String, ChangeEvent> CRM_DEALS = changes(Names.CRM_DEALS);
    public static final TopicSpec<String, ChangeEvent> DESK_TICKETS = changes(Names.DESK_TICKETS);
    public static final TopicSpec<String, ChangeEvent> CREATOR_ORDERS = changes(Names.CREATOR_ORDERS);
    public static final TopicSpec<String, ChangeEvent> EXTERNAL_CONTACTS = changes(Names.EXTERNAL_CONTACTS);

    public static final TopicSpec<String, SyncCompleted> SYNC_COMPLETIONS = new TopicSpec<>(
            Names.SYNC_COMPLETIONS, String.class, SyncCompleted.class, OUTCOME_PARTITIONS,
            TopicSpec.CleanupPolicy.DELETE, ONE_WEEK);
    public static final TopicSpec<String, DeadLetter> SYNC_DEADLETTERS = new TopicSpec<>(
            Names.SYNC_DEADLETTERS, String.class, DeadLetter.class, OUTCOME_PARTITIONS,
            TopicSpec.CleanupPolicy.DELETE, ONE_WEEK);

    /** Poller watermarks, keyed {@code <component>/<org>/<module>}; compacted, so the latest per key is kept. */
    public static final TopicSpec<String, Watermark> WATERMARKS = new TopicSpec<>(
            Names.WATERMARKS, String.class, Watermark.class, 1, TopicSpec.CleanupPolicy.COMPACT, Map.of());

    /** The idempotency ledger of every flow, keyed {@code <flowId>/<recordId>}; compacted. */
    public static final TopicSpec<String, LedgerEntry> SYNC_LEDGER = new TopicSpec<>(
            Names.SYNC_LEDGER, String.class, LedgerEntry.class, CHANGE_PARTITIONS, TopicSpec.CleanupPolicy.COMPACT,
            Map.of("min.compaction.lag.ms", "60000"));
    /** Events parked after a transient failure, with the time of their next attempt; keyed by record id. */
    public static final TopicSpec<String, RetryRequest> SYNC_RETRIES = new TopicSpec<>(
            Names.SYNC_RETRIES, String.class, RetryRequest.class, OUTCOME_PARTITIONS, TopicSpec.CleanupPolicy.DELETE, ONE_WEEK);

    /** Every topic, in a stable order (for creation and documentation). */
    public static final List<TopicSpec<?, ?>> ALL = List.of(
            CRM_CONTACTS, CRM_LEADS, CRM_DEALS, DESK_TICKETS, CREATOR_ORDERS, EXTERNAL_CONTACTS,
            SYNC_COMPLETIONS, SYNC_DEADLETTERS, WATERMARKS, SYNC_LEDGER, SYNC_RETRIES);

    private Topics() {
    }

    private static TopicSpec<String, ChangeEvent> changes(String name) {
        return new TopicSpec<>(name, String.class, ChangeEvent.class, CHANGE_PARTITIONS,
                TopicSpec.CleanupPolicy.DELETE, ONE_WEEK);
    }

    /**
     * The change topic for records of {@code entityType} coming from {@code source}, or empty when the
     * system does not route that entity. Entity names are matched without regard to case, as Zoho
     * spells modules {@code Contacts} and Desk spells {@code tickets}.
     */
    public static Optional<TopicSpec<String, ChangeEvent>> changesFor(SystemId source, String entityType) {
        String entity = entityType == null ? "" : entityType.toLowerCase(Locale.ROOT);
        TopicSpec<String, ChangeEvent> topic = switch (source) {
            case ZOHO_CRM -> switch (entity) {
                case "contacts" -> CRM_CONTACTS;
                case "leads" -> CRM_LEADS;
                case "deals" -> CRM_DEALS;
                default -> null;
            };
            case ZOHO_DESK -> "tickets".equals(entity) ? DESK_TICKETS : null;
            case ZOHO_CREATOR -> "orders".equals(entity) ? CREATOR_ORDERS : null;
            case HUBSPOT, SALESFORCE, EXTERNAL -> "contacts".equals(entity) ? EXTERNAL_CONTACTS : null;
            default -> null;
        };
        return Optional.ofNullable(topic);
    }

    /** Looks a topic up by name, for tools (CLI, dashboard) that receive names from operators. */
    public static Optional<TopicSpec<?, ?>> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
