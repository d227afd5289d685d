package io.zsync.zoho.desk;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/**
 * A Desk contact (zoho-api.md §6.2); times are ISO UTC with millis ({@code 2021-04-15T13:26:11.000Z}).
 *
 * @param id             id
 * @param firstName      first name
 * @param lastName       last name (mandatory on create)
 * @param email          e-mail
 * @param secondaryEmail second e-mail
 * @param phone          phone
 * @param mobile         mobile
 * @param accountId      account id
 * @param ownerId        owner agent id
 * @param createdTime    created
 * @param modifiedTime   modified
 * @param cf             custom fields by {@code cf_} API name
 * @param webUrl         link to the contact in Desk
 */
@Serdeable
public record DeskContact(@Nullable String id, @Nullable String firstName, @Nullable String lastName,
                          @Nullable String email, @Nullable String secondaryEmail, @Nullable String phone,
                          @Nullable String mobile, @Nullable String accountId, @Nullable String ownerId,
                          @Nullable String createdTime, @Nullable String modifiedTime,
                          @Nullable Map<String, Object> cf, @Nullable String webUrl) {
}
