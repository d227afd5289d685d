package io.zsync.zoho.crm;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.annotation.Client;
import io.zsync.zoho.http.ClientIds;
import io.zsync.zoho.http.ZohoRouted;

import java.util.Map;

/**
 * Raw Zoho CRM v8 endpoints (zoho-api.md §3, §4). Services use {@link CrmClient}, which adds budgets, error
 * mapping, 204 handling and paging; the org travels in {@link ClientIds#ORG_HEADER} for the routing filter.
 */
@ZohoRouted
@Client(value = ClientIds.CRM_URL, path = "/crm/v8")
@Header(name = ClientIds.PRODUCT_HEADER, value = "CRM")
public interface CrmApi {

    @Get("/{module}/{id}")
    HttpResponse<CrmEnvelope> getRecord(@Header(ClientIds.ORG_HEADER) String org, @PathVariable String module,
                                        @PathVariable String id,
                                        @Nullable @Header("If-Modified-Since") String ifModifiedSince);

    @Get("/{module}")
    HttpResponse<CrmEnvelope> list(@Header(ClientIds.ORG_HEADER) String org, @PathVariable String module,
                                   @QueryValue("fields") String fields,
                                   @Nullable @QueryValue("ids") String ids,
                                   @Nullable @QueryValue("page") Integer page,
                                   @Nullable @QueryValue("per_page") Integer perPage,
                                   @Nullable @QueryValue("page_token") String pageToken,
                                   @Nullable @QueryValue("sort_by") String sortBy,
                                   @Nullable @QueryValue("sort_order") String sortOrder,
                                   @Nullable @QueryValue("cvid") String cvid,
                                   @Nullable @Header("If-Modified-Since") String ifModifiedSince);

    @Post("/{module}")
    HttpResponse<CrmEnvelope> insert(@Header(ClientIds.ORG_HEADER) String org, @PathVariable String module,
                                     @Body Map<String, Object> body);

    @Put("/{module}")
    HttpResponse<CrmEnvelope> update(@Header(ClientIds.ORG_HEADER) String org, @PathVariable String module,
                                     @Body Map<String, Object> body);

    @Post("/{module}/upsert")
    HttpResponse<CrmEnvelope> upsert(@Header(ClientIds.ORG_HEADER) String org, @PathVariable String module,
                                     @Body Map<String, Object> body);

    @Delete("/{module}")
    HttpResponse<CrmEnvelope> delete(@Header(ClientIds.ORG_HEADER) String org, @PathVariable String module,
                                     @QueryValue("ids") String ids,
                                     @Nullable @QueryValue("wf_trigger") Boolean wfTrigger);

    @Get("/{module}/search")
    HttpResponse<CrmEnvelope> search(@Header(ClientIds.ORG_HEADER) String org, @PathVariable String module,
                                     @Nullable @QueryValue("criteria") String criteria,
                                     @Nullable @QueryValue("email") String email,
                                     @Nullable @QueryValue("phone") String phone,
                                     @Nullable @QueryValue("word") String word,
                                     @Nullable @QueryValue("page") Integer page,
                                     @Nullable @QueryValue("per_page") Integer perPage);

    @Get("/{module}/{id}/{relatedList}")
    HttpResponse<CrmEnvelope> related(@Header(ClientIds.ORG_HEADER) String org, @PathVariable String module,
                                      @PathVariable String id, @PathVariable String relatedList,
                                      @QueryValue("fields") String fields,
                                      @Nullable @QueryValue("page") Integer page,
                                      @Nullable @QueryValue("per_page") Integer perPage,
                                      @Nullable @QueryValue("page_token") String pageToken,
                                      @Nullable @Header("If-Modified-Since") String ifModifiedSince);

    @Post("/actions/watch")
    HttpResponse<CrmEnvelope> subscribe(@Header(ClientIds.ORG_HEADER) String org, @Body WatchRequest body);

    @Patch("/actions/watch")
    HttpResponse<CrmEnvelope> patchChannels(@Header(ClientIds.ORG_HEADER) String org, @Body WatchRequest body);

    @Get("/actions/watch")
    HttpResponse<CrmEnvelope> listChannels(@Header(ClientIds.ORG_HEADER) String org,
                                           @Nullable @QueryValue("channel_id") String channelId,
                                           @Nullable @QueryValue("module") String module,
                                           @Nullable @QueryValue("page") Integer page,
                                           @Nullable @QueryValue("per_page") Integer perPage);

    @Delete("/actions/watch")
    HttpResponse<CrmEnvelope> disableChannels(@Header(ClientIds.ORG_HEADER) String org,
                                              @QueryValue("channel_ids") String channelIds);
}
