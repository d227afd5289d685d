package io.zsync.sandbox.desk;

import io.zsync.sandbox.core.IdGenerator;
import io.zsync.sandbox.core.Json;
import io.zsync.sandbox.core.Product;
import io.zsync.sandbox.core.Resettable;
import io.zsync.sandbox.core.SandboxClock;
import io.zsync.sandbox.core.ServerInfo;
import io.zsync.sandbox.core.Times;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Zoho Desk contacts and tickets per org (§6.2, §6.3): contacts need {@code lastName}; tickets need
 * subject, departmentId and contactId or a contact (found by email or created); {@code statusType} is
 * derived from the status and {@code closedTime} is set on close. Each change raises the matching
 * webhook event (with the previous state for updates).
 */
@Singleton
public class DeskStore implements Resettable {

    private static final class Org {
        final Map<String, Map<String, Object>> contacts = new LinkedHashMap<>();
        final Map<String, Map<String, Object>> tickets = new LinkedHashMap<>();
        long ticketNumber;
    }

    private record Event(String type, Map<String, Object> payload, Map<String, Object> prevState) {
    }

    private static final List<String> CONTACT_FIELDS = List.of("firstName", "lastName", "email", "secondaryEmail", "phone",
            "mobile", "accountId", "title", "type", "street", "city", "state", "zip", "country", "description", "ownerId");
    private static final List<String> TICKET_FIELDS = List.of("subject", "departmentId", "contactId", "description",
            "status", "priority", "category", "subCategory", "classification", "channel", "email", "phone", "dueDate",
            "assigneeId", "teamId", "productId", "language", "resolution", "accountId");

    private final DeskConfig config;
    private final SandboxClock clock;
    private final IdGenerator ids;
    private final DeskWebhooks webhooks;
    private final ServerInfo server;
    private final Map<String, Org> orgs = new LinkedHashMap<>();

    public DeskStore(DeskConfig config, SandboxClock clock, IdGenerator ids, DeskWebhooks webhooks, ServerInfo server) {
        this.config = config;
        this.clock = clock;
        this.ids = ids;
        this.webhooks = webhooks;
        this.server = server;
    }

    // ---------------------------------------------------------------- contacts

    public Map<String, Object> createContact(String orgId, Map<String, Object> input) {
        List<Event> events = new ArrayList<>();
        Map<String, Object> contact;
        synchronized (this) {
            contact = newContact(org(orgId), input, "", events);
        }
        fire(orgId, events);
        return contact;
    }

    public Map<String, Object> updateContact(String orgId, String id, Map<String, Object> input) {
        Map<String, Object> updated;
        Map<String, Object> previous;
        synchronized (this) {
            Map<String, Object> contact = found(org(orgId).contacts.get(id));
            if (input.containsKey("lastName") && blank(input.get("lastName"))) {
                throw validation(List.of(DeskException.field("lastName", config.missingErrorType())));
            }
            previous = Json.copy(contact);
            CONTACT_FIELDS.stream().filter(input::containsKey).forEach(f -> contact.put(f, Json.copy(input.get(f))));
            mergeCf(contact, input, false);
            contact.put("modifiedTime", now());
            updated = Json.copy(contact);
        }
        fire(orgId, List.of(new Event("Contact_Update", updated, previous)));
        return updated;
    }

    public synchronized Map<String, Object> contact(String orgId, String id) {
        return Json.copy(found(org(orgId).contacts.get(id)));
    }

    public synchronized List<Map<String, Object>> contacts(String orgId, Predicate<Map<String, Object>> filter) {
        return org(orgId).contacts.values().stream().filter(filter).map(Json::copy).toList();
    }

    // ---------------------------------------------------------------- tickets

