package io.zsync.sandbox.hubspot;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.zsync.sandbox.core.Json;
import io.zsync.sandbox.core.SandboxClock;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * HubSpot CRM v3 contacts over HTTP (§9.1): create 201, read/update 200, archive 204, search with
 * {total, results, paging.next.after}; writes here are API writes (changeSource of an integration).
 */
@Controller("/crm/v3/objects/contacts")
public class HubSpotController {

    private static final int MAX_LIST_LIMIT = 100;
    private static final int MAX_SEARCH_RESULTS = 10_000;

    private final HubSpotStore store;
    private final HubSpotConfig config;
    private final SandboxClock clock;
    private final Json json;

    public HubSpotController(HubSpotStore store, HubSpotConfig config, SandboxClock clock, Json json) {
        this.store = store;
        this.config = config;
        this.clock = clock;
        this.json = json;
    }

    @Post
    HttpResponse<?> create(@Nullable @Body byte[] body) {
        var contact = store.create(properties(body), apiSource());
        return HttpResponse.created(store.renderAll(contact));
    }

    @Get("/{id}")
    Map<String, Object> get(@PathVariable String id, @Nullable @QueryValue String properties,
                            @Nullable @QueryValue String idProperty, @Nullable @QueryValue Boolean archived) {
        var contact = store.find(id, idProperty, Boolean.TRUE.equals(archived))
                .orElseThrow(() -> new HubSpotException(404, "OBJECT_NOT_FOUND", "resource not found"));
        return store.render(contact, names(properties));
    }

    @Patch("/{id}")
    Map<String, Object> update(@PathVariable String id, @Nullable @QueryValue String idProperty, @Nullable @Body byte[] body) {
        String objectId = store.find(id, idProperty, false)
                .orElseThrow(() -> new HubSpotException(404, "OBJECT_NOT_FOUND", "resource not found")).id();
        return store.renderAll(store.update(objectId, properties(body), apiSource()));
    }

    @Delete("/{id}")
    HttpResponse<?> archive(@PathVariable String id) {
        // Archiving an unknown or already archived contact still answers 204, as HubSpot's archive does.
        if (store.find(id, null, false).isPresent()) {
            store.archive(id, apiSource());
        }
        return HttpResponse.noContent();
    }

    @Get
    Map<String, Object> list(@Nullable @QueryValue Integer limit, @Nullable @QueryValue String after,
                             @Nullable @QueryValue String properties) {
        int size = limit == null ? 10 : limit;
        if (size < 1 || size > MAX_LIST_LIMIT) {
            throw new HubSpotException(400, "VALIDATION_ERROR", "limit must be between 1 and " + MAX_LIST_LIMIT);
        }
        int offset = offset(after);
        var all = store.all();
        var page = all.subList(Math.min(offset, all.size()), Math.min(offset + size, all.size()));
        Map<String, Object> body = Json.obj("results", page.stream().map(c -> store.render(c, names(properties))).toList());
        if (offset + size < all.size()) {
            body.put("paging", Json.obj("next", Json.obj("after", String.valueOf(offset + size))));
        }
        return body;
    }

    @Post("/search")
    Map<String, Object> search(@Nullable @Body byte[] body) {
        Map<String, Object> request = body == null || body.length == 0 ? Json.obj() : json.parseObject(body);
        int limit = request.get("limit") instanceof Number n ? n.intValue() : 10;
        if (limit < 1 || limit > config.searchMaxLimit()) {
            throw new HubSpotException(400, "VALIDATION_ERROR", "limit must be between 1 and " + config.searchMaxLimit());
        }
        int offset = offset(request.get("after") == null ? null : String.valueOf(request.get("after")));
        if (offset + limit > MAX_SEARCH_RESULTS) {
            throw new HubSpotException(400, "VALIDATION_ERROR", "at most 10000 results can be paged through");
        }
        var predicate = HubSpotSearch.predicate(request.get("filterGroups"));
        Instant indexedBefore = clock.now().minusMillis(config.searchIndexDelayMs());
        var matches = store.all().stream()
                .filter(c -> config.searchIndexDelayMs() <= 0 || !c.updatedAt().isAfter(indexedBefore))
                .filter(c -> predicate.test(searchable(c)))
                .sorted((a, b) -> HubSpotSearch.sort(request.get("sorts")).compare(searchable(a), searchable(b)))
                .toList();
        List<String> wanted = request.get("properties") instanceof List<?> list && !list.isEmpty()
                ? list.stream().map(String::valueOf).toList() : null;
        var page = matches.subList(Math.min(offset, matches.size()), Math.min(offset + limit, matches.size()));
        Map<String, Object> response = Json.obj("total", matches.size(),
                "results", page.stream().map(c -> store.render(c, wanted)).toList());
        if (offset + limit < matches.size()) {
            response.put("paging", Json.obj("next", Json.obj("after", String.valueOf(offset + limit))));
        }
        return response;
    }

    @Error(exception = HubSpotException.class)
    HttpResponse<?> hubSpotError(HubSpotException e) {
        return HttpResponse.status(HttpStatus.valueOf(e.status())).body(e.body());
    }

    @Error(exception = Json.MalformedJsonException.class)
    HttpResponse<?> malformed(Json.MalformedJsonException e) {
        return HttpResponse.badRequest(HubSpotException.body("Invalid input JSON on line 1", "VALIDATION_ERROR"));
    }

    private HubSpotStore.Source apiSource() {
        return new HubSpotStore.Source(config.apiChangeSource(), String.valueOf(config.appId()));
    }

    private static Map<String, String> searchable(HubSpotStore.Contact contact) {
        Map<String, String> values = new java.util.HashMap<>(contact.properties());
        values.put("hs_object_id", contact.id());
        values.put("createdate", String.valueOf(contact.createdAt().toEpochMilli()));
        values.put("lastmodifieddate", String.valueOf(contact.updatedAt().toEpochMilli()));
        return values;
    }

    private Map<String, Object> properties(byte[] body) {
        if (body == null || body.length == 0) {
            throw new HubSpotException(400, "VALIDATION_ERROR", "A request body with properties is required.");
        }
        Map<String, Object> request = json.parseObject(body);
        if (!(request.get("properties") instanceof Map<?, ?> properties)) {
            throw new HubSpotException(400, "VALIDATION_ERROR", "properties must be an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) properties;
        return typed;
    }

    private static List<String> names(String properties) {
        return properties == null || properties.isBlank() ? null
                : Arrays.stream(properties.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static int offset(String after) {
        if (after == null || after.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(after));
        } catch (NumberFormatException e) {
            throw new HubSpotException(400, "VALIDATION_ERROR", "after must be a paging cursor from a previous page");
        }
    }
}
