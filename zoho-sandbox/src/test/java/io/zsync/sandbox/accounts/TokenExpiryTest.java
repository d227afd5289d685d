package io.zsync.sandbox.accounts;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.zsync.sandbox.support.Reply;
import io.zsync.sandbox.support.SandboxTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** zoho-api.md §2.5 and §12: an access token older than expires_in is refused, in each product's own words. */
@MicronautTest
class TokenExpiryTest extends SandboxTestBase {

    // One second past the 3600 s lifetime (§2.4).
    static final String PAST_EXPIRY = "{\"seconds\":3601}";
    static final String DESK_ORG = "54983163"; // configured Desk org
    static final String BOOKS_ORG = "10234695"; // configured Books org

    private String token;

    @BeforeEach
    void mintThenExpire() {
        token = sandbox.zohoToken();
    }

    @Test
    void shouldAcceptATokenWithinItsHour() {
        sandbox.post("/_sandbox/clock/advance", "{\"seconds\":3500}");

        assertThat(sandbox.get("/crm/v8/Leads?fields=Last_Name", "Authorization", token).status()).isEqualTo(204);
    }

    @Test
    void shouldAnswerCrmInvalidToken() {
        sandbox.post("/_sandbox/clock/advance", PAST_EXPIRY);

        Reply reply = sandbox.get("/crm/v8/Leads?fields=Last_Name", "Authorization", token);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.map()).containsEntry("code", "INVALID_TOKEN").containsEntry("status", "error")
                .containsEntry("message", "invalid oauth token");
    }

    @Test
    void shouldAnswerDeskInvalidOauth() {
        sandbox.post("/_sandbox/clock/advance", PAST_EXPIRY);

        Reply reply = sandbox.get("/api/v1/tickets", "Authorization", token, "orgId", DESK_ORG);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.map()).containsEntry("errorCode", "INVALID_OAUTH");
    }

    @Test
    void shouldAnswerBooks401WithANonZeroCode() {
        sandbox.post("/_sandbox/clock/advance", PAST_EXPIRY);

        Reply reply = sandbox.get("/books/v3/contacts?organization_id=" + BOOKS_ORG, "Authorization", token);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(((Number) reply.map().get("code")).intValue()).isNotZero();
    }

    @Test
    void shouldAnswerCreatorAndProjectsWithTheirCodes() {
        sandbox.post("/_sandbox/clock/advance", PAST_EXPIRY);

        Reply creator = sandbox.get("/creator/v2.1/data/zsync_demo/order-management/report/All_Orders/1", "Authorization", token);
        Reply projects = sandbox.get("/restapi/portal/2063927/projects/170876000000147021/tasks/", "Authorization", token);

        assertThat(creator.status()).isEqualTo(401);
        assertThat(creator.map()).containsEntry("code", 1030);
        assertThat(projects.status()).isEqualTo(401);
        assertThat(projects.map()).isEqualTo(java.util.Map.of("error", java.util.Map.of("code", 6401,
                "message", "Invalid OAuth access token.")));
    }

    @Test
    void shouldRefuseABearerPrefixByDefault() {
        Reply reply = sandbox.get("/crm/v8/Leads?fields=Last_Name", "Authorization",
                token.replace("Zoho-oauthtoken ", "Bearer "));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.map()).containsEntry("code", "AUTHENTICATION_FAILURE");
    }
}