    public Map<String, Object> createTicket(String orgId, Map<String, Object> input) {
        List<Event> events = new ArrayList<>();
        Map<String, Object> created;
        synchronized (this) {
            Org org = org(orgId);
            List<Map<String, Object>> errors = new ArrayList<>();
            if (blank(input.get("subject"))) {
                errors.add(DeskException.field("subject", config.missingErrorType()));
            }
            if (blank(input.get("departmentId"))) {
                errors.add(DeskException.field("departmentId", config.missingErrorType()));
            } else if (!config.departments().contains(String.valueOf(input.get("departmentId")))) {
                errors.add(DeskException.field("departmentId", "invalid"));
            }
            String contactId = blank(input.get("contactId")) ? null : String.valueOf(input.get("contactId"));
            Map<?, ?> contactInput = input.get("contact") instanceof Map<?, ?> c ? c : null;
            if (contactId == null && contactInput == null) {
                errors.add(DeskException.field("contactId", config.missingErrorType()));
            } else if (contactId != null && !org.contacts.containsKey(contactId)) {
                errors.add(DeskException.field("contactId", "invalid"));
            } else if (contactId == null && blank(contactInput.get("lastName")) && findByEmail(org, contactInput.get("email")) == null) {
                errors.add(DeskException.field("contact/lastName", config.missingErrorType()));
            }
            errors.addAll(checkCustomFields(input));
            if (!errors.isEmpty()) {
                throw validation(errors);
            }
            Map<String, Object> contact;
            if (contactId != null) {
                contact = org.contacts.get(contactId);
            } else {
                // Desk finds the contact by email or creates it (§6.3).
                contact = findByEmail(org, contactInput.get("email"));
                if (contact == null) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> typed = (Map<String, Object>) contactInput;
                    contact = org.contacts.get(String.valueOf(newContact(org, typed, "contact/", events).get("id")));
                }
            }
            Instant now = clock.now();
            Map<String, Object> ticket = new LinkedHashMap<>();
            String id = ids.next(Product.DESK);
            ticket.put("id", id);
            ticket.put("ticketNumber", String.valueOf(config.ticketNumberStart() + org.ticketNumber++));
            ticket.put("subject", input.get("subject"));
            ticket.put("departmentId", String.valueOf(input.get("departmentId")));
            ticket.put("contactId", contact.get("id"));
            ticket.put("accountId", contact.get("accountId"));
            ticket.put("status", "Open");
            ticket.put("statusType", "Open");
            ticket.put("priority", null);
            ticket.put("channel", "Web");
            ticket.put("category", null);
            ticket.put("subCategory", null);
            ticket.put("classification", null);
            ticket.put("resolution", null);
            ticket.put("closedTime", null);
            ticket.put("onholdTime", null);
            ticket.put("dueDate", config.defaultDueHours() > 0 ? Times.utcMillis(now.plusSeconds(config.defaultDueHours() * 3600)) : null);
            ticket.put("responseDueDate", null);
            ticket.put("assigneeId", null);
            ticket.put("teamId", null);
            ticket.put("productId", null);
            ticket.put("description", null);
            ticket.put("createdTime", Times.utcMillis(now));
            ticket.put("modifiedTime", Times.utcMillis(now));
            ticket.put("email", contact.get("email"));
            ticket.put("phone", contact.get("phone"));
            ticket.put("language", "English");
            for (String field : TICKET_FIELDS) {
                if (input.containsKey(field) && !"contactId".equals(field)) {
                    ticket.put(field, Json.copy(input.get(field)));
                }
            }
            ticket.put("isOverDue", false);
            ticket.put("isEscalated", false);
            ticket.put("isSpam", false);
            ticket.put("isArchived", false);
            ticket.put("isDeleted", false);
            ticket.put("isTrashed", false);
            ticket.put("threadCount", blank(input.get("description")) ? "0" : "1");
            ticket.put("commentCount", "0");
            ticket.put("attachmentCount", "0");
            ticket.put("layoutId", "55430000000011350");
            ticket.put("source", Json.obj("type", "SYSTEM", "appName", null, "extId", null, "permalink", null));
            ticket.put("webUrl", server.baseUrl() + "/support/" + config.portalName() + "/ShowHomePage.do#Cases/dv/" + id);
            ticket.put("customFields", new LinkedHashMap<>());
            ticket.put("cf", new LinkedHashMap<>());
            config.customFields().forEach(cf -> cfMap(ticket).put(cf, null));
            mergeCf(ticket, input, true);
            applyStatus(ticket, null, now);
            org.tickets.put(id, ticket);
            created = Json.copy(ticket);
            events.add(new Event("Ticket_Add", created, null));
        }
        fire(orgId, events);
        return created;
    }

    /** PATCH: only given fields change; cf keys merge; a status change re-derives statusType and closedTime. */
    public Map<String, Object> updateTicket(String orgId, String id, Map<String, Object> input) {
        Map<String, Object> updated;
        Map<String, Object> previous;
        synchronized (this) {
            Org org = org(orgId);
            Map<String, Object> ticket = found(org.tickets.get(id));
            List<Map<String, Object>> errors = new ArrayList<>();
            if (input.containsKey("subject") && blank(input.get("subject"))) {
                errors.add(DeskException.field("subject", config.missingErrorType()));
            }
            if (input.containsKey("departmentId") && !config.departments().contains(String.valueOf(input.get("departmentId")))) {
                errors.add(DeskException.field("departmentId", "invalid"));
            }
            if (input.containsKey("contactId") && !org.contacts.containsKey(String.valueOf(input.get("contactId")))) {
                errors.add(DeskException.field("contactId", "invalid"));
            }
            errors.addAll(checkCustomFields(input));
            if (!errors.isEmpty()) {
                throw validation(errors);
            }
            previous = Json.copy(ticket);
            for (String field : TICKET_FIELDS) {
                if (input.containsKey(field)) {
                    ticket.put(field, Json.copy(input.get(field)));
                }
            }
            mergeCf(ticket, input, true);
            Instant now = clock.now();
            applyStatus(ticket, (String) previous.get("statusType"), now);
            ticket.put("modifiedTime", Times.utcMillis(now));
            updated = Json.copy(ticket);
        }
        fire(orgId, List.of(new Event("Ticket_Update", updated, previous)));
        return updated;
    }

    public synchronized Map<String, Object> ticket(String orgId, String id) {
        return Json.copy(found(org(orgId).tickets.get(id)));
    }

    public synchronized List<Map<String, Object>> tickets(String orgId, Predicate<Map<String, Object>> filter) {
        return org(orgId).tickets.values().stream().filter(filter).map(Json::copy).toList();
    }

    public boolean isOrg(String orgId) {
        return orgId != null && config.orgs().contains(orgId);
    }

    @Override
    public synchronized void reset(boolean all) {
        orgs.clear();
    }

    // ---------------------------------------------------------------- helpers

    private Map<String, Object> newContact(Org org, Map<String, Object> input, String prefix, List<Event> events) {
        if (blank(input.get("lastName"))) {
            throw validation(List.of(DeskException.field(prefix + "lastName", config.missingErrorType())));
        }
        Map<String, Object> contact = new LinkedHashMap<>();
        String id = ids.next(Product.DESK);
        contact.put("id", id);
        CONTACT_FIELDS.forEach(f -> contact.put(f, null));
        CONTACT_FIELDS.stream().filter(input::containsKey).forEach(f -> contact.put(f, Json.copy(input.get(f))));
        contact.put("ownerId", contact.get("ownerId") == null ? "55430000000000001" : contact.get("ownerId"));
        contact.put("createdTime", now());
        contact.put("modifiedTime", contact.get("createdTime"));
        contact.put("customFields", new LinkedHashMap<>());
        contact.put("cf", new LinkedHashMap<>());
        mergeCf(contact, input, false);
        contact.put("layoutId", "55430000000011346");
        contact.put("isDeleted", false);
        contact.put("isTrashed", false);
        contact.put("isSpam", false);
        contact.put("isAnonymous", false);
        contact.put("isEndUser", false);
        contact.put("zohoCRMContact", null);
        contact.put("webUrl", server.baseUrl() + "/support/" + config.portalName() + "/ShowHomePage.do#Contacts/dv/" + id);
        org.contacts.put(id, contact);
        Map<String, Object> snapshot = Json.copy(contact);
        events.add(new Event("Contact_Add", snapshot, null));
        return snapshot;
    }

    /** statusType from the status name (configurable map; unknown names count as Open); closedTime on close. */
    private void applyStatus(Map<String, Object> ticket, String previousType, Instant now) {
        String status = ticket.get("status") == null ? "Open" : String.valueOf(ticket.get("status"));
        String type = config.statusTypeMap().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(status)).map(Map.Entry::getValue).findFirst().orElse("Open");
        ticket.put("statusType", type);
        if ("Closed".equals(type) && !"Closed".equals(previousType)) {
            ticket.put("closedTime", Times.utcMillis(now));
        } else if (!"Closed".equals(type)) {
            ticket.put("closedTime", null);
        }
        if ("On Hold".equals(type) && !"On Hold".equals(previousType)) {
            ticket.put("onholdTime", Times.utcMillis(now));
        } else if (!"On Hold".equals(type)) {
            ticket.put("onholdTime", null);
        }
    }

    private List<Map<String, Object>> checkCustomFields(Map<String, Object> input) {
        List<Map<String, Object>> errors = new ArrayList<>();
        if (input.containsKey("cf") && !(input.get("cf") instanceof Map<?, ?>)) {
            errors.add(DeskException.field("cf", "invalid"));
        } else if (config.strictCustomFields() && input.get("cf") instanceof Map<?, ?> cf) {
            cf.keySet().stream().map(String::valueOf).filter(k -> !config.customFields().contains(k))
                    .forEach(k -> errors.add(DeskException.field("cf/" + k, "invalid")));
        }
        return errors;
    }

    /** Merges the request's {@code cf} map and mirrors it into {@code customFields}, keyed by a label. */
    private static void mergeCf(Map<String, Object> record, Map<String, Object> input, boolean tickets) {
        if (input.get("cf") instanceof Map<?, ?> cf) {
            cf.forEach((k, v) -> cfMap(record).put(String.valueOf(k), v == null ? null : Json.copy(v)));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> labels = (Map<String, Object>) record.get("customFields");
        labels.clear();
        cfMap(record).forEach((k, v) -> labels.put(label(k), v));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cfMap(Map<String, Object> record) {
        return (Map<String, Object>) record.get("cf");
    }

    /** cf_project_task_id → "Project Task Id". */
    static String label(String apiName) {
        String base = apiName.startsWith("cf_") ? apiName.substring(3) : apiName;
        return Arrays.stream(base.split("_")).filter(s -> !s.isEmpty())
                .map(s -> Character.toUpperCase(s.charAt(0)) + s.substring(1)).reduce((a, b) -> a + " " + b).orElse(base);
    }

    private static Map<String, Object> findByEmail(Org org, Object email) {
        if (blank(email)) {
            return null;
        }
        String wanted = String.valueOf(email).toLowerCase(Locale.ROOT);
        return org.contacts.values().stream()
                .filter(c -> c.get("email") != null && String.valueOf(c.get("email")).toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst().orElse(null);
    }

    private void fire(String orgId, List<Event> events) {
        events.forEach(e -> webhooks.publish(orgId, e.type(), e.payload(), e.prevState()));
    }

    private DeskException validation(List<Map<String, Object>> errors) {
        return new DeskException(config.validationStatus(), "INVALID_DATA", DeskException.VALIDATION_MESSAGE, errors);
    }

    private static Map<String, Object> found(Map<String, Object> record) {
        if (record == null) {
            throw new DeskException(404, "URL_NOT_FOUND", "The requested resource does not exist.", null);
        }
        return record;
    }

    private Org org(String orgId) {
        return orgs.computeIfAbsent(orgId, k -> new Org());
    }

    private String now() {
        return Times.utcMillis(clock.now());
    }

    static boolean blank(Object value) {
        return value == null || String.valueOf(value).isBlank();
    }

    Instant parseTime(String value, String field) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw validation(List.of(DeskException.field(field, "invalid")));
        }
    }

    static boolean same(Object a, Object b) {
        return Objects.equals(a == null ? null : String.valueOf(a), b == null ? null : String.valueOf(b));
    }
}
