package io.zsync.sandbox.books;

import io.zsync.sandbox.core.CaseFold;
import io.zsync.sandbox.core.IdGenerator;
import io.zsync.sandbox.core.Json;
import io.zsync.sandbox.core.Product;
import io.zsync.sandbox.core.Resettable;
import io.zsync.sandbox.core.SandboxClock;
import io.zsync.sandbox.core.SandboxConfig;
import io.zsync.sandbox.core.Times;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Zoho Books data per organization and its rules (§5.2, §5.3): contact names unique per org (3062), the
 * email living on the primary contact person, invoice numbers auto-generated unless
 * {@code ignore_auto_number_generation=true}, and a duplicate number rejected.
 */
@Singleton
public class BooksStore implements Resettable {

    private static final class Org {
        final Map<String, Map<String, Object>> contacts = new LinkedHashMap<>();
        final Map<String, Map<String, Object>> items = new LinkedHashMap<>();
        final Map<String, Map<String, Object>> invoices = new LinkedHashMap<>();
        /** Contact id by {@link CaseFold#key} of its name: the uniqueness check reads it instead of every contact. */
        final Map<String, String> contactByName = new HashMap<>();
        int invoiceSequence;

        void indexName(Map<String, Object> contact) {
            contactByName.put(CaseFold.key(String.valueOf(contact.get("contact_name"))), (String) contact.get("contact_id"));
        }

        void unindexName(Map<String, Object> contact) {
            contactByName.remove(CaseFold.key(String.valueOf(contact.get("contact_name"))), contact.get("contact_id"));
        }
    }

    private final BooksConfig config;
    private final SandboxClock clock;
    private final IdGenerator ids;
    private final ZoneId zone;
    private final Map<String, Org> orgs = new LinkedHashMap<>();

    public BooksStore(BooksConfig config, SandboxClock clock, IdGenerator ids, SandboxConfig sandbox) {
        this.config = config;
        this.clock = clock;
        this.ids = ids;
        this.zone = sandbox.zone();
    }

    // ---------------------------------------------------------------- contacts

    public synchronized Map<String, Object> createContact(String orgId, Map<String, Object> input) {
        Org org = org(orgId);
        String name = text(input.get("contact_name"));
        if (name == null) {
            throw missing("contact_name");
        }
        checkUniqueName(org, name, null);
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("contact_id", ids.next(Product.BOOKS));
        contact.put("created_time", now());
        writeContact(contact, input, true);
        org.contacts.put((String) contact.get("contact_id"), contact);
        org.indexName(contact);
        return Json.copy(contact);
    }

    /** PUT is a full update: contact persons left out of a given list are deleted (§5.2). */
    public synchronized Map<String, Object> updateContact(String orgId, String contactId, Map<String, Object> input) {
        Org org = org(orgId);
        Map<String, Object> contact = found(org.contacts.get(contactId), "Contact");
        String name = text(input.get("contact_name"));
        if (input.containsKey("contact_name") && name == null) {
            throw missing("contact_name");
        }
        if (name != null) {
            checkUniqueName(org, name, contactId);
        }
        org.unindexName(contact);
        writeContact(contact, input, false);
        org.indexName(contact);
        return Json.copy(contact);
    }

    public synchronized Map<String, Object> contact(String orgId, String contactId) {
        return Json.copy(found(org(orgId).contacts.get(contactId), "Contact"));
    }

    public synchronized void deleteContact(String orgId, String contactId) {
        Org org = org(orgId);
        org.unindexName(found(org.contacts.remove(contactId), "Contact"));
    }

