package io.zsync.sandbox.hubspot;

import io.zsync.sandbox.core.IdGenerator;
import io.zsync.sandbox.core.Json;
import io.zsync.sandbox.core.Product;
import io.zsync.sandbox.core.Resettable;
import io.zsync.sandbox.core.SandboxClock;
import io.zsync.sandbox.core.Times;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * HubSpot contacts (§9.1): string-valued properties, email unique (409 with the existing id), archive on
 * delete. Every write raises webhook events, whether it came from the API (the sync service) or from a
 * simulated user in the HubSpot UI: telling them apart is the receiver's job, as with real HubSpot.
 */
@Singleton
public class HubSpotStore implements Resettable {

    static final List<String> DEFAULT_PROPERTIES = List.of("createdate", "email", "firstname", "hs_object_id",
            "lastmodifieddate", "lastname");
    private static final List<String> SYSTEM_PROPERTIES = List.of("createdate", "hs_object_id", "lastmodifieddate");

    /** Who made a write, for the events' changeSource/sourceId. */
    public record Source(String changeSource, String sourceId) {
    }

    /** A stored contact (a copy; never mutated by callers). */
    public record Contact(String id, Map<String, String> properties, Instant createdAt, Instant updatedAt, boolean archived) {
    }

    private final Map<String, Contact> contacts = new LinkedHashMap<>();
    private final IdGenerator ids;
    private final SandboxClock clock;
    private final HubSpotWebhooks webhooks;
    private final HubSpotConfig config;

    public HubSpotStore(IdGenerator ids, SandboxClock clock, HubSpotWebhooks webhooks, HubSpotConfig config) {
        this.ids = ids;
        this.clock = clock;
        this.webhooks = webhooks;
        this.config = config;
    }

    public Contact create(Map<String, Object> properties, Source source) {
        Contact contact;
        synchronized (this) {
            Map<String, String> values = strings(properties);
            if (blank(values.get("email")) && blank(values.get("firstname")) && blank(values.get("lastname"))) {
                throw new HubSpotException(400, "VALIDATION_ERROR", "A contact needs at least one of email, firstname or lastname.");
            }
            checkEmail(values.get("email"), null);
            Instant now = clock.now();
            String id = ids.next(Product.HUBSPOT);
            values.values().removeIf(Objects::isNull);
            contact = new Contact(id, values, now, now, false);
            contacts.put(id, contact);
        }
        List<HubSpotWebhooks.Change> changes = new ArrayList<>();
        changes.add(change("contact.creation", contact, null, null, source));
        if (config.propertyChangeOnCreate()) {
            contact.properties().forEach((k, v) -> changes.add(change("contact.propertyChange", contact, k, v, source)));
        }
        webhooks.publish(changes);
        return copy(contact);
    }

    public Contact update(String id, Map<String, Object> properties, Source source) {
        Contact updated;
        Map<String, String> changed = new LinkedHashMap<>();
        synchronized (this) {
            Contact contact = live(id).orElseThrow(HubSpotStore::notFound);
            Map<String, String> values = strings(properties);
            if (values.containsKey("email") && !blank(values.get("email"))) {
                checkEmail(values.get("email"), id);
            }
            Map<String, String> merged = new LinkedHashMap<>(contact.properties());
            values.forEach((k, v) -> {
                // An empty string clears a property (§9.1).
                String newValue = v == null || v.isEmpty() ? null : v;
                if (!Objects.equals(merged.get(k), newValue)) {
                    changed.put(k, newValue == null ? "" : newValue);
                }
                if (newValue == null) {
                    merged.remove(k);
                } else {
                    merged.put(k, newValue);
                }
            });
            updated = new Contact(id, merged, contact.createdAt(), clock.now(), false);
            contacts.put(id, updated);
        }
        List<HubSpotWebhooks.Change> changes = new ArrayList<>();
        changed.forEach((k, v) -> changes.add(change("contact.propertyChange", updated, k, v, source)));
        webhooks.publish(changes);
        return copy(updated);
    }

