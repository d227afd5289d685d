package io.zsync.deskprojects.flow;

import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import io.zsync.contract.ChangeEvent;
import io.zsync.contract.SystemId;
import io.zsync.contract.TargetAction;
import io.zsync.contract.TargetRef;
import io.zsync.deskprojects.config.DeskProjectsOrgProperties;
import io.zsync.deskprojects.config.DeskProjectsOrgs;
import io.zsync.deskprojects.domain.TaskSettings;
import io.zsync.deskprojects.domain.TicketTaskDecision;
import io.zsync.deskprojects.domain.TicketTaskDecision.TaskPlan;
import io.zsync.deskprojects.zoho.ProjectsTaskLookup;
import io.zsync.schemas.TopicSpec;
import io.zsync.schemas.Topics;
import io.zsync.sync.api.FlowInput;
import io.zsync.sync.api.FlowResult;
import io.zsync.sync.api.SyncFlow;
import io.zsync.sync.domain.MappedHash;
import io.zsync.sync.engine.CrashPoints;
import io.zsync.sync.engine.Failures;
import io.zsync.zoho.desk.DeskClient;
import io.zsync.zoho.desk.DeskTicket;
import io.zsync.zoho.projects.ProjectsClient;
import io.zsync.zoho.projects.ProjectsTask;
import io.zsync.zoho.projects.ProjectsTaskRequest;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code desk-ticket-to-projects-task}: a Desk ticket of a task category gets exactly one Projects task (named
 * {@code [category] subject}, due in 7 days, the ticket id and number in custom fields), and the task id and link
 * are written back on the ticket ({@code cf_project_task_id}, {@code cf_project_task_link}).
 */
@Requires(property = "zsync.desk-projects.enabled", notEquals = "false")
@Singleton
public class TicketToTaskFlow implements SyncFlow {

    public static final String ID = "desk-ticket-to-projects-task";
    public static final String TASK_ROLE = "projects.task_id";
    public static final String LINK_ROLE = "projects.task_link";

    private final DeskClient desk;
    private final ProjectsClient projects;
    private final ProjectsTaskLookup lookup;
    private final DeskProjectsOrgs orgs;
    private final JsonMapper json;
    private final CrashPoints crashPoints;
    private final Clock clock = Clock.systemUTC();

