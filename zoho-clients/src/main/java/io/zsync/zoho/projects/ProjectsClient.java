package io.zsync.zoho.projects;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.zsync.zoho.budget.CallCost;
import io.zsync.zoho.config.ZohoOrgProperties;
import io.zsync.zoho.config.ZohoOrgRegistry;
import io.zsync.zoho.error.ZohoNotFoundException;
import io.zsync.zoho.http.ZohoCallExecutor;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/**
 * Zoho Projects tasks for the services, in the org's configured portal and (unless given) project, through the
 * v1 form API that zoho-api.md §7.1 confirms.
 */
@Singleton
public class ProjectsClient {
    private final ProjectsApi api;
    private final ProjectsErrorMapper errors;
    private final ZohoCallExecutor executor;
    private final ZohoOrgRegistry orgs;

    public ProjectsClient(ProjectsApi api, ProjectsErrorMapper errors, ZohoCallExecutor executor,
                          ZohoOrgRegistry orgs) {
        this.api = api;
        this.errors = errors;
        this.executor = executor;
        this.orgs = orgs;
    }

    /** Creates a task in the org's default project. */
    public ProjectsTask createTask(String org, ProjectsTaskRequest task) {
        return createTask(org, null, task);
    }

    /** Creates a task in a project ({@code null}: the org's {@code projects-project-id}). */
    public ProjectsTask createTask(String org, @Nullable String projectId, ProjectsTaskRequest task) {
        if (task.name() == null || task.name().isBlank()) {
            throw new IllegalArgumentException("a Projects task needs a name");
        }
        return first(executor.execute(org, errors, CallCost.ONE,
                () -> api.createTask(org, portal(org), project(org, projectId), task.toForm())));
    }

    /** One task, or empty when Projects does not know it. */
    public Optional<ProjectsTask> getTask(String org, @Nullable String projectId, String taskId) {
        try {
            return Optional.of(first(executor.execute(org, errors, CallCost.ONE,
                    () -> api.getTask(org, portal(org), project(org, projectId), taskId))));
        } catch (ZohoNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Updates the given parameters of a task (v1 updates with POST). */
    public ProjectsTask updateTask(String org, @Nullable String projectId, String taskId, ProjectsTaskRequest changes) {
        return first(executor.execute(org, errors, CallCost.ONE,
                () -> api.updateTask(org, portal(org), project(org, projectId), taskId, changes.toForm())));
    }

    private String portal(String org) {
        return required(orgs.org(org).properties().projectsPortalId(), org, "projects-portal-id");
    }

    private String project(String org, @Nullable String projectId) {
        if (projectId != null) {
            return projectId;
        }
        ZohoOrgProperties p = orgs.org(org).properties();
        return required(p.projectsProjectId(), org, "projects-project-id");
    }

    private static String required(@Nullable String value, String org, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("zsync.zoho.orgs." + org + "." + key + " is not set");
        }
        return value;
    }

    private static ProjectsTask first(HttpResponse<ProjectsTasksResponse> r) {
        List<ProjectsTask> tasks = r.getBody().map(ProjectsTasksResponse::tasks).orElse(null);
        if (tasks == null || tasks.isEmpty()) {
            throw new IllegalStateException("Projects answered " + r.code() + " without a task");
        }
        return tasks.get(0);
    }
}
