package io.zsync.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.zsync.cli.dashboard.DashboardClient;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Shows what happened to one record, from the dashboard's lineage view: the latest outcome per flow and the recent
 * history. It asks the dashboard rather than reading Kafka because the dashboard already holds the lineage as
 * state (reading it from the topics would mean replaying a week of outcomes per question).
 */
@Command(name = "lineage", mixinStandardHelpOptions = true,
        description = "Show a record's sync history: latest state per flow and recent outcomes, newest first.")
public class LineageCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RECORD-ID", description = "source record id (or a target id with --target)")
    String recordId;

    @Option(names = "--target", description = "RECORD-ID is a target id (e.g. a Books customer id)")
    boolean target;

    @Inject
    DashboardClient dashboard;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<JsonNode> lineages = new ArrayList<>();
        if (target) {
            dashboard.get("/api/lineage", Map.of("targetId", recordId)).forEach(lineages::add);
            if (lineages.isEmpty()) {
                throw new CliException("no source record wrote target " + recordId);
            }
        } else {
            try {
                lineages.add(dashboard.get("/api/lineage/" + DashboardClient.segment(recordId), Map.of()));
            } catch (DashboardClient.DashboardException e) {
                if (e.status() == 404) {
                    throw new CliException("no outcome seen for record " + recordId);
                }
                throw e;
            }
        }
        lineages.forEach(l -> print(out, l));
        out.flush();
        return 0;
    }

    static void print(PrintWriter out, JsonNode lineage) {
        JsonNode source = lineage.path("source");
        out.println("record " + lineage.path("recordId").asText()
                + (source.isObject() ? " (" + source.path("system").asText() + " " + source.path("entityType").asText()
                + ", org " + source.path("orgId").asText() + ")" : ""));
        out.println("latest per flow:");
        lineage.path("latestByFlow").fields().forEachRemaining(e -> out.println("  " + line(e.getValue())));
        out.println("history (newest first):");
        lineage.path("history").forEach(entry -> out.println("  " + line(entry)));
    }

    static String line(JsonNode e) {
        StringBuilder sb = new StringBuilder();
        sb.append(Instant.ofEpochMilli(e.path("at").asLong())).append("  ")
                .append(e.path("flowId").asText()).append("  ")
                .append(e.path("status").asText())
                .append("  attempts=").append(e.path("attempts").asInt());
        List<String> targets = new ArrayList<>();
        e.path("targets").forEach(t -> targets.add(t.path("system").asText() + ":" + t.path("recordId").asText()
                + "(" + t.path("action").asText() + ")"));
        if (!targets.isEmpty()) {
            sb.append("  targets=").append(String.join(",", targets));
        }
        if (e.hasNonNull("errorCode")) {
            sb.append("  error=").append(e.get("errorCode").asText());
            if (e.hasNonNull("errorMessage")) {
                sb.append(": ").append(e.get("errorMessage").asText());
            }
        }
        if (e.hasNonNull("skipReason")) {
            sb.append("  skipped: ").append(e.get("skipReason").asText());
        }
        sb.append("  event=").append(e.path("eventId").asText());
        return sb.toString();
    }
}
