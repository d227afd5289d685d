package io.zsync.deskprojects.zoho;

import io.micronaut.core.annotation.Nullable;
import io.zsync.zoho.budget.CallCost;
import io.zsync.zoho.config.ZohoOrgProperties;
import io.zsync.zoho.config.ZohoOrgRegistry;
import io.zsync.zoho.http.ZohoCallExecutor;
import io.zsync.zoho.projects.ProjectsErrorMapper;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the task whose custom field column holds a value (the Desk ticket id): how a task created by an
 * attempt that crashed before recording it is found again. Walks the project's tasks page by page through the
 * shared executor (token, budget, call counting, error mapping).
 */
@Singleton
public class ProjectsTaskLookup {

    static final int PAGE = 100;
    static final int MAX_PAGES = 50;

    /** A task found: its id and API link. */
    public record FoundTask(String id, @Nullable String link) {
    }

    private final ProjectsTaskListApi api;
    private final ProjectsErrorMapper errors;
    private final ZohoCallExecutor executor;
    private final ZohoOrgRegistry orgs;

    public ProjectsTaskLookup(ProjectsTaskListApi api, ProjectsErrorMapper errors, ZohoCallExecutor executor,
                              ZohoOrgRegistry orgs) {
        this.api = api;
        this.errors = errors;
        this.executor = executor;
        this.orgs = orgs;
    }

    public Optional<FoundTask> byCustomField(String org, @Nullable String projectId, String column, String value) {
        ZohoOrgProperties p = orgs.org(org).properties();
        String portal = Objects.requireNonNull(p.projectsPortalId(), "zsync.zoho.orgs." + org + ".projects-portal-id");
        String project = projectId != null ? projectId
                : Objects.requireNonNull(p.projectsProjectId(), "zsync.zoho.orgs." + org + ".projects-project-id");
        for (int page = 0; page < MAX_PAGES; page++) {
            int index = page * PAGE + 1;
            List<Map<String, Object>> rows = executor.execute(org, errors, CallCost.ONE,
                            () -> api.list(org, portal, project, index, PAGE))
                    .getBody().map(ProjectsTaskListApi.TaskRows::tasks).orElse(null);
            if (rows == null || rows.isEmpty()) {
                return Optional.empty();
            }
            for (Map<String, Object> task : rows) {
                if (holds(task, column, value)) {
                    return Optional.of(new FoundTask(id(task), link(task)));
                }
            }
            if (rows.size() < PAGE) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** {@code custom_fields} as a list of {@code {column_name, label_name, value}} (the form v1 returns, [U]). */
    static boolean holds(Map<String, Object> task, String column, String value) {
        if (!(task.get("custom_fields") instanceof List<?> fields)) {
            return false;
        }
        return fields.stream().anyMatch(f -> f instanceof Map<?, ?> field
                && (column.equals(field.get("column_name")) || column.equalsIgnoreCase(String.valueOf(field.get("label_name"))))
                && value.equals(String.valueOf(field.get("value"))));
    }

    static String id(Map<String, Object> task) {
        Object id = task.get("id_string") != null ? task.get("id_string") : task.get("id");
        return String.valueOf(id);
    }

    static @Nullable String link(Map<String, Object> task) {
        if (task.get("link") instanceof Map<?, ?> link && link.get("self") instanceof Map<?, ?> self
                && self.get("url") != null) {
            return String.valueOf(self.get("url"));
        }
        return null;
    }
}
