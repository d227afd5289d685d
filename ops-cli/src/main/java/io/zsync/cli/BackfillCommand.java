package io.zsync.cli;

import io.zsync.cli.domain.BackfillDecision;
import io.zsync.cli.domain.BackfillEvents;
import io.zsync.cli.domain.BackfillPlan;
import io.zsync.cli.domain.BackfillPlanner;
import io.zsync.cli.domain.CrmContactFacts;
import io.zsync.cli.domain.TargetCandidate;
import io.zsync.cli.kafka.ChangeEventSink;
import io.zsync.contract.ChangeEvent;
import io.zsync.contract.SystemId;
import io.zsync.schemas.TopicSpec;
import io.zsync.schemas.Topics;
import io.zsync.zoho.books.BooksClient;
import io.zsync.zoho.books.BooksContact;
import io.zsync.zoho.config.ZohoOrgRegistry;
import io.zsync.zoho.crm.CrmClient;
import io.zsync.zoho.crm.CrmListQuery;
import io.zsync.zoho.crm.CrmRecord;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.RecordMetadata;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;

/**
 * Walks a Zoho CRM module and publishes one BACKFILL change event per existing record to the module's change
 * topic; the services then match existing targets before creating anything (search before create), so a first
 * sync does not duplicate customers. {@code --dry-run} publishes nothing and prints the plan: for Contacts it looks
 * every record up in Books as the contact-to-customer flow would and counts match / create / skip.
 */
@Command(name = "backfill", mixinStandardHelpOptions = true,
        description = "Sync existing records of a Zoho CRM module by publishing BACKFILL change events.")
public class BackfillCommand implements Callable<Integer> {

    private static final int PER_PAGE = 200;

    @Spec
    CommandSpec spec;

    @Option(names = "--org", required = true, paramLabel = "ORG", description = "org name (a key of zsync.zoho.orgs)")
    String org;

    @Option(names = "--module", defaultValue = "Contacts", paramLabel = "MODULE",
            description = "CRM module: Contacts, Leads or Deals (default ${DEFAULT-VALUE})")
    String module;

    @Option(names = "--since", paramLabel = "TIME", description = "only records modified after TIME (ISO-8601 date-time)")
    String since;

    @Option(names = "--dry-run", description = "publish nothing; print the plan (match / create / skip)")
    boolean dryRun;

    @Option(names = "--customer-id-field", defaultValue = "Books_Customer_ID", paramLabel = "FIELD",
            description = "CRM contact field holding the Books customer id (default ${DEFAULT-VALUE})")
    String customerIdField;

    @Option(names = "--crm-id-field", paramLabel = "API_NAME",
            description = "Books contact custom field keeping the CRM contact id, if the flow writes one")
    String crmIdField;

    @Option(names = "--verbose", description = "with --dry-run: one line per record")
    boolean verbose;

