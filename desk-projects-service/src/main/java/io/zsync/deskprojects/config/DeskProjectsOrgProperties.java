package io.zsync.deskprojects.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.zsync.deskprojects.domain.TaskSettings;

import java.time.ZoneId;
import java.util.List;

/**
 * The flow's settings for one org ({@code zsync.desk-projects.orgs.<org>.*}, the org key of {@code zsync.zoho.orgs};
 * the Projects portal is that org's {@code projects-portal-id}).
 *
 * @param name               the org key
 * @param categories         ticket categories that become tasks
 * @param projectId          Projects project of the tasks (empty: the org's {@code projects-project-id})
 * @param tasklistId         task list of the tasks (empty: the project's default)
 * @param priorityMap        {@code DESK=PROJECTS} pairs, comma-separated
 * @param defaultPriority    Projects priority of an unmapped ticket priority
 * @param dueInDays          days from today to the end date
 * @param timeZone           zone of "today"
 * @param ticketIdColumn     Projects custom field column for the Desk ticket id
 * @param ticketNumberColumn Projects custom field column for the Desk ticket number
 * @param taskIdField        Desk ticket custom field for the task id
 * @param taskLinkField      Desk ticket custom field for the task link
 */
@EachProperty("zsync.desk-projects.orgs")
public record DeskProjectsOrgProperties(
        @Parameter String name,
        @Bindable(defaultValue = "Bug,Feature Request") List<String> categories,
        @Nullable String projectId,
        @Nullable String tasklistId,
        @Bindable(defaultValue = "Low=Low,Medium=Medium,High=High,Urgent=High") String priorityMap,
        @Bindable(defaultValue = "None") String defaultPriority,
        @Bindable(defaultValue = "7") int dueInDays,
        @Bindable(defaultValue = "UTC") String timeZone,
        @Bindable(defaultValue = "UDF_CHAR1") String ticketIdColumn,
        @Bindable(defaultValue = "UDF_CHAR2") String ticketNumberColumn,
        @Bindable(defaultValue = "cf_project_task_id") String taskIdField,
        @Bindable(defaultValue = "cf_project_task_link") String taskLinkField) {

    public TaskSettings settings() {
        return new TaskSettings(categories, TaskSettings.parsePriorities(priorityMap), defaultPriority, dueInDays,
                ZoneId.of(timeZone), ticketIdColumn, ticketNumberColumn, taskIdField, taskLinkField);
    }

    /** The project, or null for the org's default project. */
    public @Nullable String project() {
        return projectId == null || projectId.isBlank() ? null : projectId.trim();
    }

    public @Nullable String tasklist() {
        return tasklistId == null || tasklistId.isBlank() ? null : tasklistId.trim();
    }
}
