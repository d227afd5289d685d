package io.zsync.zoho.auth;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.client.annotation.Client;
import io.zsync.zoho.http.ClientIds;
import io.zsync.zoho.http.ZohoRouted;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Zoho Accounts token endpoint. Parameters go in a form body, never the query string, so the client secret
 * and refresh token stay out of URLs and access logs.
 */
@ZohoRouted
@Client(value = ClientIds.ACCOUNTS_URL)
@Header(name = ClientIds.PRODUCT_HEADER, value = "ACCOUNTS")
public interface ZohoAccountsApi {

    @Post(uri = "/oauth/v2/token", produces = MediaType.APPLICATION_FORM_URLENCODED,
            consumes = MediaType.APPLICATION_JSON)
    CompletableFuture<HttpResponse<TokenResponse>> token(@Header(ClientIds.ORG_HEADER) String org,
                                                         @Body Map<String, String> form);
}
