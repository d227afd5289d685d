package io.zsync.zoho.projects;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * Projects v1 answer for task reads and writes: {@code {"tasks":[...]}}.
 *
 * @param tasks tasks
 */
@Serdeable
public record ProjectsTasksResponse(@Nullable List<ProjectsTask> tasks) {
}
