package io.zsync.zoho.error;

import io.micronaut.json.JsonMapper;
import io.zsync.zoho.books.BooksErrorMapper;
import io.zsync.zoho.creator.CreatorErrorMapper;
import io.zsync.zoho.crm.CrmErrorMapper;
import io.zsync.zoho.desk.DeskErrorMapper;
import io.zsync.zoho.hubspot.HubSpotErrorMapper;
import io.zsync.zoho.projects.ProjectsErrorMapper;
import io.zsync.zoho.support.DocExamples;
import io.zsync.zoho.support.MutableClock;
import org.junit.jupiter.api.Test;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Every documented error body of zoho-api.md, mapped to type, code and retry decision. */
class ErrorMappingTest {
    private static final JsonMapper JSON = JsonMapper.createDefault();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final CrmErrorMapper crm = new CrmErrorMapper(JSON, clock);
    private final BooksErrorMapper books = new BooksErrorMapper(JSON, clock);
    private final DeskErrorMapper desk = new DeskErrorMapper(JSON, clock);
    private final ProjectsErrorMapper projects = new ProjectsErrorMapper(JSON, clock);
    private final CreatorErrorMapper creator = new CreatorErrorMapper(JSON, clock);
    private final HubSpotErrorMapper hubspot = new HubSpotErrorMapper(JSON, clock);

    @Test
    void crmTokenErrorsAskForARefresh() {
        ZohoApiException e = crm.map("o", 401, null, DocExamples.CRM_INVALID_TOKEN);
        assertThat(ZohoErrorMapper.isTokenRejected(e)).isTrue();
        assertThat(e.retryable()).isTrue();

        ZohoApiException scope = crm.map("o", 401, null, DocExamples.CRM_SCOPE_MISMATCH);
        assertThat(scope).isInstanceOf(ZohoAuthException.class);
        assertThat(ZohoErrorMapper.isTokenRejected(scope)).isFalse();
        assertThat(scope.retryable()).isFalse(); // a missing scope needs a new consent, not a retry
    }

