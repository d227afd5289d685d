package io.zsync.gateway.http;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * The benchmark's baseline: reads the body like the webhook endpoints and answers 200 with no work, on the
 * same executor, so the benchmark measures what verifying, normalizing and durable publishing cost. Only
 * present with {@code zsync.gateway.bare-endpoint=true}.
 */
@Controller("/bench")
@Requires(property = "zsync.gateway.bare-endpoint", value = "true")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class BareController {

    @Post(uri = "/bare", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> bare(@Nullable @Body byte[] body) {
        return HttpResponse.ok("{\"accepted\":" + (body == null ? 0 : 1) + "}");
    }
}
