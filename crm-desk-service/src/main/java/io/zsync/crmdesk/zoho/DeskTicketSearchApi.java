package io.zsync.crmdesk.zoho;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.annotation.Client;
import io.zsync.zoho.desk.DeskPage;
import io.zsync.zoho.desk.DeskTicket;
import io.zsync.zoho.http.ClientIds;
import io.zsync.zoho.http.ZohoRouted;

/**
 * Desk ticket search by custom field ({@code customField1=<cf_api_name>:<value>}), which the shared
 * {@code DeskClient} does not offer yet; routed and authenticated by the shared filter like every Zoho client.
 */
@ZohoRouted
@Client(value = ClientIds.DESK_URL, path = "/api/v1")
@Header(name = ClientIds.PRODUCT_HEADER, value = "DESK")
public interface DeskTicketSearchApi {

    @Get("/tickets/search")
    HttpResponse<DeskPage<DeskTicket>> byCustomField(@Header(ClientIds.ORG_HEADER) String org,
                                                     @Header("orgId") String orgId,
                                                     @QueryValue("customField1") String customField,
                                                     @QueryValue("limit") Integer limit);
}
