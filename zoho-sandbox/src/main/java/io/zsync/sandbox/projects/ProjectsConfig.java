package io.zsync.sandbox.projects;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Zoho Projects settings (§7). The v1 date input format and custom-field syntax are [U].
 *
 * @param portalId         the portal id in paths
 * @param projectIds       projects that exist (comma-separated)
 * @param tasklistId       the default task list ("General")
 * @param inputDateFormat  v1 start_date/end_date input format (MM-dd-yyyy [S/U])
 * @param outputDateFormat portal date format of start_date/end_date in responses
 * @param customFields     task custom fields, "COLUMN=Label" pairs (UDF_CHAR1=Desk Ticket ID,…) [U]
 * @param userId           the user tasks are created by
 * @param userName         that user's name
 */
@ConfigurationProperties(ProjectsConfig.PREFIX)
public record ProjectsConfig(String portalId, String projectIds, String tasklistId, String inputDateFormat,
                             String outputDateFormat, String customFields, String userId, String userName) {

    public static final String PREFIX = "sandbox.projects";

    public List<String> projects() {
        return Arrays.stream(projectIds.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Column name → label, in order. */
    public Map<String, String> customFieldLabels() {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : customFields.split(",")) {
            int colon = pair.indexOf('=');
            if (colon > 0) {
                fields.put(pair.substring(0, colon).trim(), pair.substring(colon + 1).trim());
            }
        }
        return fields;
    }
}