    public synchronized List<Map<String, Object>> contacts(String orgId, Map<String, String> filters) {
        Predicate<Map<String, Object>> predicate = filter(filters, List.of("contact_name", "company_name", "first_name",
                "last_name", "email", "phone", "zcrm_contact_id", "zcrm_account_id"));
        String status = filters.getOrDefault("filter_by", "Status.All");
        String search = filters.get("search_text");
        return org(orgId).contacts.values().stream()
                .filter(predicate)
                .filter(c -> !"Status.Active".equals(status) || "active".equals(c.get("status")))
                .filter(c -> !"Status.Inactive".equals(status) || "inactive".equals(c.get("status")))
                .filter(c -> search == null || contains(c.get("contact_name"), search) || contains(c.get("company_name"), search)
                        || contains(c.get("email"), search))
                .sorted(Comparator.comparing(c -> String.valueOf(c.get("contact_name")).toLowerCase(Locale.ROOT)))
                .map(BooksStore::contactSummary)
                .toList();
    }

    // ---------------------------------------------------------------- items

    public synchronized Map<String, Object> createItem(String orgId, Map<String, Object> input) {
        Org org = org(orgId);
        if (text(input.get("name")) == null) {
            throw missing("name");
        }
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("item_id", ids.next(Product.BOOKS));
        item.put("status", "active");
        item.put("product_type", "goods");
        item.put("created_time", now());
        writeItem(item, input);
        org.items.put((String) item.get("item_id"), item);
        return Json.copy(item);
    }

    public synchronized Map<String, Object> updateItem(String orgId, String itemId, Map<String, Object> input) {
        Map<String, Object> item = found(org(orgId).items.get(itemId), "Item");
        writeItem(item, input);
        return Json.copy(item);
    }

    public synchronized Map<String, Object> item(String orgId, String itemId) {
        return Json.copy(found(org(orgId).items.get(itemId), "Item"));
    }

    public synchronized List<Map<String, Object>> items(String orgId, Map<String, String> filters) {
        Predicate<Map<String, Object>> predicate = filter(filters, List.of("name", "sku"));
        String search = filters.get("search_text");
        return org(orgId).items.values().stream().filter(predicate)
                .filter(i -> search == null || contains(i.get("name"), search) || contains(i.get("description"), search))
                .sorted(Comparator.comparing(i -> String.valueOf(i.get("name")).toLowerCase(Locale.ROOT)))
                .map(Json::copy).toList();
    }

    // ---------------------------------------------------------------- invoices