    @Inject
    CrmClient crm;
    @Inject
    BooksClient books;
    @Inject
    ZohoOrgRegistry orgs;
    @Inject
    ChangeEventSink sink;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        TopicSpec<String, ChangeEvent> topic = Topics.changesFor(SystemId.ZOHO_CRM, module).orElseThrow(() ->
                new CommandLine.ParameterException(spec.commandLine(), "module '" + module
                        + "' has no change topic; choose Contacts, Leads or Deals"));
        OffsetDateTime modifiedSince = parseSince();
        if (!orgs.isZohoOrg(org)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown org '" + org
                    + "': configure zsync.zoho.orgs." + org + " (known: " + String.join(", ", orgs.orgNames()) + ")");
        }
        boolean contacts = "contacts".equalsIgnoreCase(module);
        List<String> fields = new ArrayList<>(List.of("id", "Modified_Time"));
        if (contacts) {
            fields.addAll(List.of("Email", customerIdField));
        }
        CrmListQuery query = new CrmListQuery(module, fields, modifiedSince, PER_PAGE, null, null, null);
        return dryRun ? plan(query, contacts) : publish(query, topic);
    }

    private int plan(CrmListQuery query, boolean contacts) {
        PrintWriter out = spec.commandLine().getOut();
        BackfillPlan plan = new BackfillPlan();
        ProgressBar progress = new ProgressBar(spec.commandLine().getErr(), "records planned", 0);
        crm.forEachPage(org, query, page -> {
            progress.total(plan.decisions().size() + plan.unplanned() + page.records().size()
                    + (page.moreRecords() ? PER_PAGE : 0));
            for (CrmRecord record : page.records()) {
                if (contacts) {
                    BackfillDecision d = decide(record);
                    plan.add(d);
                    if (verbose) {
                        out.println("  " + d.action().name().toLowerCase() + " " + d.recordId() + ": " + d.how()
                                + (d.targetId() == null ? "" : " (Books " + d.targetId() + ")"));
                    }
                } else {
                    plan.addUnplanned();
                }
                progress.step();
            }
        });
        progress.finish();
        out.println("dry run: " + module + " of org " + org + (since == null ? "" : " modified after " + since));
        if (contacts) {
            out.println("  match:  " + plan.count(BackfillDecision.Action.MATCH) + " (an existing Books contact will be updated)");
            out.println("  create: " + plan.count(BackfillDecision.Action.CREATE) + " (no Books contact yet)");
            out.println("  skip:   " + plan.count(BackfillDecision.Action.SKIP) + " (not published)");
        } else {
            out.println("  no target matcher for " + module + ": " + plan.unplanned()
                    + " records would be published; the services match before they create");
        }
        out.println("  events to publish: " + plan.toPublish() + "; nothing was published");
        out.flush();
        return 0;
    }

    private BackfillDecision decide(CrmRecord record) {
        String id = Objects.requireNonNull(record.id(), "CRM record without id");
        String kept = blankToNull(record.string(customerIdField));
        CrmContactFacts facts = new CrmContactFacts(id, blankToNull(record.email()), kept,
                blankToNull(record.string("Modified_Time")));
        boolean keptExists = kept != null && books.getContact(org, kept).isPresent();
        List<TargetCandidate> candidates = List.of();
        if (!keptExists && facts.email() != null && facts.modifiedTime() != null) {
            candidates = books.searchContactsByEmail(org, facts.email()).stream().map(this::candidate).toList();
        }
        return BackfillPlanner.decide(facts, keptExists, candidates);
    }

    private TargetCandidate candidate(BooksContact c) {
        String crmId = null;
        if (crmIdField != null && c.customFields() != null) {
            crmId = c.customFields().stream()
                    .filter(f -> crmIdField.equals(f.get("api_name")) && f.get("value") != null)
                    .map(f -> String.valueOf(f.get("value"))).findFirst().orElse(null);
        }
        return new TargetCandidate(c.contactId(), c.primaryEmail().orElse(null), crmId);
    }

    private int publish(CrmListQuery query, TopicSpec<String, ChangeEvent> topic) {
        PrintWriter out = spec.commandLine().getOut();
        String traceId = "backfill-" + UUID.randomUUID();
        ProgressBar progress = new ProgressBar(spec.commandLine().getErr(), "events published", 0);
        long[] counts = new long[2];
        List<Future<RecordMetadata>> pending = new ArrayList<>();
        crm.forEachPage(org, query, page -> {
            progress.total(counts[0] + counts[1] + page.records().size() + (page.moreRecords() ? PER_PAGE : 0));
            for (CrmRecord record : page.records()) {
                String version = blankToNull(record.string("Modified_Time"));
                if (version == null || record.id() == null) {
                    counts[1]++;
                } else {
                    pending.add(sink.send(topic, BackfillEvents.event(org, module, record.id(), version,
                            clock.instant(), traceId)));
                    counts[0]++;
                }
                progress.step();
            }
            // Wait page by page: a broker outage stops the walk instead of buffering a whole module.
            pending.forEach(sink::await);
            pending.clear();
        });
        progress.finish();
        out.println("published " + counts[0] + " BACKFILL events to " + topic.name() + ", skipped " + counts[1]
                + " without Modified_Time (trace " + traceId + ")");
        out.flush();
        return 0;
    }

    private OffsetDateTime parseSince() {
        if (since == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(since);
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(since).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--since '" + since + "' is not an ISO-8601 date-time such as 2026-11-01T00:00:00Z");
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
