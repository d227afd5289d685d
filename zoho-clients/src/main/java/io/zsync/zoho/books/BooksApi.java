package io.zsync.zoho.books;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.annotation.Client;
import io.zsync.zoho.http.ClientIds;
import io.zsync.zoho.http.ZohoRouted;

import java.util.Map;

/**
 * Raw Zoho Books v3 endpoints (zoho-api.md §5): JSON bodies (form data earns code 1038) and
 * {@code organization_id} on every call. Services use {@link BooksClient}.
 */
@ZohoRouted
@Client(value = ClientIds.BOOKS_URL, path = "/books/v3")
@Header(name = ClientIds.PRODUCT_HEADER, value = "BOOKS")
public interface BooksApi {

    @Get("/contacts/{contactId}")
    HttpResponse<BooksEnvelope> getContact(@Header(ClientIds.ORG_HEADER) String org,
                                           @QueryValue("organization_id") String organizationId,
                                           @PathVariable String contactId);

    @Get("/contacts")
    HttpResponse<BooksEnvelope> listContacts(@Header(ClientIds.ORG_HEADER) String org,
                                             @QueryValue("organization_id") String organizationId,
                                             @Nullable @QueryValue("email") String email,
                                             @Nullable @QueryValue("contact_name") String contactName,
                                             @Nullable @QueryValue("page") Integer page,
                                             @Nullable @QueryValue("per_page") Integer perPage);

    @Post("/contacts")
    HttpResponse<BooksEnvelope> createContact(@Header(ClientIds.ORG_HEADER) String org,
                                              @QueryValue("organization_id") String organizationId,
                                              @Body Map<String, Object> body);

    @Put("/contacts/{contactId}")
    HttpResponse<BooksEnvelope> updateContact(@Header(ClientIds.ORG_HEADER) String org,
                                              @QueryValue("organization_id") String organizationId,
                                              @PathVariable String contactId, @Body Map<String, Object> body);

    @Get("/items/{itemId}")
    HttpResponse<BooksEnvelope> getItem(@Header(ClientIds.ORG_HEADER) String org,
                                        @QueryValue("organization_id") String organizationId,
                                        @PathVariable String itemId);

    @Get("/items")
    HttpResponse<BooksEnvelope> listItems(@Header(ClientIds.ORG_HEADER) String org,
                                          @QueryValue("organization_id") String organizationId,
                                          @Nullable @QueryValue("name") String name,
                                          @Nullable @QueryValue("page") Integer page,
                                          @Nullable @QueryValue("per_page") Integer perPage);

    @Post("/invoices")
    HttpResponse<BooksEnvelope> createInvoice(@Header(ClientIds.ORG_HEADER) String org,
                                              @QueryValue("organization_id") String organizationId,
                                              @Nullable @QueryValue("ignore_auto_number_generation") Boolean ignoreAutoNumber,
                                              @Nullable @QueryValue("send") Boolean send,
                                              @Body Map<String, Object> body);

    @Get("/invoices/{invoiceId}")
    HttpResponse<BooksEnvelope> getInvoice(@Header(ClientIds.ORG_HEADER) String org,
                                           @QueryValue("organization_id") String organizationId,
                                           @PathVariable String invoiceId);

    @Get("/invoices")
    HttpResponse<BooksEnvelope> listInvoices(@Header(ClientIds.ORG_HEADER) String org,
                                             @QueryValue("organization_id") String organizationId,
                                             @Nullable @QueryValue("invoice_number") String invoiceNumber,
                                             @Nullable @QueryValue("reference_number") String referenceNumber,
                                             @Nullable @QueryValue("customer_id") String customerId,
                                             @Nullable @QueryValue("page") Integer page,
                                             @Nullable @QueryValue("per_page") Integer perPage);
}
