package io.zsync.cli.fake;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The dashboard's API as the CLI sees it: Basic auth, an OPERATOR and a VIEWER, JSON shaped like the real one. */
@Controller("/api")
@Requires(property = "spec.name", value = FakeServices.SPEC)
public class FakeDashboardController {

    public static final String OPERATOR = "olga:olga-pass";
    public static final String VIEWER = "victor:victor-pass";

    private final FakeState state;

    public FakeDashboardController(FakeState state) {
        this.state = state;
    }

    @Get("/dead-letters")
    HttpResponse<String> deadLetters(HttpRequest<?> request) {
        if (user(request) == null) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED);
        }
        state.deadLetterQueries.add(request.getUri().getRawQuery() == null ? "" : request.getUri().getRawQuery());
        return json(state.deadLetters);
    }

    @Post(value = "/dead-letters/{id}/redrive", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<String> redrive(HttpRequest<?> request, @PathVariable String id, @Body String body) {
        String user = user(request);
        if (user == null) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED);
        }
        if (!user.equals(OPERATOR)) {
            return HttpResponse.status(HttpStatus.FORBIDDEN);
        }
        if (state.conflicting.contains(id)) {
            return HttpResponse.<String>status(HttpStatus.CONFLICT).body("{\"error\":\"already resolved\"}")
                    .contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        state.redriven.add(id + " " + body);
        return json("{\"id\":\"" + id + "\",\"topic\":\"zoho.crm.contacts.changes\",\"partition\":1,\"offset\":"
                + state.redriven.size() + ",\"redriveCount\":1,\"operator\":\"olga\"}");
    }

    @Get("/lineage/{recordId}")
    HttpResponse<String> lineage(HttpRequest<?> request, @PathVariable String recordId) {
        if (user(request) == null) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED);
        }
        String l = state.lineage.get(recordId);
        return l == null ? HttpResponse.<String>status(HttpStatus.NOT_FOUND).body("{\"message\":\"Not Found\",\"_embedded\":"
                + "{\"errors\":[{\"message\":\"no outcome seen for record " + recordId + "\"}]}}")
                .contentType(MediaType.APPLICATION_JSON_TYPE) : json(l);
    }

    @Get("/lineage{?targetId}")
    HttpResponse<String> byTarget(HttpRequest<?> request, @io.micronaut.http.annotation.QueryValue String targetId) {
        if (user(request) == null) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED);
        }
        String found = state.lineage.values().stream().filter(l -> l.contains("\"" + targetId + "\"")).findFirst()
                .map(l -> "[" + l + "]").orElse("[]");
        return json(found);
    }

    private static String user(HttpRequest<?> request) {
        String auth = request.getHeaders().get("Authorization");
        if (auth == null || !auth.startsWith("Basic ")) {
            return null;
        }
        String decoded = new String(Base64.getDecoder().decode(auth.substring(6)), StandardCharsets.UTF_8);
        return decoded.equals(OPERATOR) || decoded.equals(VIEWER) ? decoded : null;
    }

    static HttpResponse<String> json(String body) {
        return HttpResponse.ok(body).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
