package io.zsync.dashboard.web;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
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
import io.zsync.dashboard.domain.HealthLevel;
import io.zsync.dashboard.domain.OperatorUser;
import io.zsync.dashboard.domain.Verdict;
import io.zsync.dashboard.health.HealthMonitor;
import io.zsync.dashboard.health.HealthSnapshot;
import io.zsync.dashboard.query.DashboardReader;
import io.zsync.dashboard.query.FlowView;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Flows, consumer lag and dead-letter counts: everything the dashboard page polls, for VIEWERs and OPERATORs. */
@Controller("/api")
@Secured({OperatorUser.VIEWER, OperatorUser.OPERATOR})
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "overview", description = "flow health, throughput, latency and consumer lag")
public class OverviewController {

    /** Longest window a chart may ask for: the per-minute stats are kept 24 h by default. */
    private static final int MAX_MINUTES = 24 * 60;
    /** Dead letters scanned for the overview's counts; beyond this the page shows "at least". */
    private static final int DEAD_LETTER_SCAN = 10_000;

    private final DashboardReader reader;
    private final HealthMonitor monitor;

    public OverviewController(DashboardReader reader, HealthMonitor monitor) {
        this.reader = reader;
        this.monitor = monitor;
    }

    @Get("/overview{?minutes}")
    @Operation(summary = "Everything the dashboard page shows",
            description = "Overall health, each flow over the last `minutes` with a per-minute series, each service's "
                    + "consumer lag, and open dead letters by flow and error code.")
    @ApiResponse(responseCode = "200", description = "the overview")
    @ApiResponse(responseCode = "401", description = "not logged in")
    @ApiResponse(responseCode = "503", description = "the dashboard's state is still being built")
    public Views.OverviewJson overview(@Parameter(description = "window in minutes (1..1440)")
                                       @QueryValue(defaultValue = "60") int minutes) {
        List<Views.FlowJson> flows = flows(minutes);
        HealthSnapshot snapshot = monitor.latest();
        List<DeadLetterEntry> open = reader.deadLetters(DeadLetterFilter.open(), DEAD_LETTER_SCAN);
        List<Views.DeadLetterCountJson> counts = DeadLetterSummary.of(open).stream().map(JsonMapping::count).toList();
        return new Views.OverviewJson(Instant.now().toString(), minutes, JsonMapping.health(snapshot.overall()),
                snapshot.evaluatedAt().toString(), flows, snapshot.groups().stream().map(JsonMapping::group).toList(),
                open.size(), counts);
    }

    @Get("/flows{?minutes}")
    @Operation(summary = "Each flow over the last `minutes`: counts by status, failure rate, retries, API calls, "
            + "latency percentiles (gateway receipt to completion) and a per-minute series")
    @ApiResponse(responseCode = "200", description = "flows by id")
    public List<Views.FlowJson> flows(@Parameter(description = "window in minutes (1..1440)")
                                      @QueryValue(defaultValue = "60") int minutes) {
        if (minutes < 1 || minutes > MAX_MINUTES) {
            throw new IllegalArgumentException("minutes must be between 1 and " + MAX_MINUTES);
        }
        Instant now = Instant.now();
        Map<String, Verdict> verdicts = monitor.latest().flows().stream()
                .collect(Collectors.toMap(HealthSnapshot.FlowHealth::flowId, HealthSnapshot.FlowHealth::verdict));
        List<FlowView> views = reader.flows(now.minus(Duration.ofMinutes(minutes)), now);
        return views.stream().map(v -> JsonMapping.flow(v, verdicts.getOrDefault(v.flowId(),
                new Verdict(HealthLevel.UNKNOWN, "flow " + v.flowId() + " not evaluated yet")))).toList();
    }

    @Get("/lag")
    @Operation(summary = "Each service's consumer lag and the age of its oldest unprocessed event, as last measured")
    @ApiResponse(responseCode = "200", description = "groups in configured order")
    public List<Views.GroupJson> lag() {
        return monitor.latest().groups().stream().map(JsonMapping::group).toList();
    }

    @Get("/me")
    @Operation(summary = "Who is logged in and with which roles (the page hides redrive from VIEWERs)")
    public Views.MeJson me(Authentication authentication) {
        return new Views.MeJson(authentication.getName(),
                authentication.getRoles().stream().sorted().collect(Collectors.toList()));
    }
}
