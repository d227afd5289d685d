package io.zsync.dashboard.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.zsync.dashboard.query.StoresUnavailableException;
import io.zsync.dashboard.redrive.RedriveException;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/** Maps the API's failures to statuses with a one-sentence JSON error, never a stack trace. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
public class ApiErrors {

    @Error(global = true, exception = IllegalArgumentException.class)
    public HttpResponse<Views.ErrorJson> badRequest(HttpRequest<?> request, IllegalArgumentException e) {
        return HttpResponse.badRequest(new Views.ErrorJson(e.getMessage()));
    }

    @Error(global = true, exception = StoresUnavailableException.class)
    public HttpResponse<Views.ErrorJson> notReady(HttpRequest<?> request, StoresUnavailableException e) {
        return HttpResponse.<Views.ErrorJson>status(io.micronaut.http.HttpStatus.SERVICE_UNAVAILABLE)
                .body(new Views.ErrorJson(e.getMessage()));
    }

    @Error(global = true, exception = InvalidStateStoreException.class)
    public HttpResponse<Views.ErrorJson> rebalancing(HttpRequest<?> request, InvalidStateStoreException e) {
        return HttpResponse.<Views.ErrorJson>status(io.micronaut.http.HttpStatus.SERVICE_UNAVAILABLE)
                .body(new Views.ErrorJson("the dashboard's state moved while reading it; retry shortly"));
    }

    @Error(global = true, exception = RedriveException.class)
    public HttpResponse<Views.ErrorJson> redriveRefused(HttpRequest<?> request, RedriveException e) {
        io.micronaut.http.HttpStatus status = switch (e.kind()) {
            case NOT_FOUND -> io.micronaut.http.HttpStatus.NOT_FOUND;
            case CONFLICT -> io.micronaut.http.HttpStatus.CONFLICT;
            case NOT_REDRIVABLE -> io.micronaut.http.HttpStatus.UNPROCESSABLE_ENTITY;
        };
        return HttpResponse.<Views.ErrorJson>status(status).body(new Views.ErrorJson(e.getMessage()));
    }
}
