package io.zsync.zoho.projects;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;
import java.util.Optional;

/**
 * A Projects v1 task (zoho-api.md §7.1): {@code id} is numeric and {@code id_string} the same as a string;
 * dates come formatted per portal plus {@code *_long} epoch millis.
 *
 * @param id              numeric id, as text
 * @param idString        id as string
 * @param name            name
 * @param completed       completed
 * @param priority        priority
 * @param percentComplete percent complete
 * @param startDate       start date (portal format, e.g. {@code 01-14-2011})
 * @param endDate         end date
 * @param startDateLong   start date epoch millis
 * @param endDateLong     end date epoch millis
 * @param duration        duration
 * @param details         owners etc.
 * @param link            {@code self.url}, {@code timesheet.url}
 * @param tasklist        {@code id}, {@code name}
 * @param status          {@code name}, {@code type}, ... ([U], newer responses)
 */
@Serdeable
public record ProjectsTask(@Nullable String id,
                           @JsonProperty("id_string") @Nullable String idString,
                           @Nullable String name,
                           @Nullable Boolean completed,
                           @Nullable String priority,
                           @JsonProperty("percent_complete") @Nullable String percentComplete,
                           @JsonProperty("start_date") @Nullable String startDate,
                           @JsonProperty("end_date") @Nullable String endDate,
                           @JsonProperty("start_date_long") @Nullable Long startDateLong,
                           @JsonProperty("end_date_long") @Nullable Long endDateLong,
                           @Nullable String duration,
                           @Nullable Map<String, Object> details,
                           @Nullable Map<String, Object> link,
                           @Nullable Map<String, Object> tasklist,
                           @Nullable Map<String, Object> status) {

    /** The id to address the task with: {@code id_string} (exact) or {@code id}. */
    public String taskId() {
        return idString != null ? idString : id;
    }

    /** {@code link.self.url}: the task's API URL, written back on the Desk ticket. */
    @SuppressWarnings("unchecked")
    public Optional<String> selfUrl() {
        if (link != null && link.get("self") instanceof Map<?, ?> self && self.get("url") != null) {
            return Optional.of(String.valueOf(self.get("url")));
        }
        return Optional.empty();
    }
}
