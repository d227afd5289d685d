package io.zsync.zoho.crm;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * Body of {@code /actions/watch} calls: {@code {"watch":[...]}}.
 *
 * @param watch channel descriptions
 */
@Serdeable
public record WatchRequest(List<Map<String, Object>> watch) {
}
