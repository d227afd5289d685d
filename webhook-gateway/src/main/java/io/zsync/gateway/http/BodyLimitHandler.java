package io.zsync.gateway.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.ContentLengthExceededHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.zsync.gateway.config.GatewayConfiguration;
import io.zsync.gateway.ops.WebhookSource;
import jakarta.inject.Singleton;

/**
 * The server refuses bodies over {@code micronaut.server.max-request-size} (set to the gateway's limit) before
 * a controller runs; this answers those with the gateway's 413 JSON body and counts them as rejections.
 */
@Produces
@Singleton
@Replaces(ContentLengthExceededHandler.class)
public class BodyLimitHandler implements ExceptionHandler<ContentLengthExceededException, HttpResponse<?>> {

    private final WebhookIntake intake;
    private final GatewayConfiguration config;

    public BodyLimitHandler(WebhookIntake intake, GatewayConfiguration config) {
        this.intake = intake;
        this.config = config;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ContentLengthExceededException exception) {
        return intake.rejected(WebhookSource.fromPath(request.getPath()),
                WebhookIntake.tooLarge(config.maxBodyBytes()), TraceIds.of(request));
    }
}
