package io.zsync.zoho.desk;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.zsync.zoho.http.JsonBody;

import java.util.Map;

/**
 * Body of a Desk ticket create: {@code subject}, {@code departmentId} and either {@code contactId} or a
 * {@code contact} object (which Desk finds or creates) are mandatory (zoho-api.md §6.3).
 *
 * @param subject        subject (required)
 * @param departmentId   department (required)
 * @param contactId      existing contact
 * @param contact        contact to find or create ({@code lastName}, {@code firstName}, {@code email}, {@code phone})
 * @param description    description (HTML)
 * @param status         status display name
 * @param priority       priority
 * @param category       category
 * @param subCategory    sub category
 * @param classification classification
 * @param channel        channel
 * @param email          e-mail
 * @param phone          phone
 * @param dueDate        due date (ISO UTC)
 * @param assigneeId     agent
 * @param cf             custom fields by {@code cf_} API name
 */
@Serdeable
public record DeskTicketRequest(String subject, String departmentId, @Nullable String contactId,
                                @Nullable Map<String, Object> contact, @Nullable String description,
                                @Nullable String status, @Nullable String priority, @Nullable String category,
                                @Nullable String subCategory, @Nullable String classification,
                                @Nullable String channel, @Nullable String email, @Nullable String phone,
                                @Nullable String dueDate, @Nullable String assigneeId,
                                @Nullable Map<String, Object> cf) {
    public DeskTicketRequest {
        if (subject == null || subject.isBlank() || departmentId == null || departmentId.isBlank()) {
            throw new IllegalArgumentException("Desk tickets need a subject and a departmentId");
        }
        if ((contactId == null || contactId.isBlank()) && (contact == null || contact.isEmpty())) {
            throw new IllegalArgumentException("Desk tickets need a contactId or a contact");
        }
    }

    /** A ticket for an existing contact. */
    public static DeskTicketRequest of(String subject, String departmentId, String contactId,
                                       @Nullable String description) {
        return new DeskTicketRequest(subject, departmentId, contactId, null, description, null, null, null, null,
                null, null, null, null, null, null, null);
    }

    /** The JSON body, without unset keys (Desk rejects {@code "cf": null}). */
    public Map<String, Object> toBody() {
        return JsonBody.create().put("subject", subject).put("departmentId", departmentId).put("contactId", contactId)
                .put("contact", contact).put("description", description).put("status", status)
                .put("priority", priority).put("category", category).put("subCategory", subCategory)
                .put("classification", classification).put("channel", channel).put("email", email)
                .put("phone", phone).put("dueDate", dueDate).put("assigneeId", assigneeId).put("cf", cf).build();
    }
}
