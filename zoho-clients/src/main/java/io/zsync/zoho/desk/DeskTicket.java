package io.zsync.zoho.desk;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/**
 * A Desk ticket (zoho-api.md §6.3). {@code status} is a per-department display name, so closure is read from
 * {@code statusType} and the close time from {@code closedTime}; counts come back as strings.
 *
 * @param id             id
 * @param ticketNumber   human number
 * @param subject        subject
 * @param description    description (HTML)
 * @param departmentId   department
 * @param contactId      contact
 * @param accountId      account
 * @param status         display status
 * @param statusType     {@code Open}, {@code On Hold} or {@code Closed}
 * @param priority       priority
 * @param channel        channel
 * @param category       category ({@code Bug}, {@code Feature Request}, ...)
 * @param subCategory    sub category
 * @param classification classification
 * @param resolution     resolution text
 * @param closedTime     when closed
 * @param dueDate        due date
 * @param assigneeId     agent
 * @param email          e-mail
 * @param phone          phone
 * @param createdTime    created
 * @param modifiedTime   modified
 * @param threadCount    threads (a string)
 * @param cf             custom fields by {@code cf_} API name
 * @param webUrl         link
 */
@Serdeable
public record DeskTicket(@Nullable String id, @Nullable String ticketNumber, @Nullable String subject,
                         @Nullable String description, @Nullable String departmentId, @Nullable String contactId,
                         @Nullable String accountId, @Nullable String status, @Nullable String statusType,
                         @Nullable String priority, @Nullable String channel, @Nullable String category,
                         @Nullable String subCategory, @Nullable String classification, @Nullable String resolution,
                         @Nullable String closedTime, @Nullable String dueDate, @Nullable String assigneeId,
                         @Nullable String email, @Nullable String phone, @Nullable String createdTime,
                         @Nullable String modifiedTime, @Nullable String threadCount,
                         @Nullable Map<String, Object> cf, @Nullable String webUrl) {

    /** Closed by type, whatever the department calls the status. */
    public boolean isClosed() {
        return "Closed".equalsIgnoreCase(statusType) || "CLOSED".equals(statusType);
    }
}
