package io.zsync.sandbox.desk;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Zoho Desk settings (§6). Statuses the doc leaves open are switches [U].
 *
 * @param orgIds              Desk org ids a token may address in the {@code orgId} header
 * @param departmentIds       valid {@code departmentId}s
 * @param ticketCustomFields  {@code cf_*} api names tickets accept
 * @param strictCustomFields  reject unknown {@code cf_*} keys on tickets
 * @param statusTypes         status → statusType map ("Open=Open,On Hold=On Hold,…"); unknown statuses are Open
 * @param validationStatus    HTTP status of validation errors (422 or 400 [U])
 * @param missingErrorType    {@code errorType} of a missing mandatory field ("missing" [U])
 * @param createStatus        HTTP status of a successful create (200 observed [S/U]; 201 possible)
 * @param emptyListStatus     HTTP status of an empty list or search (204 [U]; 200 gives {"data":[]})
 * @param fromBase            whether {@code from} is 0- or 1-based [U]
 * @param jwtLifetimeSeconds  lifetime of the X-ZDesk-JWT
 * @param jwtMillis           write iat/exp in milliseconds instead of seconds (doc inconsistent [S])
 * @param webhookTimeoutMs    receiver timeout (5 s [S])
 * @param ticketNumberStart   first ticket number
 * @param defaultDueHours     dueDate of a new ticket without one, hours after creation (0 = none) [U]
 * @param portalName          portal name used in webUrl links
 * @param creditsPerDay       API credits per rolling 24 h (§6.5; 0 = unlimited)
 */
@ConfigurationProperties(DeskConfig.PREFIX)
public record DeskConfig(
        String orgIds,
        String departmentIds,
        String ticketCustomFields,
        boolean strictCustomFields,
        String statusTypes,
        int validationStatus,
        String missingErrorType,
        int createStatus,
        int emptyListStatus,
        int fromBase,
        long jwtLifetimeSeconds,
        boolean jwtMillis,
        long webhookTimeoutMs,
        long ticketNumberStart,
        long defaultDueHours,
        String portalName,
        long creditsPerDay) {

    public static final String PREFIX = "sandbox.desk";

    public List<String> orgs() {
        return split(orgIds);
    }

    public List<String> departments() {
        return split(departmentIds);
    }

    public List<String> customFields() {
        return split(ticketCustomFields);
    }

    public Map<String, String> statusTypeMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : split(statusTypes)) {
            int colon = pair.indexOf('=');
            if (colon > 0) {
                map.put(pair.substring(0, colon).trim(), pair.substring(colon + 1).trim());
            }
        }
        return map;
    }

    private static List<String> split(String csv) {
        return csv == null ? List.of() : Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
