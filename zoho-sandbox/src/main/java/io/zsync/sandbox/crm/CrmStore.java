package io.zsync.sandbox.crm;

import io.zsync.sandbox.core.CaseFold;
import io.zsync.sandbox.core.IdGenerator;
import io.zsync.sandbox.core.Json;
import io.zsync.sandbox.core.Product;
import io.zsync.sandbox.core.SandboxClock;
import io.zsync.sandbox.core.Times;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The CRM records and the write rules of §3.2–§3.9: per-record results in input order, mandatory and
 * unique fields, lookups by {"id"}, recycle bin on delete. One lock guards all CRM data, so a bulk write
 * is atomic towards readers; notification callbacks are raised after the lock is released.
 */
@Singleton
public class CrmStore implements io.zsync.sandbox.core.Resettable {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    /** A mutation's per-record outcome, for callbacks: ids grouped by operation, changed fields per id. */
    public record Change(String module, String operation, List<String> ids, Map<String, List<String>> affectedFields,
                         Map<String, Map<String, Object>> affectedValues) {
    }

    /** The answer to a write: HTTP status and the {@code data} array, plus what changed. */
    public record WriteOutcome(int status, List<Map<String, Object>> data, List<Change> changes) {
    }

    private static final class Stored {
        /** Creation order: a duplicate check answers the oldest matching record, as a scan of the module did. */
        final long seq;
        final String id;
        final Instant created;
        Instant modified;
        Map<String, Object> fields;

        Stored(long seq, String id, Instant created, Map<String, Object> fields) {
            this.seq = seq;
            this.id = id;
            this.created = created;
            this.modified = created;
            this.fields = fields;
        }
    }

    private record Deleted(String module, String id, String displayName, Instant deletedAt) {
    }

    private final CrmConfig config;
    private final SandboxClock clock;
    private final IdGenerator ids;
    private final ZoneId zone;
    private final Object lock = new Object();
    private final Map<String, Map<String, Stored>> modules = new LinkedHashMap<>();
    private final List<Deleted> recycleBin = new ArrayList<>();
    /** Deal id → product id → relation fields (Quantity, List_Price, …). */
    private final Map<String, Map<String, Map<String, Object>>> dealProducts = new LinkedHashMap<>();
    /** Deal id → contact id → {Contact_Role}. */
    private final Map<String, Map<String, Map<String, Object>>> contactRoles = new LinkedHashMap<>();
    /**
     * Module → field → {@link #valueKey} → the records holding that value, for each field a duplicate check has
     * looked up (unique fields, upsert's duplicate_check_fields): built on the first lookup, kept by every write,
     * so an insert no longer compares its values with every record of the module.
     */
    private final Map<String, Map<String, Map<String, Set<Stored>>>> valueIndex = new HashMap<>();
    /** Records created so far: the next one's {@link Stored#seq}. */
    private long createdCount;

    public CrmStore(CrmConfig config, SandboxClock clock, IdGenerator ids, io.zsync.sandbox.core.SandboxConfig sandbox) {
        this.config = config;
        this.clock = clock;
        this.ids = ids;
        this.zone = sandbox.zone();
        CrmModule.names().forEach(name -> modules.put(name, new LinkedHashMap<>()));
    }

    public ZoneId zone() {
        return zone;
    }

    // ---------------------------------------------------------------- writes

