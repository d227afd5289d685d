package io.zsync.zoho.hubspot;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/**
 * A HubSpot contact: an id plus string-valued {@code properties} ({@code email}, {@code firstname},
 * {@code lastname}, {@code phone}, custom ones), all of which are arbitrary per portal.
 *
 * @param id         object id
 * @param properties property values (strings or null)
 * @param createdAt  ISO timestamp
 * @param updatedAt  ISO timestamp
 * @param archived   archived (deleted)
 */
@Serdeable
public record HubSpotContact(@Nullable String id, @Nullable Map<String, Object> properties,
                             @Nullable String createdAt, @Nullable String updatedAt, @Nullable Boolean archived) {

    public @Nullable String property(String name) {
        Object v = properties == null ? null : properties.get(name);
        return v == null ? null : String.valueOf(v);
    }

    public @Nullable String email() {
        return property("email");
    }

    public @Nullable String firstName() {
        return property("firstname");
    }

    public @Nullable String lastName() {
        return property("lastname");
    }

    public @Nullable String phone() {
        return property("phone");
    }
}
