package io.zsync.zoho.creator;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/**
 * Creator v2.1 envelope: {@code {"code":3000,"data":{...},"message":"..."}}.
 *
 * @param code    3000 on success
 * @param data    the record (get) or {@code {"ID": ...}} (update)
 * @param message text
 */
@Serdeable
public record CreatorEnvelope(@Nullable Integer code, @Nullable Map<String, Object> data, @Nullable String message) {
    public static final int SUCCESS = 3000;
}
