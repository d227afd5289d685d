package io.zsync.zoho.desk;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * Desk list envelope {@code {"data":[...]}}.
 *
 * @param data rows
 * @param <T>  row type
 */
@Serdeable
public record DeskPage<T>(@Nullable List<T> data) {
}