    public synchronized Map<String, Object> createInvoice(String orgId, Map<String, Object> input, boolean ignoreAutoNumber,
                                                          boolean send) {
        Org org = org(orgId);
        String customerId = text(input.get("customer_id"));
        if (customerId == null) {
            throw missing("customer_id");
        }
        Map<String, Object> customer = org.contacts.get(customerId);
        if (customer == null) {
            throw new BooksException(400, 1002, "Customer does not exist.");
        }
        String number;
        if (ignoreAutoNumber) {
            number = text(input.get("invoice_number"));
            if (number == null) {
                throw missing("invoice_number");
            }
            if (invoiceNumberTaken(org, number)) {
                throw new BooksException(400, config.duplicateInvoiceCode(),
                        "Invoice number " + number + " already exists. Please specify a different number.");
            }
        } else {
            do {
                org.invoiceSequence++;
                number = config.invoicePrefix() + String.format("%0" + config.invoiceNumberDigits() + "d", org.invoiceSequence);
            } while (invoiceNumberTaken(org, number));
        }
        if (!(input.get("line_items") instanceof List<?> lines) || lines.isEmpty()) {
            throw missing("line_items");
        }
        LocalDate date = date(input.get("date"), "date", LocalDate.ofInstant(clock.now(), zone));
        LocalDate due = date(input.get("due_date"), "due_date", date.plusDays(number(input.get("payment_terms"), BigDecimal.ZERO).longValue()));
        List<Map<String, Object>> lineItems = new ArrayList<>();
        BigDecimal subTotal = BigDecimal.ZERO;
        int order = 0;
        for (Object line : lines) {
            if (!(line instanceof Map<?, ?> raw)) {
                throw new BooksException(400, config.missingFieldCode(), "Invalid value passed for line_items");
            }
            Map<String, Object> given = Json.copy(asMap(raw));
            Map<String, Object> item = null;
            String itemId = text(given.get("item_id"));
            if (itemId != null) {
                item = org.items.get(itemId);
                if (item == null) {
                    throw new BooksException(400, 1002, "Item does not exist.");
                }
            }
            BigDecimal rate = number(given.get("rate"), item == null ? BigDecimal.ZERO : number(item.get("rate"), BigDecimal.ZERO));
            BigDecimal quantity = number(given.get("quantity"), BigDecimal.ONE);
            BigDecimal total = rate.multiply(quantity).setScale(2, RoundingMode.HALF_UP);
            Map<String, Object> lineItem = new LinkedHashMap<>();
            lineItem.put("line_item_id", ids.next(Product.BOOKS));
            lineItem.put("item_id", itemId);
            lineItem.put("name", given.getOrDefault("name", item == null ? null : item.get("name")));
            lineItem.put("description", given.getOrDefault("description", item == null ? null : item.get("description")));
            lineItem.put("item_order", given.getOrDefault("item_order", ++order));
            lineItem.put("rate", rate);
            lineItem.put("quantity", quantity);
            lineItem.put("unit", given.getOrDefault("unit", item == null ? null : item.get("unit")));
            lineItem.put("discount", given.getOrDefault("discount", 0));
            lineItem.put("tax_id", given.get("tax_id"));
            lineItem.put("item_total", total);
            lineItems.add(lineItem);
            subTotal = subTotal.add(total);
        }
        BigDecimal total = subTotal.add(number(input.get("shipping_charge"), BigDecimal.ZERO))
                .add(number(input.get("adjustment"), BigDecimal.ZERO)).setScale(2, RoundingMode.HALF_UP);
        Map<String, Object> invoice = new LinkedHashMap<>();
        invoice.put("invoice_id", ids.next(Product.BOOKS));
        invoice.put("invoice_number", number);
        invoice.put("status", send ? "sent" : "draft");
        invoice.put("customer_id", customerId);
        invoice.put("customer_name", customer.get("contact_name"));
        invoice.put("date", date.toString());
        invoice.put("due_date", due.toString());
        invoice.put("reference_number", input.get("reference_number"));
        invoice.put("payment_terms", input.getOrDefault("payment_terms", 0));
        invoice.put("currency_code", config.currencyCode());
        invoice.put("line_items", lineItems);
        invoice.put("sub_total", subTotal.setScale(2, RoundingMode.HALF_UP));
        invoice.put("shipping_charge", number(input.get("shipping_charge"), BigDecimal.ZERO));
        invoice.put("adjustment", number(input.get("adjustment"), BigDecimal.ZERO));
        invoice.put("total", total);
        invoice.put("balance", total);
        invoice.put("notes", input.get("notes"));
        invoice.put("terms", input.get("terms"));
        invoice.put("salesperson_name", input.get("salesperson_name"));
        invoice.put("custom_fields", input.getOrDefault("custom_fields", List.of()));
        invoice.put("created_time", now());
        invoice.put("last_modified_time", invoice.get("created_time"));
        org.invoices.put((String) invoice.get("invoice_id"), invoice);
        return Json.copy(invoice);
    }

    public synchronized Map<String, Object> invoice(String orgId, String invoiceId) {
        return Json.copy(found(org(orgId).invoices.get(invoiceId), "Invoice"));
    }