    public TicketToTaskFlow(DeskClient desk, ProjectsClient projects, ProjectsTaskLookup lookup, DeskProjectsOrgs orgs,
                            JsonMapper json, CrashPoints crashPoints) {
        this.desk = desk;
        this.projects = projects;
        this.lookup = lookup;
        this.orgs = orgs;
        this.json = json;
        this.crashPoints = crashPoints;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public TopicSpec<String, ChangeEvent> source() {
        return Topics.DESK_TICKETS;
    }

    /**
     * The task custom fields, and the ticket fields the gateway reports when they change ({@code cf} and its
     * label twin {@code customFields}): a ticket update that changed only custom fields is taken for our own
     * write-back. Tickets are routed by category and subject, which are not custom fields.
     */
    @Override
    public Set<String> writeBackFields() {
        return orgs.writeBackFields();
    }

    @Override
    public List<FlowResult> process(List<FlowInput> inputs) {
        List<FlowResult> results = new ArrayList<>(inputs.size());
        // Two events of one ticket in a batch share the ledger entry read before the batch: the task the first
        // created must stop the second from creating another, and stay in the second's ledger entry.
        Map<String, Map<String, String>> createdInBatch = new HashMap<>();
        // The runtime recognises redeliveries by the event ids its ledger held before the batch, so two copies
        // of one webhook delivered in quick succession can arrive together: the copy repeats nothing.
        Map<String, FlowResult> byEvent = new HashMap<>();
        for (FlowInput input : inputs) {
            FlowResult earlier = byEvent.get(input.event().getEventId());
            if (earlier != null) {
                results.add(copyOf(earlier, input.event().getEventId()));
                continue;
            }
            Map<String, String> batchKnown = createdInBatch.getOrDefault(input.recordId(), Map.of());
            FlowResult result;
            try {
                result = processOne(input, batchKnown, createdInBatch);
            } catch (WriteBackFailure e) {
                createdInBatch.put(input.recordId(), e.written);
                FlowResult.Failed failed = Failures.classify(e.cause);
                result = new FlowResult.Failed(failed.code(), failed.message(), failed.retryable(),
                        failed.retryAfter(), Optional.of("desk-write-back"), e.written);
            } catch (RuntimeException e) {
                FlowResult.Failed failed = Failures.classify(e);
                result = new FlowResult.Failed(failed.code(), failed.message(), failed.retryable(),
                        failed.retryAfter(), Optional.of("projects-task"), batchKnown);
            }
            results.add(result);
            byEvent.put(input.event().getEventId(), result);
        }
        return results;
    }

    private FlowResult processOne(FlowInput input, Map<String, String> batchKnown,
                                  Map<String, Map<String, String>> createdInBatch) {
        ChangeEvent event = input.event();
        String org = orgs.orgKey(input.org());
        TaskSettings settings = orgs.settings(org);
        Optional<String> early = TicketTaskDecision.skipBeforeReading(event.getOperation(), event.getChangedValues(),
                settings);
        if (early.isPresent()) {
            return new FlowResult.Skipped(early.get(), batchKnown, null);
        }
        // the webhook body is not signed (only the JWT is), so the ticket is read from Desk itself
        Optional<DeskTicket> ticket = desk.getTicket(org, input.recordId());
        Optional<String> knownTask = Optional.ofNullable(batchKnown.get(TASK_ROLE)).or(() -> input.knownTarget(TASK_ROLE));
        Optional<String> knownLink = Optional.ofNullable(batchKnown.get(LINK_ROLE)).or(() -> input.knownTarget(LINK_ROLE));
        LocalDate today = LocalDate.now(clock.withZone(settings.zone()));
        TicketTaskDecision.Outcome outcome = TicketTaskDecision.decide(ticket.map(TicketToTaskFlow::facts), knownTask,
                knownLink, input.mayHaveWritten(), today, settings);
        if (outcome instanceof TicketTaskDecision.Skip skip) {
            return new FlowResult.Skipped(skip.reason(), batchKnown, null);
        }
        DeskTicket t = ticket.orElseThrow();
        String taskId;
        String link;
        TargetAction action;
        String name = null;
        if (outcome instanceof TicketTaskDecision.Linked linked) {
            // an earlier attempt created the task and wrote it back, then crashed before recording it
            Map<String, String> written = new HashMap<>();
            written.put(TASK_ROLE, linked.taskId());
            if (linked.taskLink() != null) {
                written.put(LINK_ROLE, linked.taskLink());
            }
            createdInBatch.put(input.recordId(), written);
            return new FlowResult.Succeeded(List.of(
                    new TargetRef(SystemId.ZOHO_PROJECTS, "tasks", linked.taskId(), TargetAction.MATCHED, null),
                    new TargetRef(SystemId.ZOHO_DESK, "tickets", t.id(), TargetAction.UNCHANGED, t.ticketNumber())),
                    written, MappedHash.of(TicketTaskDecision.writeBack(settings, linked.taskId(), linked.taskLink())),
                    Map.of("task", TargetAction.MATCHED.name(), "category", String.valueOf(t.category())));
        }
        if (outcome instanceof TicketTaskDecision.WriteBackOnly known) {
            taskId = known.taskId();
            link = known.taskLink();
            action = TargetAction.UNCHANGED;
        } else {
            TaskPlan plan = ((TicketTaskDecision.Create) outcome).task();
            DeskProjectsOrgProperties props = orgs.properties(org);
            name = plan.name();
            Optional<ProjectsTaskLookup.FoundTask> found = Optional.empty();
            if (input.mayHaveWritten() || createdInBatch.containsKey(input.recordId())) {
                // an earlier attempt may have created the task and crashed before recording it
                found = lookup.byCustomField(org, props.project(), settings.ticketIdColumn(), t.id());
            }
            if (found.isPresent()) {
                taskId = found.get().id();
                link = found.get().link();
                action = TargetAction.MATCHED;
            } else {
                ProjectsTask created = projects.createTask(org, props.project(), new ProjectsTaskRequest(plan.name(),
                        null, props.tasklist(), plan.startDate(), plan.endDate(), null, null, plan.priority(),
                        plan.description(), toJson(plan.customFields())));
                crashPoints.reached(CrashPoints.AFTER_TARGET_WRITE);
                taskId = created.taskId();
                link = created.selfUrl().orElse(null);
                action = TargetAction.CREATED;
            }
        }
        Map<String, String> written = new HashMap<>();
        written.put(TASK_ROLE, taskId);
        if (link != null) {
            written.put(LINK_ROLE, link);
        }
        createdInBatch.put(input.recordId(), written);
        Map<String, Object> cf = TicketTaskDecision.writeBack(settings, taskId, link);
        try {
            desk.updateTicket(org, t.id(), Map.of("cf", cf));
        } catch (RuntimeException e) {
            throw new WriteBackFailure(e, written);
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("task", action.name());
        details.put("category", String.valueOf(t.category()));
        return new FlowResult.Succeeded(List.of(
                new TargetRef(SystemId.ZOHO_PROJECTS, "tasks", taskId, action, name),
                new TargetRef(SystemId.ZOHO_DESK, "tickets", t.id(), TargetAction.UPDATED, t.ticketNumber())),
                written, MappedHash.of(cf), details);
    }

    /** A copy of an event already handled in this batch: skipped, keeping what the first copy recorded. */
    static FlowResult copyOf(FlowResult first, String eventId) {
        String reason = "event " + eventId + " was already processed in this batch";
        if (first instanceof FlowResult.Succeeded ok) {
            return new FlowResult.Skipped(reason, ok.ledgerTargets(), ok.mappedHash());
        }
        if (first instanceof FlowResult.Skipped skipped) {
            return new FlowResult.Skipped(reason, skipped.ledgerTargets(), skipped.mappedHash());
        }
        return first;
    }

    static TicketTaskDecision.Ticket facts(DeskTicket t) {
        return new TicketTaskDecision.Ticket(t.id(), t.ticketNumber(), t.subject(), t.description(), t.category(),
                t.priority(), t.cf());
    }

    private String toJson(Map<String, String> customFields) {
        try {
            return json.writeValueAsString(customFields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The task exists but the ticket could not be told. */
    static final class WriteBackFailure extends RuntimeException {
        final RuntimeException cause;
        final Map<String, String> written;

        WriteBackFailure(RuntimeException cause, Map<String, String> written) {
            super(cause);
            this.cause = cause;
            this.written = Map.copyOf(written);
        }
    }
}
