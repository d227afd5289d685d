package io.zsync.zoho.crm;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.zsync.zoho.budget.CallCost;
import io.zsync.zoho.error.ZohoApiException;
import io.zsync.zoho.error.ZohoNotFoundException;
import io.zsync.zoho.http.ZohoCallExecutor;
import jakarta.inject.Singleton;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Zoho CRM v8 for the services: typed records, per-record write results, pages walked for you, and every
 * failure as a {@link ZohoApiException}. Empty reads (204) and unchanged reads (304) are empty results, not
 * errors (zoho-api.md §3.3). Writes take at most 100 records per call; each record's outcome is reported
 * separately because a 207 or 400 answer mixes successes and failures.
 */
@Singleton
public class CrmClient {
    /** CRM's maximum records per write and ids per read (zoho-api.md §3.1). */
    public static final int MAX_RECORDS = 100;
    private static final int MAX_PER_PAGE = 200;
    // Without page_token only the first 2,000 records (10 pages of 200) are reachable (§3.3); search too (§3.10).
    private static final int MAX_DISCRETE_PAGES = 10;

    private final CrmApi api;
    private final CrmErrorMapper errors;
    private final ZohoCallExecutor executor;

    public CrmClient(CrmApi api, CrmErrorMapper errors, ZohoCallExecutor executor) {
        this.api = api;
        this.errors = errors;
        this.executor = executor;
    }

    // ---------------------------------------------------------------- reads

    /** One record, or empty when CRM has none with that id (204, 404 or "the id given seems to be invalid"). */
    public Optional<CrmRecord> get(String org, String module, String id) {
        return get(org, module, id, null);
    }

