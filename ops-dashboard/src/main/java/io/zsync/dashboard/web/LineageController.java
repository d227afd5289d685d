package io.zsync.dashboard.web;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.SerdeImport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zsync.dashboard.domain.LineageEntry;
import io.zsync.dashboard.domain.OperatorUser;
import io.zsync.dashboard.domain.RecordLineage;
import io.zsync.dashboard.domain.SourceView;
import io.zsync.dashboard.domain.TargetView;
import io.zsync.dashboard.query.DashboardReader;

import java.util.List;

/** A record's lineage, found by its source id or by the id of any target a flow wrote for it. */
@Controller("/api/lineage")
@Secured({OperatorUser.VIEWER, OperatorUser.OPERATOR})
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "lineage", description = "what happened to one record")
@SerdeImport(RecordLineage.class)
@SerdeImport(LineageEntry.class)
@SerdeImport(SourceView.class)
@SerdeImport(TargetView.class)
public class LineageController {

    private final DashboardReader reader;

    public LineageController(DashboardReader reader) {
        this.reader = reader;
    }

    @Get("/{recordId}")
    @Operation(summary = "A source record's latest state per flow and its recent outcomes, newest first "
            + "(times in epoch millis)")
    @ApiResponse(responseCode = "200", description = "the lineage")
    @ApiResponse(responseCode = "404", description = "no outcome seen for this record")
    public RecordLineage bySource(@PathVariable String recordId) {
        return reader.lineage(recordId)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "no outcome seen for record " + recordId));
    }

    @Get("{?targetId}")
    @Operation(summary = "The lineages of the source records that wrote a target record (e.g. a Books customer id)")
    @ApiResponse(responseCode = "200", description = "lineages, possibly none")
    public List<RecordLineage> byTarget(@QueryValue String targetId) {
        return reader.lineageByTarget(targetId);
    }
}
