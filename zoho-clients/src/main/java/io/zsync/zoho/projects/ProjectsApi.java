package io.zsync.zoho.projects;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.client.annotation.Client;
import io.zsync.zoho.http.ClientIds;
import io.zsync.zoho.http.ZohoRouted;

import java.util.Map;

/**
 * Raw Zoho Projects v1 task endpoints (zoho-api.md §7.1): the documented paths end in a slash, bodies are
 * form parameters and an update is a POST. v1 is used because its contract is the confirmed one; the v3 JSON
 * body is unconfirmed in the doc.
 */
@ZohoRouted
@Client(value = ClientIds.PROJECTS_URL, path = "/restapi")
@Header(name = ClientIds.PRODUCT_HEADER, value = "PROJECTS")
public interface ProjectsApi {

    @Post(uri = "/portal/{portalId}/projects/{projectId}/tasks/", produces = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<ProjectsTasksResponse> createTask(@Header(ClientIds.ORG_HEADER) String org,
                                                   @PathVariable String portalId, @PathVariable String projectId,
                                                   @Body Map<String, String> form);

    @Get("/portal/{portalId}/projects/{projectId}/tasks/{taskId}/")
    HttpResponse<ProjectsTasksResponse> getTask(@Header(ClientIds.ORG_HEADER) String org,
                                                @PathVariable String portalId, @PathVariable String projectId,
                                                @PathVariable String taskId);

    @Post(uri = "/portal/{portalId}/projects/{projectId}/tasks/{taskId}/",
            produces = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<ProjectsTasksResponse> updateTask(@Header(ClientIds.ORG_HEADER) String org,
                                                   @PathVariable String portalId, @PathVariable String projectId,
                                                   @PathVariable String taskId, @Body Map<String, String> form);
}
