package io.zsync.zoho.crm;

import io.micronaut.core.annotation.Nullable;
import io.zsync.zoho.error.ZohoApiException;

import java.util.Map;

/**
 * The outcome of one channel of a {@code /actions/watch} call (mixed results come back as 207).
 *
 * @param index   position in the request
 * @param success element status was {@code success}
 * @param code    {@code SUCCESS} or the error code
 * @param message Zoho's message
 * @param details element details (events with {@code channel_expiry}, {@code resource_name}, ...)
 * @param error   mapped error when not successful
 */
public record WatchResult(int index, boolean success, String code, String message, Map<String, Object> details,
                          @Nullable ZohoApiException error) {
}
