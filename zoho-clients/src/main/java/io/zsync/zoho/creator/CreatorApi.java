package io.zsync.zoho.creator;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.client.annotation.Client;
import io.zsync.zoho.http.ClientIds;
import io.zsync.zoho.http.ZohoRouted;

import java.util.Map;

/** Raw Zoho Creator v2.1 record endpoints on the API domain (zoho-api.md §8). Services use {@link CreatorClient}. */
@ZohoRouted
@Client(value = ClientIds.CREATOR_URL, path = "/creator/v2.1")
@Header(name = ClientIds.PRODUCT_HEADER, value = "CREATOR")
public interface CreatorApi {

    @Get("/data/{owner}/{app}/report/{report}/{recordId}")
    HttpResponse<CreatorEnvelope> getRecord(@Header(ClientIds.ORG_HEADER) String org, @PathVariable String owner,
                                            @PathVariable String app, @PathVariable String report,
                                            @PathVariable String recordId);

    @Patch("/data/{owner}/{app}/report/{report}/{recordId}")
    HttpResponse<CreatorEnvelope> updateRecord(@Header(ClientIds.ORG_HEADER) String org, @PathVariable String owner,
                                               @PathVariable String app, @PathVariable String report,
                                               @PathVariable String recordId, @Body Map<String, Object> body);
}
