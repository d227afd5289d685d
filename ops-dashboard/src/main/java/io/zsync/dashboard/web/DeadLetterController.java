package io.zsync.dashboard.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.HttpStatus;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zsync.dashboard.domain.DeadLetterEntry;
import io.zsync.dashboard.domain.DeadLetterFilter;
import io.zsync.dashboard.domain.DeadLetterSummary;
import io.zsync.dashboard.domain.OperatorUser;
import io.zsync.dashboard.query.DashboardReader;
import io.zsync.dashboard.redrive.RedriveResult;
import io.zsync.dashboard.redrive.RedriveService;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Dead letters with their original events, and redrive. Reading needs VIEWER; redrive needs OPERATOR and a JSON
 * body, which a cross-site form cannot send (with the SameSite=Strict session cookie, that is the CSRF defence).
 */
@Controller("/api/dead-letters")
@Secured({OperatorUser.VIEWER, OperatorUser.OPERATOR})
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "dead letters", description = "what failed, why, and redrive")
public class DeadLetterController {

    private static final int MAX_LIMIT = 10_000;

    private final DashboardReader reader;
    private final RedriveService redrive;

    public DeadLetterController(DashboardReader reader, RedriveService redrive) {
        this.reader = reader;
        this.redrive = redrive;
    }

    @Get("{?flow,errorCode,from,to,eventId,recordId,state,limit}")
    @Operation(summary = "Dead letters matching the filter, newest first, each with its original event")
    @ApiResponse(responseCode = "200", description = "matching dead letters")
    @ApiResponse(responseCode = "400", description = "a malformed filter")
    public List<Views.DeadLetterJson> list(
            @Parameter(description = "flow id") @Nullable @QueryValue String flow,
            @Parameter(description = "error code (case-insensitive)") @Nullable @QueryValue String errorCode,
            @Parameter(description = "dead-lettered at or after (ISO-8601 instant)") @Nullable @QueryValue String from,
            @Parameter(description = "dead-lettered before (ISO-8601 instant)") @Nullable @QueryValue String to,
            @Parameter(description = "event id") @Nullable @QueryValue String eventId,
            @Parameter(description = "source record id") @Nullable @QueryValue String recordId,
            @Parameter(description = "OPEN (default), RESOLVED or ALL") @Nullable @QueryValue String state,
            @Parameter(description = "at most this many (default 200)") @Nullable @QueryValue Integer limit) {
        int max = limit == null ? 200 : limit;
        if (max < 1 || max > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        DeadLetterFilter filter = new DeadLetterFilter(blankToNull(flow), blankToNull(errorCode), instant("from", from),
                instant("to", to), blankToNull(eventId), blankToNull(recordId), state(state));
        return reader.deadLetters(filter, max).stream().map(JsonMapping::deadLetter).toList();
    }

    @Get("/summary")
    @Operation(summary = "Dead letters by flow and error code (open and resolved), most open first")
    public List<Views.DeadLetterCountJson> summary() {
        DeadLetterFilter all = new DeadLetterFilter(null, null, null, null, null, null, DeadLetterFilter.State.ALL);
        return DeadLetterSummary.of(reader.deadLetters(all, MAX_LIMIT)).stream().map(JsonMapping::count).toList();
    }

    @Get("/{id}")
    @Operation(summary = "One dead letter with its original event")
    @ApiResponse(responseCode = "404", description = "no such dead letter")
    public Views.DeadLetterJson one(@PathVariable String id) {
        return reader.deadLetter(key(id)).map(JsonMapping::deadLetter)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "no dead letter with id " + id));
    }

    @Post("/{id}/redrive")
    @Secured(OperatorUser.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Re-publish the dead letter's original event to its source topic (origin REDRIVE, "
            + "only the dead letter's flow processes it again); logged with the operator's name")
    @ApiResponse(responseCode = "200", description = "published and acknowledged by Kafka")
    @ApiResponse(responseCode = "403", description = "not an OPERATOR")
    @ApiResponse(responseCode = "404", description = "no such dead letter")
    @ApiResponse(responseCode = "409", description = "already resolved by a later completion (send force=true)")
    @ApiResponse(responseCode = "422", description = "cannot be redriven (undecodable original, unknown topic)")
    public RedriveResult redrive(@PathVariable String id, @Body Views.RedriveRequest request,
                                 Authentication authentication) {
        return redrive.redrive(id, authentication.getName(), Boolean.TRUE.equals(request.force()));
    }

    private static String key(String id) {
        try {
            return DeadLetterEntry.decodeId(id);
        } catch (IllegalArgumentException e) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "no dead letter with id " + id);
        }
    }

    private static DeadLetterFilter.State state(String state) {
        if (state == null || state.isBlank()) {
            return DeadLetterFilter.State.OPEN;
        }
        try {
            return DeadLetterFilter.State.valueOf(state.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("state must be OPEN, RESOLVED or ALL, not '" + state + "'");
        }
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 instant such as 2026-11-27T10:00:00Z");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
