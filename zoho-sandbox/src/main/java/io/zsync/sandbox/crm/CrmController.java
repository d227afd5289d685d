package io.zsync.sandbox.crm;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.zsync.sandbox.core.Json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Zoho CRM v8 over HTTP (§3, §4): an adapter that parses requests, calls the store, reads and
 * notification channels, and maps outcomes to CRM's statuses (201/200/207/400, 204 on empty reads,
 * 304 under If-Modified-Since) and envelopes.
 */
@Controller("/crm/v8")
public class CrmController {

    static final int MAX_RECORDS_PER_WRITE = 100;

    private final CrmStore store;
    private final CrmReads reads;
    private final CrmNotifications notifications;
    private final CrmPolicy policy;
    private final CrmConfig config;
    private final CrmCoql coql;
    private final Json json;

    public CrmController(CrmStore store, CrmReads reads, CrmNotifications notifications, CrmPolicy policy,
                         CrmConfig config, CrmCoql coql, Json json) {
        this.store = store;
        this.reads = reads;
        this.notifications = notifications;
        this.policy = policy;
        this.config = config;
        this.coql = coql;
        this.json = json;
    }

    // ---------------------------------------------------------------- records

    @Get("/{module}")
    HttpResponse<?> list(@PathVariable String module, @Nullable @QueryValue String fields, @Nullable @QueryValue String ids,
                         @Nullable @QueryValue Integer page, @Nullable @QueryValue("per_page") Integer perPage,
                         @Nullable @QueryValue("page_token") String pageToken, @Nullable @QueryValue("sort_by") String sortBy,
                         @Nullable @QueryValue("sort_order") String sortOrder, @Nullable @QueryValue String cvid,
                         @Nullable @Header("If-Modified-Since") String ifModifiedSince) {
        CrmReads.Page result = reads.list(new CrmReads.ListQuery(module(module), fields, ids, page, perPage, pageToken,
                sortBy, sortOrder, cvid, ifModifiedSince));
        if (result.isEmpty()) {
            return ifModifiedSince != null ? HttpResponse.notModified() : HttpResponse.noContent();
        }
        return HttpResponse.ok(Json.obj("data", result.data(), "info", result.info()));
    }

    @Get("/{module}/{id}")
    HttpResponse<?> get(@PathVariable String module, @PathVariable String id, @Nullable @QueryValue String fields,
                        @Nullable @Header("If-Modified-Since") String ifModifiedSince) {
        CrmModule crmModule = module(module);
        var record = store.find(crmModule, id);
        if (record.isEmpty()) {
            if (config.missingRecordStatus() == 204) {
                return HttpResponse.noContent();
            }
            throw CrmErrors.topLevel(400, "INVALID_DATA", "the id given seems to be invalid", Json.obj("id", id));
        }
        if (ifModifiedSince != null && config.getOneIfModifiedSince()) {
            Instant since = CrmReads.ifModifiedSince(ifModifiedSince);
            if (!record.get().modified().isAfter(since)) {
                return HttpResponse.notModified();
            }
        }
        return HttpResponse.ok(Json.obj("data", List.of(store.render(crmModule, record.get(), reads.fields(fields, false)))));
    }

    @Post("/{module}")
    HttpResponse<?> insert(@PathVariable String module, @Nullable @Body byte[] body) {
        CrmModule crmModule = module(module);
        List<?> data = data(body);
        return write(store.insert(crmModule, data), data.size());
    }

    @Put("/{module}")
    HttpResponse<?> updateMany(@PathVariable String module, @Nullable @Body byte[] body) {
        CrmModule crmModule = module(module);
        List<?> data = data(body);
        return write(store.update(crmModule, data, null), data.size());
    }

    @Put("/{module}/{id}")
    HttpResponse<?> updateOne(@PathVariable String module, @PathVariable String id, @Nullable @Body byte[] body,
                              @Nullable @Header("If-Unmodified-Since") String ifUnmodifiedSince) {
        CrmModule crmModule = module(module);
        List<?> data = data(body);
        if (ifUnmodifiedSince != null) {
            Instant since = CrmReads.ifModifiedSince(ifUnmodifiedSince);
            store.find(crmModule, id).filter(r -> r.modified().isAfter(since)).ifPresent(r -> {
                throw CrmErrors.topLevel(412, "ALREADY_MODIFIED", "the record has been modified since the given time",
                        Json.obj("id", id));
            });
        }
        return write(store.update(crmModule, data.subList(0, 1), id), 1);
    }

    @Post("/{module}/upsert")
    HttpResponse<?> upsert(@PathVariable String module, @Nullable @Body byte[] body) {
        CrmModule crmModule = module(module);
        Map<String, Object> request = parse(body);
        List<?> data = data(request);
        List<String> checkFields = request.get("duplicate_check_fields") instanceof List<?> list
                ? list.stream().map(String::valueOf).toList() : null;
        return write(store.upsert(crmModule, data, checkFields), data.size());
    }