    public WriteOutcome insert(CrmModule module, List<?> data) {
        synchronized (lock) {
            List<Map<String, Object>> results = new ArrayList<>();
            List<String> inserted = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                Object element = data.get(i);
                if (!(element instanceof Map<?, ?>)) {
                    results.add(CrmErrors.invalid("data", "$.data[" + i + "]", "jsonobject"));
                    continue;
                }
                Map<String, Object> input = asMap(element);
                Map<String, Object> error = validate(module, input, null, "$.data[" + i + "]");
                if (error != null) {
                    results.add(error);
                    continue;
                }
                Stored stored = create(module, input);
                inserted.add(stored.id);
                results.add(success("record added", stored));
            }
            List<Change> changes = inserted.isEmpty() ? List.of()
                    : List.of(new Change(module.apiName(), "insert", inserted, Map.of(), Map.of()));
            return new WriteOutcome(status(results, 201), results, changes);
        }
    }

    /** PUT: every element needs an id, unless {@code pathId} names the one record. */
    public WriteOutcome update(CrmModule module, List<?> data, String pathId) {
        synchronized (lock) {
            List<Map<String, Object>> results = new ArrayList<>();
            Map<String, List<String>> affected = new LinkedHashMap<>();
            Map<String, Map<String, Object>> values = new LinkedHashMap<>();
            for (int i = 0; i < data.size(); i++) {
                Object element = data.get(i);
                String path = "$.data[" + i + "]";
                if (!(element instanceof Map<?, ?>)) {
                    results.add(CrmErrors.invalid("data", path, "jsonobject"));
                    continue;
                }
                Map<String, Object> input = asMap(element);
                String id = pathId != null ? pathId : idOf(input.get("id"));
                if (id == null) {
                    results.add(CrmErrors.mandatory("id", path + ".id"));
                    continue;
                }
                Stored stored = modules.get(module.apiName()).get(id);
                if (stored == null) {
                    results.add(CrmErrors.invalidId("id", path + ".id"));
                    continue;
                }
                Map<String, Object> error = validate(module, input, stored, path);
                if (error != null) {
                    results.add(error);
                    continue;
                }
                Map<String, Object> changed = apply(module, stored, input);
                affected.put(id, new ArrayList<>(changed.keySet()));
                values.put(id, changed);
                results.add(success("record updated", stored));
            }
            List<Change> changes = affected.isEmpty() ? List.of()
                    : List.of(new Change(module.apiName(), "update", new ArrayList<>(affected.keySet()), affected, values));
            return new WriteOutcome(status(results, 200), results, changes);
        }
    }

    /** Upsert (§3.1, §3.8): match on duplicate_check_fields in order, else system field then unique fields. */
    public WriteOutcome upsert(CrmModule module, List<?> data, List<String> duplicateCheckFields) {
        List<String> checkFields = new ArrayList<>();
        if (duplicateCheckFields != null && !duplicateCheckFields.isEmpty()) {
            checkFields.addAll(duplicateCheckFields);
        } else {
            checkFields.add(module.duplicateCheckField());
            config.unique(module.apiName()).stream().filter(f -> !checkFields.contains(f)).forEach(checkFields::add);
        }
        synchronized (lock) {
            List<Map<String, Object>> results = new ArrayList<>();
            List<String> inserted = new ArrayList<>();
            Map<String, List<String>> affected = new LinkedHashMap<>();
            Map<String, Map<String, Object>> values = new LinkedHashMap<>();
            boolean anyInsert = false;
            for (int i = 0; i < data.size(); i++) {
                Object element = data.get(i);
                String path = "$.data[" + i + "]";
                if (!(element instanceof Map<?, ?>)) {
                    results.add(CrmErrors.invalid("data", path, "jsonobject"));
                    continue;
                }
                Map<String, Object> input = asMap(element);
                Stored match = null;
                String matchedField = null;
                for (String field : checkFields) {
                    Object value = input.get(field);
                    if (blank(value)) {
                        continue;
                    }
                    match = findByValue(module, field, value, null);
                    if (match != null) {
                        matchedField = field;
                        break;
                    }
                }
                Map<String, Object> error = validate(module, input, match, path);
                if (error != null) {
                    results.add(error);
                    continue;
                }
                Map<String, Object> result;
                if (match == null) {
                    Stored stored = create(module, input);
                    inserted.add(stored.id);
                    anyInsert = true;
                    result = success("record added", stored);
                    result.put("action", "insert");
                    result.put("duplicate_field", null);
                } else {
                    Map<String, Object> changed = apply(module, match, input);
                    affected.put(match.id, new ArrayList<>(changed.keySet()));
                    values.put(match.id, changed);
                    result = success("record updated", match);
                    result.put("action", "update");
                    result.put("duplicate_field", matchedField);
                }
                results.add(result);
            }
            List<Change> changes = new ArrayList<>();
            if (!inserted.isEmpty()) {
                changes.add(new Change(module.apiName(), "insert", inserted, Map.of(), Map.of()));
            }
            if (!affected.isEmpty()) {
                changes.add(new Change(module.apiName(), "update", new ArrayList<>(affected.keySet()), affected, values));
            }
            return new WriteOutcome(status(results, anyInsert ? 201 : 200), results, changes);
        }
    }

    public WriteOutcome delete(CrmModule module, List<String> recordIds) {
        synchronized (lock) {
            List<Map<String, Object>> results = new ArrayList<>();
            List<String> deleted = new ArrayList<>();
            Map<String, Stored> records = modules.get(module.apiName());
            for (String id : recordIds) {
                Stored stored = records.remove(id);
                if (stored == null) {
                    results.add(CrmErrors.error("INVALID_DATA", "the id given seems to be invalid", Json.obj("id", id)));
                    continue;
                }
                recycleBin.add(new Deleted(module.apiName(), id, displayName(module, stored.fields), clock.now()));
                valueIndex.getOrDefault(module.apiName(), Map.of())
                        .forEach((field, index) -> unindex(index, stored.fields.get(field), stored));
                dealProducts.remove(id);
                contactRoles.remove(id);
                deleted.add(id);
                results.add(Json.obj("code", "SUCCESS", "details", Json.obj("id", id), "message", "record deleted",
                        "status", "success"));
            }
            List<Change> changes = deleted.isEmpty() ? List.of()
                    : List.of(new Change(module.apiName(), "delete", deleted, Map.of(), Map.of()));
            return new WriteOutcome(status(results, 200), results, changes);
        }
    }

    // ---------------------------------------------------------------- related lists

    /** Links records to a deal's Products or Contact_Roles related list. */
    public List<Map<String, Object>> link(String dealId, String relatedList, List<?> data, String pathRelatedId) {
        synchronized (lock) {
            Map<String, Map<String, Map<String, Object>>> relation = relation(relatedList);
            String target = "Products".equals(relatedList) ? "Products" : "Contacts";
            List<Map<String, Object>> results = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                Map<String, Object> input = data.get(i) instanceof Map<?, ?> ? asMap(data.get(i)) : Map.of();
                String relatedId = pathRelatedId != null ? pathRelatedId : idOf(input.get("id"));
                if (relatedId == null || !modules.get(target).containsKey(relatedId)) {
                    results.add(CrmErrors.invalidId("id", "$.data[" + i + "].id"));
                    continue;
                }
                Map<String, Object> fields = new LinkedHashMap<>(Json.copy(input));
                fields.remove("id");
                if ("Contact_Roles".equals(relatedList) && fields.get("Contact_Role") instanceof Map<?, ?> role
                        && role.get("id") == null) {
                    Map<String, Object> named = asMap(Json.copy(role));
                    named.put("id", ids.next(Product.CRM));
                    fields.put("Contact_Role", named);
                }
                relation.computeIfAbsent(dealId, k -> new LinkedHashMap<>())
                        .merge(relatedId, fields, (old, added) -> {
                            Map<String, Object> merged = new LinkedHashMap<>(old);
                            merged.putAll(added);
                            return merged;
                        });
                results.add(Json.obj("code", "SUCCESS", "details", Json.obj("id", relatedId),
                        "message", "relation updated", "status", "success"));
            }
            return results;
        }
    }

    public boolean delink(String dealId, String relatedList, String relatedId) {
        synchronized (lock) {
            Map<String, Map<String, Object>> links = relation(relatedList).get(dealId);
            return links != null && links.remove(relatedId) != null;
        }
    }

    /** The related records of a record, each rendered with its relation fields (deal products: Quantity…). */
    public Optional<List<Map<String, Object>>> related(CrmModule module, String id, String relatedList) {
        synchronized (lock) {
            if (!modules.get(module.apiName()).containsKey(id)) {
                return Optional.empty();
            }
            List<Map<String, Object>> out = new ArrayList<>();
            if ("Deals".equals(module.apiName()) && ("Products".equals(relatedList) || "Contact_Roles".equals(relatedList))) {
                String target = "Products".equals(relatedList) ? "Products" : "Contacts";
                CrmModule targetModule = CrmModule.of(target).orElseThrow();
                relation(relatedList).getOrDefault(id, Map.of()).forEach((relatedId, fields) -> {
                    Stored stored = modules.get(target).get(relatedId);
                    if (stored != null) {
                        Map<String, Object> rendered = render(targetModule, snapshot(target, stored), null);
                        Map<String, Object> relationFields = Json.copy(fields);
                        if ("Products".equals(relatedList)) {
                            relationFields.putIfAbsent("Quantity", 1);
                            relationFields.putIfAbsent("List_Price", stored.fields.get("Unit_Price"));
                        }
                        rendered.putAll(relationFields);
                        out.add(rendered);
                    }
                });
                return Optional.of(out);
            }
            // Lookup-derived lists: Accounts/{id}/Contacts, Accounts/{id}/Deals, Contacts/{id}/Deals.
            String lookupField = switch (module.apiName() + "/" + relatedList) {
                case "Accounts/Contacts", "Accounts/Deals" -> "Account_Name";
                case "Contacts/Deals" -> "Contact_Name";
                default -> null;
            };
            if (lookupField == null) {
                throw CrmErrors.topLevel(400, "INVALID_DATA", "the related list given seems to be invalid",
                        Json.obj("api_name", relatedList));
            }
            CrmModule targetModule = CrmModule.of(relatedList).orElseThrow();
            for (Stored stored : modules.get(relatedList).values()) {
                if (stored.fields.get(lookupField) instanceof Map<?, ?> lookup && id.equals(lookup.get("id"))) {
                    out.add(render(targetModule, snapshot(relatedList, stored), null));
                }
            }
            return Optional.of(out);
        }
    }

    // ---------------------------------------------------------------- reads

    public Optional<CrmRecord> find(CrmModule module, String id) {
        synchronized (lock) {
            Stored stored = modules.get(module.apiName()).get(id);
            return Optional.ofNullable(stored).map(s -> snapshot(module.apiName(), s));
        }
    }

    public List<CrmRecord> all(CrmModule module) {
        synchronized (lock) {
            List<CrmRecord> out = new ArrayList<>();
            modules.get(module.apiName()).values().forEach(s -> out.add(snapshot(module.apiName(), s)));
            return out;
        }
    }

    /**
     * The records a list read returns, copied after they are chosen (copying every record for a read of a few
     * ids made each read cost the size of the module): those of {@code ids} that exist when given, else all, in
     * both cases only those modified after {@code modifiedAfter} when given.
     */
    public List<CrmRecord> select(CrmModule module, Collection<String> ids, Instant modifiedAfter) {
        synchronized (lock) {
            Map<String, Stored> stored = modules.get(module.apiName());
            Collection<Stored> candidates = ids == null ? stored.values()
                    : new LinkedHashSet<>(ids).stream().map(stored::get).filter(Objects::nonNull).toList();
            List<CrmRecord> out = new ArrayList<>();
            for (Stored s : candidates) {
                if (modifiedAfter == null || s.modified.isAfter(modifiedAfter)) {
                    out.add(snapshot(module.apiName(), s));
                }
            }
            return out;
        }
    }

    public List<Map<String, Object>> deleted(CrmModule module) {
        synchronized (lock) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (int i = recycleBin.size() - 1; i >= 0; i--) {
                Deleted d = recycleBin.get(i);
                if (d.module().equals(module.apiName())) {
                    out.add(Json.obj("deleted_by", user(false), "id", d.id(), "display_name", d.displayName(),
                            "type", "recycle", "created_by", user(false),
                            "deleted_time", Times.crm(d.deletedAt(), zone)));
                }
            }
            return out;
        }
    }

    /**
     * A record as the API returns it: system fields, lookups as {"name","id"} (owner with email), datetimes in
     * the CRM format; with {@code fields} only those (plus id).
     */
    public Map<String, Object> render(CrmModule module, CrmRecord record, Collection<String> fields) {
        synchronized (lock) {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("Owner", user(true));
            record.fields().forEach((key, value) -> {
                String target = module.lookups().get(key);
                if (target != null && value instanceof Map<?, ?> lookup) {
                    String id = String.valueOf(lookup.get("id"));
                    Stored linked = modules.get(target).get(id);
                    all.put(key, Json.obj("name", linked == null ? null : displayName(CrmModule.of(target).orElseThrow(),
                            linked.fields), "id", id));
                } else if (!"Owner".equals(key)) {
                    all.put(key, Json.copy(value));
                }
            });
            if (module.isPersonModule()) {
                all.put("Full_Name", displayName(module, record.fields()));
            }
            all.put("Created_Time", Times.crm(record.created(), zone));
            all.put("Modified_Time", Times.crm(record.modified(), zone));
            all.put("Created_By", user(true));
            all.put("Modified_By", user(true));
            all.put("id", record.id());
            if (fields == null) {
                return all;
            }
            Map<String, Object> selected = new LinkedHashMap<>();
            for (String field : fields) {
                selected.put(field, all.get(field));
            }
            selected.put("id", record.id());
            return selected;
        }
    }

    public Map<String, Object> user(boolean withEmail) {
        Map<String, Object> user = Json.obj("name", config.userName(), "id", config.userId());
        if (withEmail) {
            user.put("email", config.userEmail());
        }
        return user;
    }

    @Override
    public void reset(boolean all) {
        synchronized (lock) {
            modules.values().forEach(Map::clear);
            valueIndex.clear();
            recycleBin.clear();
            dealProducts.clear();
            contactRoles.clear();
        }
    }

    // ---------------------------------------------------------------- rules

    /** Null when the element may be written; else the per-record error (several → MULTIPLE_OR_MULTI_ERRORS). */
    private Map<String, Object> validate(CrmModule module, Map<String, Object> input, Stored existing, String path) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (String field : config.mandatory(module.apiName())) {
            boolean present = input.containsKey(field);
            if ((existing == null && (!present || blank(input.get(field)))) || (existing != null && present && blank(input.get(field)))) {
                errors.add(CrmErrors.mandatory(field, path + "." + field));
            }
        }
        for (Map.Entry<String, Object> entry : input.entrySet()) {
            String field = entry.getKey();
            Object value = entry.getValue();
            String fieldPath = path + "." + field;
            if (value == null || CrmModule.READ_ONLY.contains(field)) {
                continue;
            }
            if (module.emailFields().contains(field) && !(value instanceof String s && (s.isEmpty() || EMAIL.matcher(s).matches()))) {
                errors.add(CrmErrors.invalid(field, fieldPath, "email"));
            } else if (module.dateFields().contains(field) && !isDate(value)) {
                errors.add(CrmErrors.invalid(field, fieldPath, "date"));
            } else if (module.numberFields().contains(field) && !(value instanceof Number)) {
                errors.add(CrmErrors.invalid(field, fieldPath, "double"));
            } else if (module.lookups().containsKey(field) || "Owner".equals(field)) {
                if (!(value instanceof Map<?, ?> lookup) || idOf(lookup.get("id")) == null) {
                    errors.add(CrmErrors.invalid(field, fieldPath, "jsonobject"));
                } else {
                    String id = idOf(lookup.get("id"));
                    boolean exists = "Owner".equals(field) ? config.userId().equals(id)
                            : modules.get(module.lookups().get(field)).containsKey(id);
                    if (!exists) {
                        errors.add(CrmErrors.invalidId(field, fieldPath + ".id"));
                    }
                }
            }
        }
        if (errors.isEmpty()) {
            for (String field : config.unique(module.apiName())) {
                Object value = input.get(field);
                if (!blank(value)) {
                    Stored clash = findByValue(module, field, value, existing);
                    if (clash != null) {
                        errors.add(CrmErrors.error("DUPLICATE_DATA", "duplicate data", Json.obj(
                                "api_name", field, "json_path", path + "." + field,
                                "duplicate_record", Json.obj("id", clash.id,
                                        "module", Json.obj("api_name", module.apiName(), "id", module.moduleId()),
                                        "Owner", Json.obj("name", config.userName(), "id", config.userId(),
                                                "zuid", config.orgZuid())),
                                "more_records", false)));
                    }
                }
            }
        }
        if (errors.isEmpty()) {
            return null;
        }
        if (errors.size() == 1) {
            return errors.get(0);
        }
        return CrmErrors.error("MULTIPLE_OR_MULTI_ERRORS", "multiple errors occurred", Json.obj("errors", errors));
    }

    private Stored create(CrmModule module, Map<String, Object> input) {
        Instant now = clock.now();
        Stored stored = new Stored(createdCount++, ids.next(Product.CRM), now, new LinkedHashMap<>());
        apply(module, stored, input);
        stored.modified = now;
        modules.get(module.apiName()).put(stored.id, stored);
        return stored;
    }

    /** Writes the input's fields; returns the fields whose values changed, with their new values. */
    private Map<String, Object> apply(CrmModule module, Stored stored, Map<String, Object> input) {
        Map<String, Object> changed = new LinkedHashMap<>();
        input.forEach((field, value) -> {
            if (CrmModule.READ_ONLY.contains(field) || field.startsWith("$")) {
                return;
            }
            Object normalized = value;
            if ((module.lookups().containsKey(field) || "Owner".equals(field)) && value instanceof Map<?, ?> lookup) {
                normalized = Json.obj("id", idOf(lookup.get("id")));
            } else {
                normalized = Json.copy(value);
            }
            if (!Objects.equals(stored.fields.get(field), normalized) || !stored.fields.containsKey(field)) {
                changed.put(field, Json.copy(normalized));
            }
            Map<String, Set<Stored>> index = valueIndex.getOrDefault(module.apiName(), Map.of()).get(field);
            if (index != null) {
                Object previous = stored.fields.get(field);
                boolean sameKey = previous != null && normalized != null && valueKey(previous).equals(valueKey(normalized));
                if (!sameKey) {
                    unindex(index, previous, stored);
                    index(index, normalized, stored);
                }
            }
            stored.fields.put(field, normalized);
        });
        stored.modified = clock.now();
        return changed;
    }

    private Stored findByValue(CrmModule module, String field, Object value, Stored except) {
        Map<String, Set<Stored>> index = valueIndex.computeIfAbsent(module.apiName(), m -> new HashMap<>())
                .computeIfAbsent(field, f -> {
                    Map<String, Set<Stored>> built = new HashMap<>();
                    modules.get(module.apiName()).values().forEach(s -> index(built, s.fields.get(f), s));
                    return built;
                });
        Stored oldest = null;
        for (Stored candidate : index.getOrDefault(valueKey(value), Set.of())) {
            if (candidate != except && sameValue(candidate.fields.get(field), value)
                    && (oldest == null || candidate.seq < oldest.seq)) {
                oldest = candidate;
            }
        }
        return oldest;
    }

    private static void index(Map<String, Set<Stored>> index, Object value, Stored stored) {
        if (value != null) {
            index.computeIfAbsent(valueKey(value), k -> new LinkedHashSet<>()).add(stored);
        }
    }

    private static void unindex(Map<String, Set<Stored>> index, Object value, Stored stored) {
        if (value != null) {
            Set<Stored> holders = index.get(valueKey(value));
            if (holders != null && holders.remove(stored) && holders.isEmpty()) {
                index.remove(valueKey(value));
            }
        }
    }

    /**
     * Equal whenever {@link #sameValue} holds (trimmed, case-folded text; a lookup's id), so the index finds every
     * candidate; {@code sameValue} still decides.
     */
    private static String valueKey(Object value) {
        if (value instanceof Map<?, ?> lookup) {
            return "\u0000lookup:" + lookup.get("id");
        }
        return CaseFold.key(String.valueOf(value).trim());
    }

    private static boolean sameValue(Object stored, Object given) {
        if (stored == null || given == null) {
            return false;
        }
        if (stored instanceof String a && given instanceof String b) {
            return a.trim().equalsIgnoreCase(b.trim());
        }
        if (stored instanceof Map<?, ?> a && given instanceof Map<?, ?> b) {
            return Objects.equals(String.valueOf(a.get("id")), String.valueOf(b.get("id")));
        }
        return String.valueOf(stored).equals(String.valueOf(given));
    }

    private Map<String, Object> success(String message, Stored stored) {
        String time = Times.crm(stored.modified, zone);
        return Json.obj("code", "SUCCESS", "details", Json.obj(
                        "Modified_Time", time,
                        "Modified_By", user(false),
                        "Created_Time", Times.crm(stored.created, zone),
                        "id", stored.id,
                        "Created_By", user(false),
                        "$approval_state", "approved"),
                "message", message, "status", "success");
    }

    private CrmRecord snapshot(String module, Stored stored) {
        return new CrmRecord(module, stored.id, stored.created, stored.modified, Json.copy(stored.fields));
    }

    private Map<String, Map<String, Map<String, Object>>> relation(String relatedList) {
        return "Products".equals(relatedList) ? dealProducts : contactRoles;
    }

    static String displayName(CrmModule module, Map<String, Object> fields) {
        if (module.isPersonModule()) {
            String first = fields.get("First_Name") == null ? "" : String.valueOf(fields.get("First_Name"));
            String last = fields.get("Last_Name") == null ? "" : String.valueOf(fields.get("Last_Name"));
            return (first + " " + last).trim();
        }
        Object name = fields.get(module.displayField());
        return name == null ? null : String.valueOf(name);
    }

    static int status(List<Map<String, Object>> results, int allSuccess) {
        long ok = results.stream().filter(r -> "success".equals(r.get("status"))).count();
        if (ok == results.size()) {
            return allSuccess;
        }
        return ok == 0 ? 400 : 207;
    }

    /** An id given as a string or an integer; a fractional number is no id (it lost digits in transit). */
    static String idOf(Object value) {
        if (value == null || value instanceof Double || value instanceof Float) {
            return null;
        }
        String id = String.valueOf(value).trim();
        return id.isEmpty() ? null : id;
    }

    private static boolean blank(Object value) {
        return value == null || (value instanceof String s && s.isBlank());
    }

    private static boolean isDate(Object value) {
        if (!(value instanceof String s)) {
            return false;
        }
        try {
            LocalDate.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }
}
