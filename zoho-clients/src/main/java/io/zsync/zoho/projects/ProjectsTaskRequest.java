package io.zsync.zoho.projects;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parameters of a Projects v1 task create or update, sent as a form (not JSON). Dates are {@code MM-dd-yyyy}
 * ([S/U] in zoho-api.md §7.1); custom fields go as a {@code custom_fields} JSON string keyed by column names
 * such as {@code UDF_CHAR1} ([U]). On update only the parameters given change.
 *
 * @param name              task name (required on create)
 * @param personResponsible comma-separated user ids
 * @param tasklistId        task list
 * @param startDate         start date
 * @param endDate           end (due) date
 * @param duration          duration
 * @param durationType      {@code days} or {@code hrs} ([U])
 * @param priority          {@code None}, {@code Low}, {@code Medium}, {@code High}
 * @param description       description
 * @param customFieldsJson  custom fields as a JSON object string ([U])
 */
public record ProjectsTaskRequest(@Nullable String name, @Nullable String personResponsible,
                                  @Nullable String tasklistId, @Nullable LocalDate startDate,
                                  @Nullable LocalDate endDate, @Nullable String duration,
                                  @Nullable String durationType, @Nullable String priority,
                                  @Nullable String description, @Nullable String customFieldsJson) {
    /** The v1 input date format. */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM-dd-yyyy");

    /** A task with a name, description, priority and due date. */
    public static ProjectsTaskRequest of(String name, @Nullable String description, @Nullable String priority,
                                         @Nullable LocalDate endDate) {
        return new ProjectsTaskRequest(name, null, null, null, endDate, null, null, priority, description, null);
    }

    /** The form parameters, without unset ones. */
    public Map<String, String> toForm() {
        Map<String, String> f = new LinkedHashMap<>();
        put(f, "name", name);
        put(f, "person_responsible", personResponsible);
        put(f, "tasklist_id", tasklistId);
        put(f, "start_date", startDate == null ? null : startDate.format(DATE));
        put(f, "end_date", endDate == null ? null : endDate.format(DATE));
        put(f, "duration", duration);
        put(f, "duration_type", durationType);
        put(f, "priority", priority);
        put(f, "description", description);
        put(f, "custom_fields", customFieldsJson);
        return f;
    }

    private static void put(Map<String, String> f, String key, @Nullable String value) {
        if (value != null) {
            f.put(key, value);
        }
    }
}
