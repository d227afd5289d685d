package io.zsync.deskprojects.domain;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One org's rules for turning Desk tickets into Projects tasks.
 *
 * @param categories         ticket categories that become tasks ({@code Bug}, {@code Feature Request}), without case
 * @param priorities         Desk priority to Projects priority ({@code None}, {@code Low}, {@code Medium}, {@code High}),
 *                           keys without case
 * @param defaultPriority    Projects priority of a ticket whose priority is not mapped
 * @param dueInDays          days from the start (today) to the task's end date
 * @param zone               zone in which "today" is taken
 * @param ticketIdColumn     Projects custom field column holding the Desk ticket id ({@code UDF_CHAR1})
 * @param ticketNumberColumn Projects custom field column holding the ticket number ({@code UDF_CHAR2})
 * @param taskIdField        Desk ticket custom field written back with the task id ({@code cf_project_task_id})
 * @param taskLinkField      Desk ticket custom field written back with the task link ({@code cf_project_task_link})
 */
public record TaskSettings(List<String> categories, Map<String, String> priorities, String defaultPriority,
                           int dueInDays, ZoneId zone, String ticketIdColumn, String ticketNumberColumn,
                           String taskIdField, String taskLinkField) {

    /** The priorities Projects v1 accepts (zoho-api.md §7.1). */
    public static final List<String> PROJECTS_PRIORITIES = List.of("None", "Low", "Medium", "High");

    public TaskSettings {
        categories = categories == null ? List.of()
                : categories.stream().filter(c -> c != null && !c.isBlank()).map(String::trim).toList();
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("at least one ticket category must become tasks");
        }
        Map<String, String> normalized = new LinkedHashMap<>();
        if (priorities != null) {
            priorities.forEach((desk, projects) -> normalized.put(desk.trim().toLowerCase(Locale.ROOT),
                    canonical(projects).orElseThrow(() -> new IllegalArgumentException(
                            "Projects priority '" + projects + "' is not one of " + PROJECTS_PRIORITIES))));
        }
        priorities = Map.copyOf(normalized);
        defaultPriority = canonical(defaultPriority == null ? "None" : defaultPriority).orElseThrow(
                () -> new IllegalArgumentException("default priority must be one of " + PROJECTS_PRIORITIES));
        if (dueInDays < 0) {
            throw new IllegalArgumentException("due-in-days must not be negative");
        }
        Objects.requireNonNull(zone, "zone");
        for (String field : new String[] {ticketIdColumn, ticketNumberColumn, taskIdField, taskLinkField}) {
            if (field == null || field.isBlank()) {
                throw new IllegalArgumentException("custom field names must not be blank");
            }
        }
    }

    /** Parses {@code High=High,Urgent=High,Low=Low} (the form an environment variable can carry). */
    public static Map<String, String> parsePriorities(String spec) {
        Map<String, String> map = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            return map;
        }
        for (String pair : spec.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException("priority mapping '" + pair.trim() + "' is not DESK=PROJECTS");
            }
            map.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return map;
    }

    public boolean isTaskCategory(String category) {
        return category != null && categories.stream().anyMatch(c -> c.equalsIgnoreCase(category.trim()));
    }

    /** The Projects priority of a Desk priority: mapped, else the same name if Projects has it, else the default. */
    public String projectsPriority(String deskPriority) {
        if (deskPriority == null || deskPriority.isBlank()) {
            return defaultPriority;
        }
        String mapped = priorities.get(deskPriority.trim().toLowerCase(Locale.ROOT));
        return mapped != null ? mapped : canonical(deskPriority).orElse(defaultPriority);
    }

    /** Desk fields a write-back changes, as the gateway names them in a ticket update ({@code cf}, {@code customFields}). */
    public Set<String> writeBackFields() {
        return Set.of(taskIdField, taskLinkField);
    }

    private static Optional<String> canonical(String priority) {
        return PROJECTS_PRIORITIES.stream().filter(p -> p.equalsIgnoreCase(priority == null ? "" : priority.trim()))
                .findFirst();
    }
}
