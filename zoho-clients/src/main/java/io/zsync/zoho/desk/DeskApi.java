package io.zsync.zoho.desk;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
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

/**
 * Raw Zoho Desk v1 endpoints (zoho-api.md §6) on {@code desk.zoho.<tld>/api/v1}, with the {@code orgId} header
 * on every call. Services use {@link DeskClient}.
 */
@ZohoRouted
@Client(value = ClientIds.DESK_URL, path = "/api/v1")
@Header(name = ClientIds.PRODUCT_HEADER, value = "DESK")
public interface DeskApi {

    @Get("/contacts/search")
    HttpResponse<DeskPage<DeskContact>> searchContacts(@Header(ClientIds.ORG_HEADER) String org, @Header("orgId") String orgId,
                                          @Nullable @QueryValue("email") String email,
                                          @Nullable @QueryValue("limit") Integer limit);

    @Post("/contacts")
    HttpResponse<DeskContact> createContact(@Header(ClientIds.ORG_HEADER) String org, @Header("orgId") String orgId,
                                            @Body Map<String, Object> body);

    @Get("/tickets/{ticketId}")
    HttpResponse<DeskTicket> getTicket(@Header(ClientIds.ORG_HEADER) String org, @Header("orgId") String orgId,
                                       @PathVariable String ticketId);

    @Post("/tickets")
    HttpResponse<DeskTicket> createTicket(@Header(ClientIds.ORG_HEADER) String org, @Header("orgId") String orgId,
                                          @Body Map<String, Object> body);

    @Patch("/tickets/{ticketId}")
    HttpResponse<DeskTicket> updateTicket(@Header(ClientIds.ORG_HEADER) String org, @Header("orgId") String orgId,
                                          @PathVariable String ticketId, @Body Map<String, Object> changes);

    @Get("/tickets/search")
    HttpResponse<DeskPage<DeskTicket>> searchTickets(@Header(ClientIds.ORG_HEADER) String org, @Header("orgId") String orgId,
                                         @Nullable @QueryValue("email") String email,
                                         @Nullable @QueryValue("ticketNumber") String ticketNumber,
                                         @Nullable @QueryValue("modifiedTimeRange") String modifiedTimeRange,
                                         @Nullable @QueryValue("sortBy") String sortBy,
                                         @Nullable @QueryValue("from") Integer from,
                                         @Nullable @QueryValue("limit") Integer limit);
}
