package io.zsync.sandbox.projects;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.zsync.sandbox.core.Json;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Zoho Projects over HTTP (§7): the v1 "restapi" with form-encoded parameters (update is POST, paths end
 * with a slash) and the v3 JSON API; both answer {"tasks":[…]}.
 */
@Controller
public class ProjectsController {

    private static final DateTimeFormatter V3_DATES = DateTimeFormatter.ISO_LOCAL_DATE;

    private final ProjectsStore store;
    private final ProjectsConfig config;
    private final Json json;

    public ProjectsController(ProjectsStore store, ProjectsConfig config, Json json) {
        this.store = store;
        this.config = config;
        this.json = json;
    }

    // ---------------------------------------------------------------- v1 (form parameters)

    @Post(uri = "/restapi/portal/{portal}/projects/{project}/tasks/", consumes = MediaType.ALL)
    HttpResponse<?> createV1(HttpRequest<?> request, @PathVariable String portal, @PathVariable String project,
                             @Nullable @Body byte[] body) {
        check(portal, project);
        Map<String, Object> task = store.create(project, form(request, body), v1Dates());
        return HttpResponse.created(Json.obj("tasks", List.of(task)));
    }

    @Get("/restapi/portal/{portal}/projects/{project}/tasks/")
    HttpResponse<?> listV1(@PathVariable String portal, @PathVariable String project) {
        check(portal, project);
        List<Map<String, Object>> tasks = store.list(project);
        return tasks.isEmpty() ? HttpResponse.noContent() : HttpResponse.ok(Json.obj("tasks", tasks));
    }

    @Get("/restapi/portal/{portal}/projects/{project}/tasks/{task}/")
    Map<String, Object> getV1(@PathVariable String portal, @PathVariable String project, @PathVariable String task) {
        check(portal, project);
        return Json.obj("tasks", List.of(store.get(project, task)));
    }

    /** v1 updates with POST, not PUT (§7.1). */
    @Post(uri = "/restapi/portal/{portal}/projects/{project}/tasks/{task}/", consumes = MediaType.ALL)
    Map<String, Object> updateV1(HttpRequest<?> request, @PathVariable String portal, @PathVariable String project,
                                 @PathVariable String task, @Nullable @Body byte[] body) {
        check(portal, project);
        return Json.obj("tasks", List.of(store.update(project, task, form(request, body), v1Dates())));
    }

    @Delete("/restapi/portal/{portal}/projects/{project}/tasks/{task}/")
    Map<String, Object> deleteV1(@PathVariable String portal, @PathVariable String project, @PathVariable String task) {
        check(portal, project);
        store.delete(project, task);
        return Json.obj("response", "Task Deleted Successfully");
    }

    // ---------------------------------------------------------------- v3 (JSON; body shape [U])

    @Post(uri = "/api/v3/portal/{portal}/projects/{project}/tasks", consumes = MediaType.ALL)
    HttpResponse<?> createV3(@PathVariable String portal, @PathVariable String project, @Nullable @Body byte[] body) {
        check(portal, project);
        return HttpResponse.created(Json.obj("tasks", List.of(store.create(project, jsonBody(body), V3_DATES))));
    }

    @Get("/api/v3/portal/{portal}/projects/{project}/tasks/{task}")
    Map<String, Object> getV3(@PathVariable String portal, @PathVariable String project, @PathVariable String task) {
        check(portal, project);
        return Json.obj("tasks", List.of(store.get(project, task)));
    }

    @Patch(uri = "/api/v3/portal/{portal}/projects/{project}/tasks/{task}", consumes = MediaType.ALL)
    Map<String, Object> updateV3(@PathVariable String portal, @PathVariable String project, @PathVariable String task,
                                 @Nullable @Body byte[] body) {
        check(portal, project);
        return Json.obj("tasks", List.of(store.update(project, task, jsonBody(body), V3_DATES)));
    }

    @Error(exception = ProjectsException.class)
    HttpResponse<?> projectsError(ProjectsException e) {
        return HttpResponse.status(HttpStatus.valueOf(e.status())).body(e.body());
    }

    @Error(exception = Json.MalformedJsonException.class)
    HttpResponse<?> malformed(Json.MalformedJsonException e) {
        return HttpResponse.badRequest(ProjectsException.body(6832, "Input Parameter Does not Match the Pattern Specified"));
    }

    private void check(String portal, String project) {
        if (!store.isPortal(portal) || !store.isProject(project)) {
            throw new ProjectsException(404, 6404, "Resource Not Found");
        }
    }

    private DateTimeFormatter v1Dates() {
        return DateTimeFormatter.ofPattern(config.inputDateFormat());
    }

    private Map<String, Object> jsonBody(byte[] body) {
        if (body == null || body.length == 0) {
            return new LinkedHashMap<>();
        }
        return json.parseObject(body);
    }

    /** Query parameters plus the form body (v1 sends form parameters, §7.1). */
    private static Map<String, Object> form(HttpRequest<?> request, byte[] body) {
        Map<String, Object> params = new LinkedHashMap<>();
        request.getParameters().forEach((name, values) -> {
            if (!values.isEmpty()) {
                params.put(name, values.get(0));
            }
        });
        if (body != null && body.length > 0) {
            for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }
}
