package io.zsync.zoho.desk;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

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
@JsonInclude(JsonInclude.Include.NON_NULL)
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
}