    public synchronized List<Map<String, Object>> invoices(String orgId, Map<String, String> filters) {
        Predicate<Map<String, Object>> predicate = filter(filters, List.of("invoice_number", "reference_number",
                "customer_id", "customer_name", "status", "date"));
        String search = filters.get("search_text");
        return org(orgId).invoices.values().stream().filter(predicate)
                .filter(i -> search == null || contains(i.get("invoice_number"), search) || contains(i.get("reference_number"), search)
                        || contains(i.get("customer_name"), search))
                .map(i -> {
                    Map<String, Object> summary = new LinkedHashMap<>();
                    for (String key : List.of("invoice_id", "invoice_number", "customer_id", "customer_name", "status", "date",
                            "due_date", "reference_number", "currency_code", "total", "balance", "created_time", "last_modified_time")) {
                        summary.put(key, i.get(key));
                    }
                    return summary;
                })
                .toList();
    }

    public boolean isOrganization(String orgId) {
        return orgId != null && config.organizations().contains(orgId);
    }

    @Override
    public synchronized void reset(boolean all) {
        orgs.clear();
    }

    // ---------------------------------------------------------------- helpers

    private void writeContact(Map<String, Object> contact, Map<String, Object> input, boolean creating) {
        for (String key : List.of("contact_name", "company_name", "contact_type", "customer_sub_type", "website",
                "currency_id", "payment_terms", "notes", "billing_address", "shipping_address", "custom_fields",
                "zcrm_contact_id", "zcrm_account_id")) {
            if (input.containsKey(key)) {
                contact.put(key, Json.copy(input.get(key)));
            }
        }
        if (creating) {
            contact.putIfAbsent("company_name", "");
            contact.putIfAbsent("contact_type", "customer");
            contact.put("status", "active");
            contact.putIfAbsent("custom_fields", List.of());
        }
        if (input.get("contact_persons") instanceof List<?> given) {
            List<Map<String, Object>> existing = persons(contact);
            List<Map<String, Object>> persons = new ArrayList<>();
            for (Object raw : given) {
                if (!(raw instanceof Map<?, ?> map)) {
                    continue;
                }
                Map<String, Object> person = Json.copy(asMap(map));
                String personId = text(person.get("contact_person_id"));
                boolean known = personId != null && existing.stream().anyMatch(p -> personId.equals(p.get("contact_person_id")));
                if (!known) {
                    person.put("contact_person_id", ids.next(Product.BOOKS));
                }
                for (String key : List.of("salutation", "first_name", "last_name", "email", "phone", "mobile")) {
                    person.putIfAbsent(key, key.equals("salutation") ? "" : null);
                }
                person.put("is_primary_contact", Boolean.TRUE.equals(person.get("is_primary_contact")));
                persons.add(person);
            }
            if (!persons.isEmpty() && persons.stream().noneMatch(p -> Boolean.TRUE.equals(p.get("is_primary_contact")))) {
                persons.get(0).put("is_primary_contact", true);
            }
            contact.put("contact_persons", persons);
        } else if (creating) {
            contact.put("contact_persons", new ArrayList<>());
        }
        Map<String, Object> primary = persons(contact).stream()
                .filter(p -> Boolean.TRUE.equals(p.get("is_primary_contact"))).findFirst().orElse(Map.of());
        contact.put("primary_contact_id", primary.get("contact_person_id") == null ? "" : primary.get("contact_person_id"));
        contact.put("first_name", primary.getOrDefault("first_name", ""));
        contact.put("last_name", primary.getOrDefault("last_name", ""));
        contact.put("email", primary.getOrDefault("email", ""));
        contact.put("phone", primary.getOrDefault("phone", ""));
        contact.put("mobile", primary.getOrDefault("mobile", ""));
        contact.put("last_modified_time", now());
    }

    private void writeItem(Map<String, Object> item, Map<String, Object> input) {
        for (String key : List.of("name", "rate", "description", "sku", "unit", "product_type", "item_type", "tax_id",
                "custom_fields")) {
            if (input.containsKey(key)) {
                item.put(key, key.equals("rate") ? number(input.get(key), BigDecimal.ZERO) : Json.copy(input.get(key)));
            }
        }
        item.putIfAbsent("rate", BigDecimal.ZERO);
        item.put("last_modified_time", now());
    }