    @Delete("/{module}")
    HttpResponse<?> deleteMany(@PathVariable String module, @Nullable @QueryValue String ids) {
        CrmModule crmModule = module(module);
        if (ids == null || ids.isBlank()) {
            throw CrmErrors.requiredParam("ids");
        }
        List<String> list = Arrays.stream(ids.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (list.size() > MAX_RECORDS_PER_WRITE) {
            throw CrmErrors.topLevel(400, "LIMIT_EXCEEDED", "limit exceeded",
                    Json.obj("param_name", "ids", "maximum_length", MAX_RECORDS_PER_WRITE));
        }
        return write(store.delete(crmModule, list), 1);
    }

    @Delete("/{module}/{id}")
    HttpResponse<?> deleteOne(@PathVariable String module, @PathVariable String id) {
        return write(store.delete(module(module), List.of(id)), 1);
    }

    @Get("/{module}/deleted")
    HttpResponse<?> deleted(@PathVariable String module, @Nullable @QueryValue String type,
                            @Nullable @QueryValue Integer page, @Nullable @QueryValue("per_page") Integer perPage) {
        CrmModule crmModule = module(module);
        List<Map<String, Object>> all = "permanent".equals(type) ? List.of() : store.deleted(crmModule);
        CrmReads.Page result = reads.paged(all, null, page == null ? 1 : page, reads.perPage(perPage));
        return result.isEmpty() ? HttpResponse.noContent() : HttpResponse.ok(Json.obj("data", result.data(), "info", result.info()));
    }

    @Get("/{module}/search")
    HttpResponse<?> search(@PathVariable String module, @Nullable @QueryValue String criteria, @Nullable @QueryValue String email,
                           @Nullable @QueryValue String phone, @Nullable @QueryValue String word,
                           @Nullable @QueryValue String fields, @Nullable @QueryValue Integer page,
                           @Nullable @QueryValue("per_page") Integer perPage) {
        CrmReads.Page result = reads.search(module(module), criteria, email, phone, word, fields, page, perPage);
        return result.isEmpty() ? HttpResponse.noContent() : HttpResponse.ok(Json.obj("data", result.data(), "info", result.info()));
    }

    @Get("/{module}/actions/count")
    Map<String, Object> count(@PathVariable String module) {
        return Json.obj("count", store.all(module(module)).size());
    }

    // ---------------------------------------------------------------- related lists

    @Get("/{module}/{id}/{relatedList}")
    HttpResponse<?> related(@PathVariable String module, @PathVariable String id, @PathVariable String relatedList,
                            @Nullable @QueryValue String fields, @Nullable @QueryValue Integer page,
                            @Nullable @QueryValue("per_page") Integer perPage) {
        CrmModule crmModule = module(module);
        List<String> selected = reads.fields(fields, true);
        List<Map<String, Object>> records = store.related(crmModule, id, relatedList)
                .orElseThrow(() -> CrmErrors.topLevel(400, "INVALID_DATA", "the id given seems to be invalid", Json.obj("id", id)));
        CrmReads.Page result = reads.paged(records, selected, page == null ? 1 : page, reads.perPage(perPage));
        return result.isEmpty() ? HttpResponse.noContent() : HttpResponse.ok(Json.obj("data", result.data(), "info", result.info()));
    }

    @Put("/{module}/{id}/{relatedList}")
    HttpResponse<?> link(@PathVariable String module, @PathVariable String id, @PathVariable String relatedList,
                         @Nullable @Body byte[] body) {
        return linkRecords(module, id, relatedList, null, body);
    }

    @Put("/{module}/{id}/{relatedList}/{relatedId}")
    HttpResponse<?> linkOne(@PathVariable String module, @PathVariable String id, @PathVariable String relatedList,
                            @PathVariable String relatedId, @Nullable @Body byte[] body) {
        return linkRecords(module, id, relatedList, relatedId, body);
    }

    @Delete("/{module}/{id}/{relatedList}/{relatedId}")
    HttpResponse<?> delink(@PathVariable String module, @PathVariable String id, @PathVariable String relatedList,
                           @PathVariable String relatedId) {
        checkRelation(module(module), relatedList);
        boolean removed = store.delink(id, relatedList, relatedId);
        Map<String, Object> element = removed
                ? Json.obj("code", "SUCCESS", "details", Json.obj("id", relatedId), "message", "relation removed", "status", "success")
                : CrmErrors.error("INVALID_DATA", "the related id given seems to be invalid", Json.obj("id", relatedId));
        return HttpResponse.status(HttpStatus.valueOf(removed ? 200 : 400)).body(Json.obj("data", List.of(element)));
    }

    // ---------------------------------------------------------------- COQL

    @Post("/coql")
    HttpResponse<?> coql(@Nullable @Body byte[] body) {
        Map<String, Object> request = parse(body);
        if (!(request.get("select_query") instanceof String query) || query.isBlank()) {
            throw CrmErrors.requiredParam("select_query");
        }
        CrmReads.Page result = coql.run(query);
        return result.isEmpty() ? HttpResponse.noContent() : HttpResponse.ok(Json.obj("data", result.data(), "info", result.info()));
    }

    // ---------------------------------------------------------------- notifications

    @Post("/actions/watch")
    HttpResponse<?> watch(@Nullable @Body byte[] body) {
        return watchElements(body, notifications::subscribe);
    }

    @Put("/actions/watch")
    HttpResponse<?> replaceWatch(@Nullable @Body byte[] body) {
        return watchElements(body, notifications::subscribe);
    }

    @Patch("/actions/watch")
    HttpResponse<?> patchWatch(@Nullable @Body byte[] body) {
        return watchElements(body, notifications::patch);
    }

    @Get("/actions/watch")
    HttpResponse<?> listWatch(@Nullable @QueryValue("channel_id") String channelId, @Nullable @QueryValue String module) {
        List<Map<String, Object>> channels = notifications.list(channelId, module);
        if (channels.isEmpty()) {
            return HttpResponse.noContent();
        }
        return HttpResponse.ok(Json.obj("watch", channels, "info",
                Json.obj("per_page", 200, "count", channels.size(), "page", 1, "more_records", false)));
    }

    @Delete("/actions/watch")
    HttpResponse<?> disableWatch(@Nullable @QueryValue("channel_ids") String channelIds) {
        if (channelIds == null || channelIds.isBlank()) {
            throw CrmErrors.requiredParam("channel_ids");
        }
        List<Map<String, Object>> results = new ArrayList<>();
        Arrays.stream(channelIds.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .forEach(channelId -> results.add(notifications.disable(channelId)));
        return HttpResponse.status(HttpStatus.valueOf(CrmStore.status(results, 200))).body(Json.obj("watch", results));
    }

    // ---------------------------------------------------------------- errors

    @Error(exception = CrmErrors.CrmException.class)
    HttpResponse<?> crmError(CrmErrors.CrmException e) {
        return HttpResponse.status(HttpStatus.valueOf(e.status())).body(e.body());
    }

    @Error(exception = Json.MalformedJsonException.class)
    HttpResponse<?> malformed(Json.MalformedJsonException e) {
        return HttpResponse.badRequest(CrmErrors.error("INVALID_DATA", "the body is not valid JSON",
                Json.obj("reason", e.getMessage())));
    }

    // ---------------------------------------------------------------- helpers

    private MutableHttpResponse<?> write(CrmStore.WriteOutcome outcome, int records) {
        policy.chargeRecords(records);
        notifications.publish(outcome.changes());
        return HttpResponse.status(HttpStatus.valueOf(outcome.status())).body(Json.obj("data", outcome.data()));
    }

    private HttpResponse<?> linkRecords(String module, String id, String relatedList, String relatedId, byte[] body) {
        CrmModule crmModule = module(module);
        checkRelation(crmModule, relatedList);
        if (store.find(crmModule, id).isEmpty()) {
            throw CrmErrors.topLevel(400, "INVALID_DATA", "the id given seems to be invalid", Json.obj("id", id));
        }
        List<?> data = body == null || body.length == 0 ? List.of(Json.obj()) : data(body);
        List<Map<String, Object>> results = store.link(id, relatedList, data, relatedId);
        return HttpResponse.status(HttpStatus.valueOf(CrmStore.status(results, 200))).body(Json.obj("data", results));
    }

    private static void checkRelation(CrmModule module, String relatedList) {
        if (!"Deals".equals(module.apiName()) || !List.of("Products", "Contact_Roles").contains(relatedList)) {
            throw CrmErrors.topLevel(400, "INVALID_DATA", "the related list given seems to be invalid",
                    Json.obj("api_name", relatedList));
        }
    }

    private HttpResponse<?> watchElements(byte[] body, WatchAction action) {
        Map<String, Object> request = parse(body);
        if (!(request.get("watch") instanceof List<?> watch) || watch.isEmpty()) {
            throw CrmErrors.topLevel(400, "MANDATORY_NOT_FOUND", "required field not found", Json.obj("api_name", "watch"));
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (int i = 0; i < watch.size(); i++) {
            if (watch.get(i) instanceof Map<?, ?> element) {
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) element;
                results.add(action.apply(typed, i));
            } else {
                results.add(CrmErrors.invalid("watch", "$.watch[" + i + "]", "jsonobject"));
            }
        }
        return HttpResponse.status(HttpStatus.valueOf(CrmStore.status(results, 200))).body(Json.obj("watch", results));
    }

    private CrmModule module(String name) {
        return CrmModule.of(name).orElseThrow(CrmErrors::invalidModule);
    }

    private Map<String, Object> parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw CrmErrors.requiredParam("data");
        }
        return json.parseObject(body);
    }

    private List<?> data(byte[] body) {
        return data(parse(body));
    }

    private static List<?> data(Map<String, Object> request) {
        if (!(request.get("data") instanceof List<?> data) || data.isEmpty()) {
            throw CrmErrors.requiredParam("data");
        }
        if (data.size() > MAX_RECORDS_PER_WRITE) {
            throw CrmErrors.topLevel(400, "LIMIT_EXCEEDED", "limit exceeded",
                    Json.obj("maximum_length", MAX_RECORDS_PER_WRITE, "api_name", "data"));
        }
        return data;
    }

    @FunctionalInterface
    private interface WatchAction {
        Map<String, Object> apply(Map<String, Object> element, int index);
    }
}
