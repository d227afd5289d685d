package io.zsync.cli.fake;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Zoho's accounts, CRM and Books endpoints as zoho-api.md describes them, reduced to what the CLI calls: token,
 * list a module (204 when empty), watch channels, Books contacts by id and by e-mail.
 */
@Controller
@Requires(property = "spec.name", value = FakeServices.SPEC)
public class FakeZohoController {

    private final FakeState state;

    public FakeZohoController(FakeState state) {
        this.state = state;
    }

    @Post(value = "/oauth/v2/token", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<String> token(@Body String form) {
        return FakeDashboardController.json("{\"access_token\":\"1000.fake\",\"expires_in\":3600,"
                + "\"token_type\":\"Bearer\",\"api_domain\":\"https://www.zohoapis.com\"}");
    }

    @Get("/crm/v8/actions/watch")
    HttpResponse<String> channels() {
        return state.channels.isEmpty() ? HttpResponse.noContent()
                : FakeDashboardController.json("{\"watch\":[" + String.join(",", state.channels) + "]}");
    }

    @Post(value = "/crm/v8/actions/watch", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<String> subscribe(@Body String body) {
        state.watchCalls.add("POST " + body);
        return watchAnswer(body);
    }

    @Patch(value = "/crm/v8/actions/watch", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<String> renew(@Body String body) {
        state.watchCalls.add("PATCH " + body);
        return watchAnswer(body);
    }

    @Delete("/crm/v8/actions/watch")
    HttpResponse<String> disable(@QueryValue("channel_ids") String ids) {
        state.watchCalls.add("DELETE " + ids);
        return FakeDashboardController.json("{\"watch\":[{\"code\":\"SUCCESS\",\"details\":{\"channel_id\":\"" + ids
                + "\"},\"message\":\"Successfully unsubscribed\",\"status\":\"success\"}]}");
    }

    private HttpResponse<String> watchAnswer(String body) {
        if (body.contains("\"Nope.all\"")) {
            return HttpResponse.<String>badRequest("{\"watch\":[{\"code\":\"INVALID_DATA\",\"details\":{\"resource_name\":"
                    + "\"Nope\"},\"message\":\"invalid data\",\"status\":\"error\"}]}").contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        return FakeDashboardController.json("{\"watch\":[{\"code\":\"SUCCESS\",\"details\":{\"events\":[{\"channel_expiry\":"
                + "\"2026-12-03T10:00:00+00:00\",\"resource_name\":\"Contacts\"}]},\"message\":\"Successfully subscribed\","
                + "\"status\":\"success\"}]}");
    }

    @Get("/crm/v8/{module}")
    HttpResponse<String> list(@PathVariable String module, @Nullable @QueryValue("page") Integer page) {
        List<String> records = state.crmRecords.getOrDefault(module, List.of());
        if (records.isEmpty()) {
            return HttpResponse.noContent();
        }
        return FakeDashboardController.json("{\"data\":[" + String.join(",", records) + "],\"info\":{\"per_page\":200,"
                + "\"count\":" + records.size() + ",\"page\":1,\"more_records\":false}}");
    }

    @Get("/books/v3/contacts/{id}")
    HttpResponse<String> contact(@PathVariable String id) {
        return state.booksContacts.stream().filter(c -> c.contains("\"contact_id\":\"" + id + "\"")).findFirst()
                .map(c -> FakeDashboardController.json("{\"code\":0,\"message\":\"success\",\"contact\":" + c + "}"))
                .orElse(HttpResponse.<String>notFound("{\"code\":1002,\"message\":\"Contact does not exist.\"}")
                        .contentType(MediaType.APPLICATION_JSON_TYPE));
    }

    @Get("/books/v3/contacts")
    HttpResponse<String> contacts(HttpRequest<?> request, @Nullable @QueryValue String email) {
        String found = state.booksContacts.stream()
                .filter(c -> email == null || c.toLowerCase().contains("\"email\":\"" + email.toLowerCase() + "\""))
                .collect(Collectors.joining(","));
        return FakeDashboardController.json("{\"code\":0,\"message\":\"success\",\"contacts\":[" + found
                + "],\"page_context\":{\"page\":1,\"has_more_page\":false}}");
    }
}