    private void checkUniqueName(Org org, String name, String exceptId) {
        String otherId = org.contactByName.get(CaseFold.key(name));
        if (otherId != null && !otherId.equals(exceptId)) {
            String message = "vendor".equals(org.contacts.get(otherId).get("contact_type"))
                    ? "A vendor with this name already exists. Please specify a different name."
                    : "The customer \"" + name + "\" already exists. Please specify a different name.";
            throw new BooksException(400, 3062, message);
        }
    }

    private boolean invoiceNumberTaken(Org org, String number) {
        return org.invoices.values().stream().anyMatch(i -> number.equalsIgnoreCase(String.valueOf(i.get("invoice_number"))));
    }

    /** Exact (case-insensitive), _startswith and _contains filters over the given keys. */
    private static Predicate<Map<String, Object>> filter(Map<String, String> filters, List<String> keys) {
        Predicate<Map<String, Object>> predicate = r -> true;
        for (String key : keys) {
            String exact = filters.get(key);
            String starts = filters.get(key + "_startswith");
            String contains = filters.get(key + "_contains");
            if (exact != null) {
                predicate = predicate.and(r -> matchesAny(r, key, v -> v.equalsIgnoreCase(exact)));
            }
            if (starts != null) {
                predicate = predicate.and(r -> matchesAny(r, key, v -> v.toLowerCase(Locale.ROOT).startsWith(starts.toLowerCase(Locale.ROOT))));
            }
            if (contains != null) {
                predicate = predicate.and(r -> matchesAny(r, key, v -> contains(v, contains)));
            }
        }
        return predicate;
    }

    /** A contact's email/phone filter also looks at every contact person, not only the primary one. */
    private static boolean matchesAny(Map<String, Object> record, String key, Predicate<String> test) {
        Object value = record.get(key);
        if (value != null && test.test(String.valueOf(value))) {
            return true;
        }
        if (record.get("contact_persons") instanceof List<?> persons && List.of("email", "phone", "first_name", "last_name").contains(key)) {
            return persons.stream().anyMatch(p -> p instanceof Map<?, ?> m && m.get(key) != null && test.test(String.valueOf(m.get(key))));
        }
        return false;
    }

    private static Map<String, Object> contactSummary(Map<String, Object> contact) {
        Map<String, Object> summary = new LinkedHashMap<>();
        for (String key : List.of("contact_id", "contact_name", "company_name", "contact_type", "status", "first_name",
                "last_name", "email", "phone", "mobile", "primary_contact_id", "created_time", "last_modified_time")) {
            summary.put(key, contact.get(key));
        }
        return summary;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> persons(Map<String, Object> contact) {
        return contact.get("contact_persons") instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    private Org org(String orgId) {
        return orgs.computeIfAbsent(orgId, k -> new Org());
    }

    private String now() {
        return Times.books(clock.now(), zone);
    }

    private LocalDate date(Object value, String field, LocalDate fallback) {
        if (value == null || String.valueOf(value).isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            throw new BooksException(400, config.missingFieldCode(), "Invalid value passed for " + field);
        }
    }

    private BooksException missing(String field) {
        return new BooksException(400, config.missingFieldCode(), "Invalid value passed for " + field);
    }

    private static Map<String, Object> found(Map<String, Object> value, String what) {
        if (value == null) {
            throw new BooksException(404, 1002, what + " does not exist.");
        }
        return value;
    }

    private static BigDecimal number(Object value, BigDecimal fallback) {
        if (value == null || String.valueOf(value).isBlank()) {
            return fallback;
        }
        try {
            return new BigDecimal(String.valueOf(value));
        } catch (NumberFormatException e) {
            throw new BooksException(400, 4, "Invalid value passed for a number: " + value);
        }
    }

    private static boolean contains(Object value, String needle) {
        return value != null && String.valueOf(value).toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
    }

    private static String text(Object value) {
        return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }
}
