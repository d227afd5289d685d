package io.zsync.sandbox.creator;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.zsync.sandbox.core.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Zoho Creator v2.1 over HTTP (§8): get and update a record of a report, add a record through a form;
 * every answer is {"code":3000, "data":…, "message"} on success.
 */
@Controller("/creator/v2.1/data/{owner}/{app}")
public class CreatorController {

    private static final int SUCCESS = 3000;

    private final CreatorStore store;
    private final CreatorConfig config;
    private final Json json;

    public CreatorController(CreatorStore store, CreatorConfig config, Json json) {
        this.store = store;
        this.config = config;
        this.json = json;
    }

    @Get("/report/{report}/{id}")
    Map<String, Object> get(@PathVariable String owner, @PathVariable String app, @PathVariable String report,
                            @PathVariable String id) {
        check(owner, app, report, config.report());
        return Json.obj("code", SUCCESS, "data", store.get(id));
    }

    @Get("/report/{report}")
    Map<String, Object> list(@PathVariable String owner, @PathVariable String app, @PathVariable String report) {
        check(owner, app, report, config.report());
        List<Map<String, Object>> records = store.all();
        if (records.isEmpty()) {
            throw new CreatorException(404, 3100, "No Data Available");
        }
        return Json.obj("code", SUCCESS, "data", records);
    }

    /** {"data":{…},"result":{"fields":[…]}}: the answer carries the requested fields (§8). */
    @Patch("/report/{report}/{id}")
    Map<String, Object> update(@PathVariable String owner, @PathVariable String app, @PathVariable String report,
                               @PathVariable String id, @Nullable @Body byte[] body) {
        check(owner, app, report, config.report());
        Map<String, Object> request = parse(body);
        if (!(request.get("data") instanceof Map<?, ?> data)) {
            throw new CreatorException(400, 3001, "data is missing or not an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> updated = store.update(id, (Map<String, Object>) data);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("ID", updated.get("ID"));
        if (request.get("result") instanceof Map<?, ?> result && result.get("fields") instanceof List<?> fields) {
            fields.forEach(f -> answer.put(String.valueOf(f), updated.get(String.valueOf(f))));
        }
        return Json.obj("code", SUCCESS, "data", answer, "message", config.updatedMessage());
    }

    @Post("/form/{form}")
    HttpResponse<?> add(@PathVariable String owner, @PathVariable String app, @PathVariable String form,
                        @Nullable @Body byte[] body) {
        check(owner, app, form, config.form());
        Map<String, Object> request = parse(body);
        Object data = request.get("data");
        List<Map<String, Object>> results = new ArrayList<>();
        List<?> entries = data instanceof List<?> list ? list : data == null ? List.of() : List.of(data);
        if (entries.isEmpty()) {
            throw new CreatorException(400, 3001, "data is missing");
        }
        for (Object entry : entries) {
            if (entry instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> added = store.add((Map<String, Object>) map);
                results.add(Json.obj("code", SUCCESS, "data", Json.obj("ID", added.get("ID")), "message", config.addedMessage()));
            }
        }
        return data instanceof List<?> ? HttpResponse.ok(Json.obj("result", results)) : HttpResponse.ok(results.get(0));
    }

    @Error(exception = CreatorException.class)
    HttpResponse<?> creatorError(CreatorException e) {
        return HttpResponse.status(HttpStatus.valueOf(e.status())).body(e.body());
    }

    @Error(exception = Json.MalformedJsonException.class)
    HttpResponse<?> malformed(Json.MalformedJsonException e) {
        return HttpResponse.badRequest(Json.obj("code", 3001, "message", "Invalid JSON"));
    }

    private void check(String owner, String app, String name, String expected) {
        if (!config.owner().equals(owner)) {
            throw new CreatorException(404, 1040, "No such account owner: " + owner);
        }
        if (!config.app().equals(app) || !expected.equals(name)) {
            throw new CreatorException(404, 1000, "Invalid URL");
        }
    }

    private Map<String, Object> parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new CreatorException(400, 3001, "request body is missing");
        }
        return json.parseObject(body);
    }
}