    /** One record if modified after {@code since}; empty when unchanged (304) or absent. */
    public Optional<CrmRecord> get(String org, String module, String id, @Nullable OffsetDateTime since) {
        try {
            HttpResponse<CrmEnvelope> r = call(org, CallCost.ONE,
                    () -> api.getRecord(org, module, id, since == null ? null : since.format(CrmRecord.DATE_TIME)));
            return records(r).stream().findFirst();
        } catch (ZohoNotFoundException e) {
            return Optional.empty();
        } catch (ZohoApiException e) {
            if ("INVALID_DATA".equals(e.code()) && e.fieldErrors().stream().anyMatch(f -> "id".equals(f.field()))) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Up to 100 records by id in one call ({@code GET /{module}?ids=...}); missing ids are simply absent. */
    public List<CrmRecord> getMany(String org, String module, List<String> ids, List<String> fields) {
        checkSize(ids.size(), "ids");
        if (ids.isEmpty()) {
            return List.of();
        }
        HttpResponse<CrmEnvelope> r = call(org, CallCost.ONE, () -> api.list(org, module, String.join(",", fields),
                String.join(",", ids), null, null, null, null, null, null, null));
        return records(r);
    }

    /** One page of a list; pass the previous page's {@code nextPageToken} (or null for the first page). */
    public CrmPage listPage(String org, CrmListQuery q, @Nullable String pageToken, @Nullable Integer page) {
        boolean heavy = q.sortBy() != null || q.cvid() != null;
        HttpResponse<CrmEnvelope> r = call(org, heavy ? CallCost.HEAVY : CallCost.ONE, () -> api.list(org, q.module(),
                String.join(",", q.fields()), null, page, q.perPage(), pageToken, q.sortBy(), q.sortOrder(), q.cvid(),
                q.modifiedSince() == null ? null : q.modifiedSince().format(CrmRecord.DATE_TIME)));
        return page(r);
    }

    /**
     * Walks every page of a list with {@code page_token} (falling back to page numbers when CRM sends no token),
     * handing each page to {@code onPage}; the same query parameters are repeated on every page because tokens
     * are bound to them.
     */
    public void forEachPage(String org, CrmListQuery q, Consumer<CrmPage> onPage) {
        String token = null;
        Integer pageNo = null;
        while (true) {
            CrmPage p = listPage(org, q, token, pageNo);
            onPage.accept(p);
            if (!p.moreRecords() || p.records().isEmpty()) {
                return;
            }
            if (p.nextPageToken() != null && !p.nextPageToken().equals(token)) {
                token = p.nextPageToken();
                pageNo = null;
            } else if (token == null && p.page() < MAX_DISCRETE_PAGES) {
                pageNo = p.page() + 1;
            } else {
                return;
            }
        }
    }

    /** Every record of a list (see {@link #forEachPage}). */
    public List<CrmRecord> listAll(String org, CrmListQuery q) {
        List<CrmRecord> all = new ArrayList<>();
        forEachPage(org, q, p -> all.addAll(p.records()));
        return all;
    }

    // ---------------------------------------------------------------- search

    /** Records whose email fields match ({@code email=} scans every email field of the module). */
    public List<CrmRecord> searchByEmail(String org, String module, String email) {
        return searchAll(org, module, null, email);
    }

    /**
     * Records matching a criteria expression. Newly written records may not be indexed yet, so a search right
     * after a write can come back empty (zoho-api.md §3.10).
     */
    public List<CrmRecord> searchByCriteria(String org, String module, CrmCriteria criteria) {
        return searchAll(org, module, criteria.toString(), null);
    }

    private List<CrmRecord> searchAll(String org, String module, @Nullable String criteria, @Nullable String email) {
        List<CrmRecord> all = new ArrayList<>();
        for (int page = 1; page <= MAX_DISCRETE_PAGES; page++) {
            int p = page;
            HttpResponse<CrmEnvelope> r = call(org, CallCost.HEAVY,
                    () -> api.search(org, module, criteria, email, null, null, p, MAX_PER_PAGE));
            CrmPage pg = page(r);
            all.addAll(pg.records());
            if (!pg.moreRecords() || pg.records().isEmpty()) {
                break;
            }
        }
        return all;
    }

    // ---------------------------------------------------------------- related lists

    /** One page of a related list, e.g. {@code Deals/{id}/Products}. */
    public CrmPage relatedPage(String org, String module, String id, String relatedList, List<String> fields,
                               @Nullable String pageToken) {
        HttpResponse<CrmEnvelope> r = call(org, CallCost.HEAVY, () -> api.related(org, module, id, relatedList,
                String.join(",", fields), null, null, pageToken, null));
        return page(r);
    }

    /** Every record of a related list (empty on 204). */
    public List<CrmRecord> related(String org, String module, String id, String relatedList, List<String> fields) {
        List<CrmRecord> all = new ArrayList<>();
        String token = null;
        int guard = 0;
        while (guard++ < 500) {
            CrmPage p = relatedPage(org, module, id, relatedList, fields, token);
            all.addAll(p.records());
            if (!p.moreRecords() || p.nextPageToken() == null || p.nextPageToken().equals(token)) {
                break;
            }
            token = p.nextPageToken();
        }
        return all;
    }

    /** A deal's products (the line items of the deal-to-invoice flow). */
    public List<CrmRecord> dealProducts(String org, String dealId, List<String> fields) {
        return related(org, "Deals", dealId, "Products", fields);
    }

    // ---------------------------------------------------------------- writes

    /** Inserts up to 100 records; one result per record, in order. Automations run as configured in CRM. */
    public List<CrmWriteResult> insert(String org, String module, List<CrmRecord> records) {
        return insert(org, module, records, null);
    }

    /** Inserts with explicit {@code trigger} ({@code List.of()} runs no workflow, approval or blueprint). */
    public List<CrmWriteResult> insert(String org, String module, List<CrmRecord> records,
                                       @Nullable List<String> trigger) {
        checkSize(records.size(), "records");
        Map<String, Object> body = CrmWriteRequest.of(maps(records), trigger, null);
        return writeResults(org, CallCost.crmWrite(records.size()), () -> api.insert(org, module, body));
    }

    /** Inserts one record and returns its id, or throws its error (e.g. {@code DUPLICATE_DATA} with duplicateId). */
    public String insertOne(String org, String module, CrmRecord record) {
        return insert(org, module, List.of(record)).get(0).idOrThrow();
    }

    /** Updates up to 100 records; each must carry its {@code id}. */
    public List<CrmWriteResult> update(String org, String module, List<CrmRecord> records) {
        return update(org, module, records, null);
    }

    /** Updates with explicit {@code trigger}; an empty list keeps write-backs from firing workflows. */
    public List<CrmWriteResult> update(String org, String module, List<CrmRecord> records,
                                       @Nullable List<String> trigger) {
        checkSize(records.size(), "records");
        for (CrmRecord r : records) {
            if (r.id() == null) {
                throw new IllegalArgumentException("every record of a CRM update needs an id");
            }
        }
        Map<String, Object> body = CrmWriteRequest.of(maps(records), trigger, null);
        return writeResults(org, CallCost.crmWrite(records.size()), () -> api.update(org, module, body));
    }

    /** Updates one record's fields and returns its result, throwing its error. */
    public CrmWriteResult updateOne(String org, String module, String id, CrmRecord fields) {
        CrmWriteResult r = update(org, module, List.of(fields.withId(id))).get(0);
        r.idOrThrow();
        return r;
    }

    /** Upserts up to 100 records, matching existing ones on {@code duplicateCheckFields} (e.g. {@code Email}). */
    public List<CrmWriteResult> upsert(String org, String module, List<CrmRecord> records,
                                       List<String> duplicateCheckFields) {
        checkSize(records.size(), "records");
        Map<String, Object> body = CrmWriteRequest.of(maps(records), null,
                duplicateCheckFields.isEmpty() ? null : List.copyOf(duplicateCheckFields));
        return writeResults(org, CallCost.crmWrite(records.size()), () -> api.upsert(org, module, body));
    }

    /** Upserts one record; the result's {@code action} says whether it was inserted or updated. */
    public CrmWriteResult upsertOne(String org, String module, CrmRecord record, List<String> duplicateCheckFields) {
        CrmWriteResult r = upsert(org, module, List.of(record), duplicateCheckFields).get(0);
        r.idOrThrow();
        return r;
    }

    /** Deletes up to 100 records (to the recycle bin); one result per id. */
    public List<CrmWriteResult> delete(String org, String module, List<String> ids) {
        checkSize(ids.size(), "ids");
        if (ids.isEmpty()) {
            return List.of();
        }
        return writeResults(org, CallCost.ONE, () -> api.delete(org, module, String.join(",", ids), null));
    }

    // ---------------------------------------------------------------- notification channels

    /** Subscribes channels ({@code POST /actions/watch}); one result per channel. */
    public List<WatchResult> subscribe(String org, List<WatchChannel> channels) {
        WatchRequest body = new WatchRequest(channels.stream().map(WatchChannel::toJson).toList());
        return watchResults(org, () -> api.subscribe(org, body));
    }

    /**
     * Extends a channel's expiry with {@code PATCH /actions/watch}, which keeps every key not sent (PUT would
     * drop them); channels stop silently at expiry, so a scheduler renews them well before.
     */
    public List<WatchResult> renew(String org, String channelId, List<String> events, OffsetDateTime newExpiry) {
        Map<String, Object> patch = Map.of("channel_id", channelId, "events", List.copyOf(events),
                "channel_expiry", WatchChannel.formatExpiry(newExpiry));
        return watchResults(org, () -> api.patchChannels(org, new WatchRequest(List.of(patch))));
    }

    /** The org's subscribed channels as CRM describes them ({@code channel_id}, {@code events}, {@code channel_expiry}...). */
    public List<Map<String, Object>> listChannels(String org) {
        HttpResponse<CrmEnvelope> r = call(org, CallCost.ONE, () -> api.listChannels(org, null, null, null, null));
        return r.getBody().map(CrmEnvelope::watch).map(List::copyOf).orElse(List.of());
    }

    /** Disables channels ({@code DELETE /actions/watch?channel_ids=...}). */
    public List<WatchResult> disable(String org, List<String> channelIds) {
        if (channelIds.isEmpty()) {
            return List.of();
        }
        return watchResults(org, () -> api.disableChannels(org, String.join(",", channelIds)));
    }

    // ---------------------------------------------------------------- plumbing

    private HttpResponse<CrmEnvelope> call(String org, CallCost cost, Supplier<HttpResponse<CrmEnvelope>> call) {
        return executor.execute(org, errors, cost, call);
    }

    private List<CrmWriteResult> writeResults(String org, CallCost cost, Supplier<HttpResponse<CrmEnvelope>> call) {
        HttpResponse<CrmEnvelope> r = call(org, cost, () -> perRecordEvenOn400(call));
        int status = r.code();
        List<Map<String, Object>> data = r.getBody().map(CrmEnvelope::data).orElse(List.of());
        List<CrmWriteResult> out = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            Map<String, Object> e = data.get(i);
            boolean ok = "success".equalsIgnoreCase(str(e.get("status")));
            Map<String, Object> details = map(e.get("details"));
            ZohoApiException err = ok ? null : errors.mapElement(org, status == 207 || status < 300 ? 400 : status,
                    e, null);
            out.add(new CrmWriteResult(i, ok, str(e.get("code")), str(e.get("message")),
                    ok ? str(details.get("id")) : null, str(e.get("action")), str(e.get("duplicate_field")), details,
                    err));
        }
        return out;
    }

    private List<WatchResult> watchResults(String org, Supplier<HttpResponse<CrmEnvelope>> call) {
        HttpResponse<CrmEnvelope> r = call(org, CallCost.ONE, () -> perRecordEvenOn400(call));
        List<Map<String, Object>> watch = r.getBody().map(CrmEnvelope::watch).orElse(List.of());
        List<WatchResult> out = new ArrayList<>(watch.size());
        for (int i = 0; i < watch.size(); i++) {
            Map<String, Object> e = watch.get(i);
            boolean ok = "success".equalsIgnoreCase(str(e.get("status")));
            out.add(new WatchResult(i, ok, str(e.get("code")), str(e.get("message")), map(e.get("details")),
                    ok ? null : errors.mapElement(org, 400, e, null)));
        }
        return out;
    }

    /** An all-failed write answers 400 with the per-record array: that is a result, not a call failure. */
    private static HttpResponse<CrmEnvelope> perRecordEvenOn400(Supplier<HttpResponse<CrmEnvelope>> call) {
        try {
            return call.get();
        } catch (HttpClientResponseException e) {
            if (e.code() == 400) {
                Optional<CrmEnvelope> env = readEnvelope(e);
                if (env.isPresent() && (nonEmpty(env.get().data()) || nonEmpty(env.get().watch()))) {
                    // Relabelled 207 (a per-record answer) so the executor does not map it as a call failure;
                    // each failed element still becomes its own typed error below.
                    return HttpResponse.status(HttpStatus.MULTI_STATUS).body(env.get());
                }
            }
            throw e;
        }
    }

    private static Optional<CrmEnvelope> readEnvelope(HttpClientResponseException e) {
        try {
            return e.getResponse().getBody(CrmEnvelope.class);
        } catch (RuntimeException notAnEnvelope) {
            // A top-level error object is not a per-record answer; the executor maps it instead.
            return Optional.empty();
        }
    }

    private static boolean nonEmpty(@Nullable List<?> l) {
        return l != null && !l.isEmpty();
    }

    private static List<CrmRecord> records(HttpResponse<CrmEnvelope> r) {
        // 204 (nothing found) and 304 (not modified) have no body.
        return r.getBody().map(CrmEnvelope::data).orElse(List.of()).stream().map(CrmRecord::of).toList();
    }

    private static CrmPage page(HttpResponse<CrmEnvelope> r) {
        Optional<CrmEnvelope> env = r.getBody();
        if (env.isEmpty() || env.get().data() == null) {
            return CrmPage.EMPTY;
        }
        Map<String, Object> info = env.get().info() == null ? Map.of() : env.get().info();
        Object page = info.get("page");
        return new CrmPage(env.get().data().stream().map(CrmRecord::of).toList(),
                Boolean.parseBoolean(String.valueOf(info.get("more_records"))),
                str(info.get("next_page_token")),
                page instanceof Number n ? n.intValue() : 1);
    }

    private static List<Map<String, Object>> maps(List<CrmRecord> records) {
        return records.stream().map(CrmRecord::fields).toList();
    }

    private static void checkSize(int n, String what) {
        if (n > MAX_RECORDS) {
            throw new IllegalArgumentException("CRM takes at most " + MAX_RECORDS + " " + what + " per call, got " + n);
        }
    }

    private static String str(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
