package io.zsync.zoho.hubspot;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.annotation.Client;
import io.zsync.zoho.http.ClientIds;
import io.zsync.zoho.http.ZohoRouted;

import java.util.Map;

/** Raw HubSpot CRM v3 contact endpoints (zoho-api.md §9.1), Bearer private-app token. Services use {@link HubSpotClient}. */
@ZohoRouted
@Client(value = ClientIds.HUBSPOT_URL, path = "/crm/v3/objects/contacts")
@Header(name = ClientIds.PRODUCT_HEADER, value = "HUBSPOT")
public interface HubSpotApi {

    @Get("/{contactId}")
    HttpResponse<HubSpotContact> get(@Header(ClientIds.ORG_HEADER) String account, @PathVariable String contactId,
                                     @Nullable @QueryValue("properties") String properties,
                                     @Nullable @QueryValue("idProperty") String idProperty);

    @Post
    HttpResponse<HubSpotContact> create(@Header(ClientIds.ORG_HEADER) String account, @Body Map<String, Object> body);

    @Patch("/{contactId}")
    HttpResponse<HubSpotContact> update(@Header(ClientIds.ORG_HEADER) String account, @PathVariable String contactId,
                                        @Body Map<String, Object> body);

    @Delete("/{contactId}")
    HttpResponse<Void> archive(@Header(ClientIds.ORG_HEADER) String account, @PathVariable String contactId);

    @Post("/search")
    HttpResponse<HubSpotSearchResponse> search(@Header(ClientIds.ORG_HEADER) String account,
                                               @Body Map<String, Object> body);
}
