package io.zsync.zoho.support;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Every path of every fake product, answered from {@link FakeZohoState}. */
@Controller
@Requires(property = "spec.name", value = FakeZoho.SPEC)
public class FakeZohoController {
    private final FakeZohoState state;

    public FakeZohoController(FakeZohoState state) {
        this.state = state;
    }

    @Post(value = "/oauth/v2/token", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    CompletableFuture<MutableHttpResponse<String>> token(HttpRequest<?> request, @Body Map<String, String> form) {
        return state.token(request, form);
    }

    // Projects v1 takes form parameters, not JSON.
    @Post(value = "/restapi/{+path}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    CompletableFuture<MutableHttpResponse<String>> projectsForm(HttpRequest<?> request, String path,
                                                               @Body Map<String, String> form) {
        return state.handle(request, form.toString());
    }

    @Get("/{+path}")
    CompletableFuture<MutableHttpResponse<String>> get(HttpRequest<?> request, String path) {
        return state.handle(request, null);
    }

    @Delete("/{+path}")
    CompletableFuture<MutableHttpResponse<String>> delete(HttpRequest<?> request, String path) {
        return state.handle(request, null);
    }

    @Post(value = "/{+path}", consumes = MediaType.APPLICATION_JSON)
    CompletableFuture<MutableHttpResponse<String>> post(HttpRequest<?> request, String path,
                                                       @Nullable @Body String body) {
        return state.handle(request, body);
    }

    @Put(value = "/{+path}", consumes = MediaType.APPLICATION_JSON)
    CompletableFuture<MutableHttpResponse<String>> put(HttpRequest<?> request, String path,
                                                      @Nullable @Body String body) {
        return state.handle(request, body);
    }

    @Patch(value = "/{+path}", consumes = MediaType.APPLICATION_JSON)
    CompletableFuture<MutableHttpResponse<String>> patch(HttpRequest<?> request, String path,
                                                        @Nullable @Body String body) {
        return state.handle(request, body);
    }
}
