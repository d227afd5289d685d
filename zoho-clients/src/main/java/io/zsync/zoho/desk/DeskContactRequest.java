package io.zsync.zoho.desk;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.zsync.zoho.http.JsonBody;

import java.util.Map;

/**
 * Body of a Desk contact create: {@code lastName} is the only mandatory field (zoho-api.md §6.2).
 *
 * @param lastName  last name (required)
 * @param firstName first name
 * @param email     e-mail
 * @param phone     phone
 * @param mobile    mobile
 * @param accountId account id
 * @param cf        custom fields by {@code cf_} API name
 */
@Serdeable
public record DeskContactRequest(String lastName, @Nullable String firstName, @Nullable String email,
                                 @Nullable String phone, @Nullable String mobile, @Nullable String accountId,
                                 @Nullable Map<String, Object> cf) {
    public DeskContactRequest {
        if (lastName == null || lastName.isBlank()) {
            throw new IllegalArgumentException("Desk contacts need a lastName");
        }
    }

    public static DeskContactRequest of(@Nullable String firstName, String lastName, @Nullable String email,
                                        @Nullable String phone) {
        return new DeskContactRequest(lastName, firstName, email, phone, null, null, null);
    }

    /** The JSON body, without unset keys (Desk rejects {@code "cf": null}). */
    public Map<String, Object> toBody() {
        return JsonBody.create().put("lastName", lastName).put("firstName", firstName).put("email", email)
                .put("phone", phone).put("mobile", mobile).put("accountId", accountId).put("cf", cf).build();
    }
}
