package io.zsync.gateway.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zsync.gateway.domain.Delivery;
import io.zsync.gateway.ops.WebhookSource;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * The webhook endpoints. Each reads the raw body as bytes (signatures are computed over exactly those bytes)
 * and hands it to {@link WebhookIntake} with the source's authenticator and normalizer; no decision is made
 * here. Runs on the blocking executor because a send may wait (boundedly) for broker metadata.
 */
@Controller("/webhooks")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "webhooks")
@ApiResponse(responseCode = "200", description = "every event of the webhook is on its Kafka topic",
        content = @Content(schema = @Schema(implementation = AcceptedBody.class)))
@ApiResponse(responseCode = "400", description = "malformed body, wrong content type, missing or mistyped field, unknown module",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "401", description = "missing or wrong token, signature or JWT",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "413", description = "body over the configured limit",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "503", description = "the broker did not acknowledge in time; retry after Retry-After seconds",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
public class WebhookController {

    private final WebhookIntake intake;
    private final Authenticators sources;
    private final Clock clock;

    public WebhookController(WebhookIntake intake, Authenticators sources, Clock clock) {
        this.intake = intake;
        this.sources = sources;
        this.clock = clock;
    }

    @Post(uri = "/zoho/crm/{org}/notifications", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Zoho CRM notification callback (actions/watch)",
            description = "Authenticated by the channel's token echoed in the body, compared in constant time. One event per id.")
    public CompletableFuture<HttpResponse<?>> crmNotification(
            @Parameter(description = "CRM org id as configured under zsync.gateway.crm.orgs") @PathVariable String org,
            @Nullable @Body byte[] body, HttpRequest<?> request) {
        Delivery delivery = delivery(org, body, request);
        return intake.accept(WebhookSource.ZOHO_CRM_NOTIFICATION, delivery.traceId(), delivery.body().length,
                () -> sources.crmNotification().normalize(delivery));
    }

    @Post(uri = "/hubspot", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "HubSpot webhook batch",
            description = "Authenticated by X-HubSpot-Signature-v3 over method, URL, body and X-HubSpot-Request-Timestamp (5-minute window).")
    public CompletableFuture<HttpResponse<?>> hubSpot(@Nullable @Body byte[] body, HttpRequest<?> request) {
        Delivery delivery = delivery(null, body, request);
        return intake.accept(WebhookSource.HUBSPOT, delivery.traceId(), delivery.body().length, () -> {
            sources.verifyHubSpot(request, delivery.body());
            return sources.hubSpot().normalize(delivery);
        });
    }

    @Post(uri = "/zoho/crm/{org}/workflow/{module}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Zoho CRM workflow-rule webhook",
            description = "Form or JSON template; authenticated by a shared secret in the configured header or template parameter.")
    public CompletableFuture<HttpResponse<?>> crmWorkflow(@PathVariable String org,
                                                          @Parameter(description = "CRM module API name, e.g. Contacts") @PathVariable String module,
                                                          @Nullable @Body byte[] body, HttpRequest<?> request) {
        Delivery delivery = delivery(org, body, request);
        return intake.accept(WebhookSource.ZOHO_CRM_WORKFLOW, delivery.traceId(), delivery.body().length,
                () -> sources.workflow(request, delivery, module));
    }

    @Post(uri = "/zoho/desk/{org}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Zoho Desk webhook batch",
            description = "Authenticated by the X-ZDesk-JWT header: RS256 via the org's JWKS, iss = orgId:<org>, aud = webhookId:<id>, exp.")
    public CompletableFuture<HttpResponse<?>> desk(@Parameter(description = "Desk org id, or its key under zsync.gateway.desk.orgs") @PathVariable String org,
                                                   @Nullable @Body byte[] body, HttpRequest<?> request) {
        Delivery delivery = delivery(org, body, request);
        return intake.accept(WebhookSource.ZOHO_DESK, delivery.traceId(), delivery.body().length,
                () -> sources.desk(request, delivery, clock.instant()));
    }

    @Get(uri = "/zoho/desk/{org}", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Desk's endpoint validation", description = "Desk sends a GET when a webhook is saved and expects 200.")
    public HttpResponse<?> deskValidation(@PathVariable String org) {
        return HttpResponse.ok(java.util.Map.of("status", "ok"));
    }

    @Post(uri = "/zoho/creator/{org}/{entity}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Zoho Creator order submission (Deluge invokeUrl)",
            description = "JSON or form with event, record_id, optional occurred_at/modified_time and business fields; shared-secret header.")
    public CompletableFuture<HttpResponse<?>> creator(@PathVariable String org,
                                                      @Parameter(description = "form, e.g. orders") @PathVariable String entity,
                                                      @Nullable @Body byte[] body, HttpRequest<?> request) {
        Delivery delivery = delivery(org, body, request);
        return intake.accept(WebhookSource.ZOHO_CREATOR, delivery.traceId(), delivery.body().length,
                () -> sources.creator(request, delivery, entity));
    }

    @Post(uri = "/external/{tenant}/{entity}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Generic external CRM webhook",
            description = "One event or an array; authenticated by X-Zsync-Signature: sha256=<hex HMAC-SHA256 of the raw body>.")
    public CompletableFuture<HttpResponse<?>> external(@PathVariable String tenant,
                                                       @Parameter(description = "object, e.g. contacts") @PathVariable String entity,
                                                       @Nullable @Body byte[] body, HttpRequest<?> request) {
        Delivery delivery = delivery(tenant, body, request);
        return intake.accept(WebhookSource.EXTERNAL, delivery.traceId(), delivery.body().length,
                () -> sources.external(request, delivery, entity));
    }

    private Delivery delivery(String org, byte[] body, HttpRequest<?> request) {
        return new Delivery(org, body == null ? new byte[0] : body,
                request.getHeaders().get("Content-Type"), TraceIds.of(request), clock.instant());
    }
}
