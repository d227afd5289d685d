package io.zsync.sandbox.accounts;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.zsync.sandbox.support.Reply;
import io.zsync.sandbox.support.SandboxTestBase;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** zoho-api.md §2: the token endpoint's grants, parameter styles, HTTP-200 errors and throttle. */
@MicronautTest
class OAuthTokenEndpointTest extends SandboxTestBase {

    // The dev client configured in application.yml: fake credentials known to the sandbox only.
    static final String CLIENT_ID = "1000.ZSYNCSANDBOXCLIENT0000000000000";
    static final String CLIENT_SECRET = "0123456789abcdef0123456789abcdef01234567ab";
    static final String REFRESH_TOKEN = "1000.00000000000000000000000000000000.ffffffffffffffffffffffffffffffff";
    // §1.2: access and refresh tokens look like 1000.<32 hex>.<32 hex>.
    static final String TOKEN_SHAPE = "1000\\.[0-9a-f]{32}\\.[0-9a-f]{32}";

    @Test
    void shouldMintAnAccessTokenFromQueryParameters() {
        Reply reply = sandbox.post("/oauth/v2/token?grant_type=refresh_token&client_id=" + CLIENT_ID
                + "&client_secret=" + CLIENT_SECRET + "&refresh_token=" + REFRESH_TOKEN, null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat((String) reply.map().get("access_token")).matches(TOKEN_SHAPE);
        assertThat(reply.map()).containsEntry("token_type", "Bearer").containsEntry("expires_in", 3600)
                .containsEntry("api_domain", server.getURL().toString())
                .doesNotContainKey("refresh_token");
    }

    @Test
    void shouldAcceptFormEncodedParameters() {
        Reply reply = sandbox.postForm("/oauth/v2/token", Map.of("grant_type", "refresh_token", "client_id", CLIENT_ID,
                "client_secret", CLIENT_SECRET, "refresh_token", REFRESH_TOKEN));

        assertThat((String) reply.map().get("access_token")).matches(TOKEN_SHAPE);
    }

    @Test
    void shouldAcceptMultipartParameters() {
        MultipartBody body = MultipartBody.builder().addPart("grant_type", "refresh_token").addPart("client_id", CLIENT_ID)
                .addPart("client_secret", CLIENT_SECRET).addPart("refresh_token", REFRESH_TOKEN).build();
        Reply reply = sandbox.send(HttpRequest.POST("/oauth/v2/token", body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE));

        assertThat((String) reply.map().get("access_token")).matches(TOKEN_SHAPE);
    }

    @Test
    void shouldAcceptClientCredentialsInABasicHeader() {
        String basic = java.util.Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));

        Reply reply = sandbox.postForm("/oauth/v2/token", Map.of("grant_type", "refresh_token", "refresh_token", REFRESH_TOKEN),
                "Authorization", "Basic " + basic);

        assertThat((String) reply.map().get("access_token")).matches(TOKEN_SHAPE);
    }

    @Test
    void shouldReportAnUnknownClientAsInvalidClientWithHttp200() {
        Reply reply = sandbox.postForm("/oauth/v2/token", Map.of("grant_type", "refresh_token",
                "client_id", "1000.UNKNOWN", "client_secret", CLIENT_SECRET, "refresh_token", REFRESH_TOKEN));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.map()).isEqualTo(Map.of("error", "invalid_client"));
    }

    @Test
    void shouldReportAWrongSecretAsInvalidClient() {
        Reply reply = sandbox.postForm("/oauth/v2/token", Map.of("grant_type", "refresh_token",
                "client_id", CLIENT_ID, "client_secret", "wrong", "refresh_token", REFRESH_TOKEN));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.map()).containsEntry("error", "invalid_client");
    }

    @Test
    void shouldReportAnUnknownRefreshTokenAsInvalidCodeWithHttp200() {
        Reply reply = sandbox.postForm("/oauth/v2/token", Map.of("grant_type", "refresh_token", "client_id", CLIENT_ID,
                "client_secret", CLIENT_SECRET, "refresh_token", "1000.deadbeef.deadbeef"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.map()).isEqualTo(Map.of("error", "invalid_code"));
    }

    @Test
    void shouldDenyTheEleventhTokenWithinTenMinutesAndAllowItAfterTheWindow() {
        Map<String, String> form = Map.of("grant_type", "refresh_token", "client_id", CLIENT_ID,
                "client_secret", CLIENT_SECRET, "refresh_token", REFRESH_TOKEN);
        for (int i = 0; i < 10; i++) {
            assertThat(sandbox.postForm("/oauth/v2/token", form).map()).containsKey("access_token");
        }

        Reply denied = sandbox.postForm("/oauth/v2/token", form);

        assertThat(denied.status()).isEqualTo(200);
        assertThat(denied.map()).containsEntry("error", "Access Denied")
                .containsEntry("error_description", "You have made too many requests continuously. Please try again after some time.");
        sandbox.post("/_sandbox/clock/advance", "{\"seconds\":601}");
        assertThat(sandbox.postForm("/oauth/v2/token", form).map()).containsKey("access_token");
    }

    @Test
    void shouldExchangeAGrantCodeFromTheConsentRedirectForARefreshToken() {
        Reply redirect = sandbox.get("/oauth/v2/auth?scope=ZohoCRM.modules.ALL&client_id=" + CLIENT_ID
                + "&response_type=code&access_type=offline&redirect_uri=http://localhost:9/cb&state=s1");
        assertThat(redirect.status()).isEqualTo(302);
        URI location = URI.create(redirect.header("Location"));
        assertThat(location.getQuery()).contains("location=us").contains("accounts-server=").contains("state=s1");
        String code = location.getQuery().replaceAll(".*code=([^&]+).*", "$1");

        Reply token = sandbox.postForm("/oauth/v2/token", Map.of("grant_type", "authorization_code", "client_id", CLIENT_ID,
                "client_secret", CLIENT_SECRET, "redirect_uri", "http://localhost:9/cb", "code", code));
        Reply reused = sandbox.postForm("/oauth/v2/token", Map.of("grant_type", "authorization_code", "client_id", CLIENT_ID,
                "client_secret", CLIENT_SECRET, "redirect_uri", "http://localhost:9/cb", "code", code));

        assertThat((String) token.map().get("refresh_token")).matches(TOKEN_SHAPE);
        assertThat((String) token.map().get("access_token")).matches(TOKEN_SHAPE);
        assertThat(reused.map()).containsEntry("error", "invalid_code");
    }

    @Test
    void shouldLetAnAdminRegisteredClientRefresh() {
        Reply client = sandbox.post("/_sandbox/oauth/clients", "{\"clientId\":\"1000.SECONDCLIENT\"}");
        Map<String, Object> created = client.map();

        Reply token = sandbox.postForm("/oauth/v2/token", Map.of("grant_type", "refresh_token",
                "client_id", "1000.SECONDCLIENT", "client_secret", (String) created.get("clientSecret"),
                "refresh_token", (String) created.get("refreshToken")));

        assertThat(client.status()).isEqualTo(201);
        assertThat((String) created.get("refreshToken")).matches(TOKEN_SHAPE);
        assertThat(token.map()).containsKey("access_token");
    }
}