    @Test
    void crmRateLimitsAndServerErrorsRetry() {
        assertThat(crm.map("o", 429, "30", DocExamples.CRM_TOO_MANY))
                .isInstanceOf(ZohoRateLimitException.class)
                .satisfies(e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(30)));
        assertThat(crm.map("o", 429, null, DocExamples.CRM_RATE_LIMIT_EXCEEDED).code()).isEqualTo("RATE_LIMIT_EXCEEDED");
        assertThat(crm.map("o", 500, null, DocExamples.CRM_INTERNAL)).satisfies(e -> {
            assertThat(e.retryable()).isTrue();
            assertThat(e.code()).isEqualTo("INTERNAL_ERROR");
        });
        assertThat(crm.map("o", 502, null, "<html>Bad gateway</html>")).satisfies(e -> {
            assertThat(e.retryable()).isTrue();
            assertThat(e.code()).isEqualTo("HTTP_502");
        });
    }

    @Test
    void crmDataErrorsDoNotRetry() {
        ZohoApiException mandatory = crm.map("o", 400, null, DocExamples.CRM_MANDATORY_NOT_FOUND);
        assertThat(mandatory).isInstanceOf(ZohoValidationException.class);
        assertThat(mandatory.code()).isEqualTo("MANDATORY_NOT_FOUND");
        assertThat(mandatory.fieldErrors()).extracting(ZohoApiException.FieldError::field).containsExactly("Last_Name");
        assertThat(mandatory.retryable()).isFalse();

        ZohoApiException dup = crm.map("o", 400, null, DocExamples.CRM_ALL_FAILED_400);
        assertThat(dup).isInstanceOf(ZohoDuplicateException.class);
        assertThat(dup.duplicateId()).contains("4881139000000428295");

        assertThat(crm.map("o", 400, null, DocExamples.CRM_LIMIT_EXCEEDED).code()).isEqualTo("LIMIT_EXCEEDED");
        assertThat(crm.map("o", 400, null, DocExamples.CRM_MULTI_ERRORS).fieldErrors())
                .extracting(ZohoApiException.FieldError::field).containsExactly("Email", "Last_Name");
        assertThat(crm.map("o", 404, null, "{\"code\":\"INVALID_URL_PATTERN\",\"message\":\"x\",\"status\":\"error\"}"))
                .isInstanceOf(ZohoNotFoundException.class);
    }

    @Test
    void booksCodesMapToTheirMeaning() {
        assertThat(books.map("o", 400, null, DocExamples.BOOKS_DUPLICATE_NAME))
                .isInstanceOf(ZohoDuplicateException.class)
                .satisfies(e -> assertThat(e.code()).isEqualTo("3062"));
        assertThat(books.map("o", 404, null, DocExamples.BOOKS_NOT_FOUND)).isInstanceOf(ZohoNotFoundException.class);
        assertThat(books.map("o", 400, null, DocExamples.BOOKS_JSON_MALFORMED))
                .isInstanceOf(ZohoValidationException.class).satisfies(e -> assertThat(e.retryable()).isFalse());
        assertThat(ZohoErrorMapper.isTokenRejected(books.map("o", 401, null, DocExamples.BOOKS_INVALID_TOKEN))).isTrue();
        assertThat(books.map("o", 429, null, DocExamples.BOOKS_RATE_LIMITED).retryable()).isTrue();
        assertThat(books.map("o", 500, null, "{\"code\":1000,\"message\":\"Internal error\"}").retryable()).isTrue();
    }

    @Test
    void deskEnvelopesMapByErrorCode() {
        ZohoApiException v = desk.map("o", 422, null, DocExamples.DESK_VALIDATION);
        assertThat(v).isInstanceOf(ZohoValidationException.class);
        assertThat(v.fieldErrors()).extracting(ZohoApiException.FieldError::type).containsExactly("invalid", "invalid");
        assertThat(ZohoErrorMapper.isTokenRejected(desk.map("o", 401, null, DocExamples.DESK_INVALID_OAUTH))).isTrue();
        assertThat(desk.map("o", 400, null, DocExamples.DESK_ORG_MISMATCH))
                .isInstanceOf(ZohoAuthException.class).satisfies(e -> assertThat(e.retryable()).isFalse());
        assertThat(desk.map("o", 429, null, DocExamples.DESK_TOO_MANY).code()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(desk.map("o", 404, null, DocExamples.DESK_URL_NOT_FOUND)).isInstanceOf(ZohoNotFoundException.class);
    }

    @Test
    void projectsAndCreatorEnvelopes() {
        assertThat(projects.map("o", 404, null, DocExamples.PROJECTS_ERROR))
                .isInstanceOf(ZohoNotFoundException.class).satisfies(e -> assertThat(e.code()).isEqualTo("6404"));
        assertThat(ZohoErrorMapper.isTokenRejected(projects.map("o", 401, null,
                "{\"error\":{\"code\":6401,\"message\":\"Invalid OAuth token\"}}"))).isTrue();

        assertThat(ZohoErrorMapper.isTokenRejected(creator.map("o", 401, null, DocExamples.CREATOR_TOKEN_INVALID))).isTrue();
        // 401 with code 1000 is a missing parameter in Creator, not a token problem.
        ZohoApiException missing = creator.map("o", 401, null, DocExamples.CREATOR_MANDATORY_MISSING);
        assertThat(ZohoErrorMapper.isTokenRejected(missing)).isFalse();
        assertThat(missing.retryable()).isFalse();
        assertThat(creator.map("o", 404, null, DocExamples.CREATOR_NO_OWNER)).isInstanceOf(ZohoNotFoundException.class);
    }

    @Test
    void hubspotConflictCarriesTheExistingId() {
        assertThat(hubspot.map("hs", 409, null, DocExamples.HUBSPOT_CONFLICT).duplicateId()).contains("37765128953");
        assertThat(hubspot.map("hs", 429, "1", DocExamples.HUBSPOT_RATE_LIMIT)).satisfies(e -> {
            assertThat(e.retryable()).isTrue();
            assertThat(e.code()).isEqualTo("RATE_LIMIT_SECONDLY");
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
        });
        assertThat(hubspot.map("hs", 401, null, "{\"status\":\"error\",\"message\":\"Authentication credentials not found\",\"category\":\"INVALID_AUTHENTICATION\"}"))
                .satisfies(e -> assertThat(e.retryable()).isFalse());
    }

    @Test
    void retryAfterAcceptsAnHttpDate() {
        ZohoApiException e = crm.map("o", 429, "Thu, 01 Jan 2026 00:01:30 GMT", DocExamples.CRM_TOO_MANY);

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(90));
    }

    @Test
    void transportFailuresAreRetryableWithoutStatus() {
        ZohoApiException e = desk.transport("o", new SocketTimeoutException("read timed out"));

        assertThat(e.retryable()).isTrue();
        assertThat(e.httpStatus()).isZero();
        assertThat(e.code()).isEqualTo("TIMEOUT");
    }
}
