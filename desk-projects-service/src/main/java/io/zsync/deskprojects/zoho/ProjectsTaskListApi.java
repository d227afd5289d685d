package io.zsync.deskprojects.zoho;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.annotation.Serdeable;
import io.zsync.zoho.http.ClientIds;
import io.zsync.zoho.http.ZohoRouted;

import java.util.List;
import java.util.Map;

/**
 * Projects v1 task list ({@code GET .../tasks/?index=&range=}, zoho-api.md §7.1), which the shared
 * {@code ProjectsClient} does not offer yet; rows are kept as maps because the lookup needs their
 * {@code custom_fields}, which the shared task type does not carry. Routed and authenticated by the shared filter.
 */
@ZohoRouted
@Client(value = ClientIds.PROJECTS_URL, path = "/restapi")
@Header(name = ClientIds.PRODUCT_HEADER, value = "PROJECTS")
public interface ProjectsTaskListApi {

    /** One page of tasks: {@code {"tasks":[...]}}, or 204 when there are none. */
    @Serdeable
    record TaskRows(@Nullable List<Map<String, Object>> tasks) {
    }

    @Get("/portal/{portalId}/projects/{projectId}/tasks/")
    HttpResponse<TaskRows> list(@Header(ClientIds.ORG_HEADER) String org, @PathVariable String portalId,
                                @PathVariable String projectId, @QueryValue("index") Integer index,
                                @QueryValue("range") Integer range);
}