    public void archive(String id, Source source) {
        Contact archived;
        synchronized (this) {
            Contact contact = live(id).orElseThrow(HubSpotStore::notFound);
            archived = new Contact(id, contact.properties(), contact.createdAt(), clock.now(), true);
            contacts.put(id, archived);
        }
        webhooks.publish(List.of(change("contact.deletion", archived, null, null, source)));
    }

    public synchronized Optional<Contact> find(String idOrValue, String idProperty, boolean archived) {
        if (idProperty == null || "hs_object_id".equals(idProperty)) {
            Contact contact = contacts.get(idOrValue);
            return Optional.ofNullable(contact).filter(c -> c.archived() == archived).map(this::copy);
        }
        return contacts.values().stream().filter(c -> c.archived() == archived)
                .filter(c -> idOrValue.equalsIgnoreCase(c.properties().get(idProperty))).findFirst().map(this::copy);
    }

    public synchronized List<Contact> all() {
        return contacts.values().stream().filter(c -> !c.archived()).map(this::copy).toList();
    }

    /** The API shape: {id, properties{…}, createdAt, updatedAt, archived}; {@code wanted} null means the defaults. */
    public Map<String, Object> render(Contact contact, Collection<String> wanted) {
        Map<String, String> all = new LinkedHashMap<>(contact.properties());
        all.put("createdate", Times.utcMillis(contact.createdAt()));
        all.put("lastmodifieddate", Times.utcMillis(contact.updatedAt()));
        all.put("hs_object_id", contact.id());
        List<String> names = new ArrayList<>(wanted == null ? DEFAULT_PROPERTIES : wanted);
        if (wanted != null) {
            SYSTEM_PROPERTIES.stream().filter(p -> !names.contains(p)).forEach(names::add);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        names.forEach(name -> properties.put(name, all.get(name)));
        Map<String, Object> out = Json.obj("id", contact.id(), "properties", properties,
                "createdAt", Times.utcMillis(contact.createdAt()), "updatedAt", Times.utcMillis(contact.updatedAt()),
                "archived", contact.archived());
        if (contact.archived()) {
            out.put("archivedAt", Times.utcMillis(contact.updatedAt()));
        }
        return out;
    }

    /** All stored properties (what create and update answers show). */
    public Map<String, Object> renderAll(Contact contact) {
        List<String> names = new ArrayList<>(contact.properties().keySet());
        return render(contact, names);
    }

    @Override
    public synchronized void reset(boolean all) {
        contacts.clear();
    }

    private void checkEmail(String email, String exceptId) {
        if (blank(email)) {
            return;
        }
        String wanted = email.toLowerCase(Locale.ROOT);
        contacts.values().stream().filter(c -> !c.archived() && !c.id().equals(exceptId))
                .filter(c -> wanted.equals(String.valueOf(c.properties().get("email")).toLowerCase(Locale.ROOT)))
                .findFirst().ifPresent(existing -> {
                    throw new HubSpotException(409, "CONFLICT", "Contact already exists. Existing ID: " + existing.id());
                });
    }

    private Optional<Contact> live(String id) {
        return Optional.ofNullable(contacts.get(id)).filter(c -> !c.archived());
    }

    private HubSpotWebhooks.Change change(String type, Contact contact, String property, String value, Source source) {
        return new HubSpotWebhooks.Change(type, Long.parseLong(contact.id()), property, value, source.changeSource(),
                source.sourceId(), clock.nowMillis());
    }

    private Contact copy(Contact contact) {
        return new Contact(contact.id(), new LinkedHashMap<>(contact.properties()), contact.createdAt(), contact.updatedAt(),
                contact.archived());
    }

    private static Map<String, String> strings(Map<String, Object> properties) {
        Map<String, String> values = new LinkedHashMap<>();
        if (properties != null) {
            properties.forEach((k, v) -> values.put(k, v == null ? null : String.valueOf(v)));
        }
        return values;
    }

    private static HubSpotException notFound() {
        return new HubSpotException(404, "OBJECT_NOT_FOUND", "resource not found");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
