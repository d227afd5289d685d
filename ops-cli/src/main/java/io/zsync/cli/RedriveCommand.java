package io.zsync.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.zsync.cli.dashboard.DashboardClient;
import io.zsync.cli.domain.TimeArgument;
import jakarta.inject.Inject;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Re-publishes dead letters to their source topics through the dashboard, which applies the redrive contract
 * (origin REDRIVE, only the dead letter's flow processes it again, event id unchanged, so the services'
 * idempotency ledger prevents duplicate writes) and audits each redrive under the operator's name. Open dead
 * letters only, unless told otherwise; a selector or {@code --all} is required so a typo cannot redrive
 * everything.
 */
@Command(name = "redrive", mixinStandardHelpOptions = true,
        description = "Re-publish dead letters to their source topic (via the dashboard, audited under your login).")
public class RedriveCommand implements Callable<Integer> {

    private static final int PAGE_LIMIT = 10_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--flow", paramLabel = "FLOW", description = "only this flow, e.g. crm-contact-to-books-customer")
    String flow;

    @Option(names = "--error-code", paramLabel = "CODE", description = "only this error code (case-insensitive)")
    String errorCode;

    @Option(names = "--from", paramLabel = "TIME", description = "dead-lettered at or after TIME (ISO instant or age: 90m, 6h, 2d)")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "dead-lettered before TIME (ISO instant or age)")
    String to;

    @Option(names = "--event-id", paramLabel = "ID", description = "only these event ids (repeatable)")
    List<String> eventIds = new ArrayList<>();

    @Option(names = "--record-id", paramLabel = "ID", description = "only dead letters of this source record")
    String recordId;

    @Option(names = "--all", description = "every open dead letter (required when no other selector is given)")
    boolean all;

    @Option(names = "--include-resolved", description = "also dead letters a later completion already resolved")
    boolean includeResolved;

    @Option(names = "--dry-run", description = "list what would be redriven, publish nothing")
    boolean dryRun;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000",
            description = "redrive at most N dead letters (default ${DEFAULT-VALUE})")
    int limit;

    @Inject
    DashboardClient dashboard;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        validate();
        PrintWriter out = spec.commandLine().getOut();
        List<JsonNode> selected = select();
        List<JsonNode> redrivable = selected.stream().filter(d -> d.path("redrivable").asBoolean()).toList();
        List<JsonNode> refused = selected.stream().filter(d -> !d.path("redrivable").asBoolean()).toList();
        if (dryRun) {
            out.println("dry run: would redrive " + redrivable.size() + " of " + selected.size() + " dead letters"
                    + (refused.isEmpty() ? "" : " (" + refused.size() + " cannot be redriven)"));
            redrivable.forEach(d -> out.println("  " + describe(d) + " -> " + d.path("sourceTopic").asText()));
            refused.forEach(d -> out.println("  cannot: " + describe(d) + ": " + d.path("notRedrivableReason").asText()));
            out.flush();
            return 0;
        }
        if (selected.isEmpty()) {
            out.println("no dead letters match; nothing redriven");
            out.flush();
            return 0;
        }
        ProgressBar progress = new ProgressBar(spec.commandLine().getErr(), "redriven", redrivable.size());
        List<String> failures = new ArrayList<>();
        int done = 0;
        for (JsonNode d : redrivable) {
            try {
                JsonNode result = dashboard.post("/api/dead-letters/" + DashboardClient.segment(d.path("id").asText())
                        + "/redrive", Map.of("force", includeResolved));
                done++;
                out.println("redriven " + describe(d) + " -> " + result.path("topic").asText() + "@"
                        + result.path("partition").asInt() + "/" + result.path("offset").asLong());
            } catch (DashboardClient.DashboardException e) {
                failures.add(describe(d) + ": " + e.getMessage());
            }
            progress.step();
        }
        progress.finish();
        refused.forEach(d -> failures.add(describe(d) + ": " + d.path("notRedrivableReason").asText()));
        out.println("redriven " + done + ", not redriven " + failures.size());
        failures.forEach(f -> out.println("  not redriven: " + f));
        out.flush();
        if (!failures.isEmpty()) {
            throw new CliException(failures.size() + " dead letter(s) not redriven (listed above)");
        }
        return 0;
    }

    private void validate() {
        boolean selector = flow != null || errorCode != null || from != null || to != null || !eventIds.isEmpty()
                || recordId != null;
        if (!selector && !all) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "choose what to redrive: --flow, --error-code, --from/--to, --event-id, --record-id, or --all");
        }
        if (limit < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1");
        }
        try {
            Instant f = from == null ? null : TimeArgument.parse(from, clock);
            Instant t = to == null ? null : TimeArgument.parse(to, clock);
            if (f != null && t != null && !f.isBefore(t)) {
                throw new IllegalArgumentException("--from must be before --to");
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private List<JsonNode> select() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("flow", flow);
        query.put("errorCode", errorCode);
        query.put("from", from == null ? null : TimeArgument.parse(from, clock).toString());
        query.put("to", to == null ? null : TimeArgument.parse(to, clock).toString());
        query.put("recordId", recordId);
        query.put("state", includeResolved ? "ALL" : "OPEN");
        query.put("limit", String.valueOf(Math.min(limit, PAGE_LIMIT)));
        List<JsonNode> found = new ArrayList<>();
        if (eventIds.isEmpty()) {
            dashboard.get("/api/dead-letters", query).forEach(found::add);
        } else {
            for (String eventId : eventIds) {
                Map<String, String> one = new LinkedHashMap<>(query);
                one.put("eventId", eventId);
                dashboard.get("/api/dead-letters", one).forEach(found::add);
            }
        }
        return found.size() > limit ? found.subList(0, limit) : found;
    }

    private static String describe(JsonNode d) {
        return d.path("flowId").asText() + " event " + d.path("eventId").asText() + " record "
                + d.path("recordId").asText() + " [" + d.path("errorCode").asText() + "]";
    }
}
