package io.zsync.zoho.crm;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.zsync.zoho.ZohoProduct;
import io.zsync.zoho.budget.ApiCallCounter;
import io.zsync.zoho.error.ZohoApiException;
import io.zsync.zoho.error.ZohoAuthException;
import io.zsync.zoho.error.ZohoDuplicateException;
import io.zsync.zoho.error.ZohoRateLimitException;
import io.zsync.zoho.error.ZohoValidationException;
import io.zsync.zoho.support.DocExamples;
import io.zsync.zoho.support.FakeZohoState.Recorded;
import io.zsync.zoho.support.FakeZohoState.Reply;
import io.zsync.zoho.support.FakeZohoTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MicronautTest
class CrmClientTest extends FakeZohoTest {
    @Inject
    CrmClient crm;
    @Inject
    ApiCallCounter counter;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("micronaut.http.client.read-timeout", "1s");
    }

    @Test
    void shouldGetOneRecordWithTheZohoAuthHeaderOnTheOrgsHost() {
        zoho().on("GET", "/crm/v8/Contacts/3652397000009851001", 200, DocExamples.CRM_RECORD);

        CrmRecord r = crm.get(ORG, "Contacts", "3652397000009851001").orElseThrow();

        assertThat(r.id()).isEqualTo("3652397000009851001");
        assertThat(r.lastName()).isEqualTo("test8000");
        assertThat(r.email()).isNull();
        assertThat(r.lookupId("Account_Name")).contains("3652397000000624046");
        assertThat(r.amount()).hasValueSatisfying(a -> assertThat(a).isEqualByComparingTo("1250.5"));
        assertThat(r.modifiedTime()).contains(OffsetDateTime.parse("2023-05-10T01:10:47-07:00"));
        Recorded sent = zoho().requests("GET", "/crm/v8/Contacts").get(0);
        assertThat(sent.header("Authorization")).startsWith("Zoho-oauthtoken 1000.");
        assertThat(sent.header("X-Zsync-Org")).isNull();
        assertThat(sent.header("X-Zsync-Product")).isNull();
        Recorded grant = zoho().requests("POST", "/oauth/v2/token").stream().findFirst().orElse(null);
        if (grant != null) { // the token may be cached from an earlier test of this class
            assertThat(grant.body()).contains("grant_type=refresh_token");
            assertThat(grant.query()).isEmpty(); // secrets travel in the body, not the URL
        }
    }

    @Test
    void shouldTreat204AsNoRecord() {
        zoho().on("GET", "/crm/v8/Contacts/404", 204, null);

        assertThat(crm.get(ORG, "Contacts", "404")).isEmpty();
    }

    @Test
    void shouldSendIfModifiedSinceAndTreat304AsUnchanged() {
        zoho().on("GET", "/crm/v8/Contacts/1", 304, null);

        assertThat(crm.get(ORG, "Contacts", "1", OffsetDateTime.parse("2019-07-25T15:26:49+05:30"))).isEmpty();
        assertThat(zoho().requests("GET", "/crm/v8/Contacts/1").get(0).header("If-Modified-Since"))
                .isEqualTo("2019-07-25T15:26:49+05:30");
    }

    @Test
    void shouldWalkEveryPageWithThePageToken() {
        zoho().on("GET", "/crm/v8/Leads", Reply.of(200, DocExamples.CRM_LIST_PAGE_1), Reply.of(200, DocExamples.CRM_LIST_PAGE_2));

        List<CrmRecord> all = crm.listAll(ORG, CrmListQuery.of("Leads", "Last_Name", "Email").perPage(2)
                .modifiedSince(OffsetDateTime.parse("2024-01-01T00:00:00Z")));

        assertThat(all).extracting(CrmRecord::id).containsExactly("1", "2", "3");
        List<Recorded> calls = zoho().requests("GET", "/crm/v8/Leads");
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).query("fields")).isEqualTo("Last_Name,Email");
        assertThat(calls.get(0).query("page_token")).isNull();
        assertThat(calls.get(1).query("page_token")).isEqualTo("c8582xx9e7c7");
        assertThat(calls.get(1).query("per_page")).isEqualTo("2"); // tokens are bound to the same params
        assertThat(calls.get(1).header("If-Modified-Since")).isEqualTo("2024-01-01T00:00:00+00:00");
    }

    @Test
    void shouldGetManyByIdsInOneCall() {
        zoho().on("GET", "/crm/v8/Contacts", 200, DocExamples.CRM_LIST_PAGE_2);

        assertThat(crm.getMany(ORG, "Contacts", List.of("1", "3"), List.of("Email"))).hasSize(1);
        assertThat(zoho().requests("GET", "/crm/v8/Contacts").get(0).query("ids")).isEqualTo("1,3");
        assertThatThrownBy(() -> crm.getMany(ORG, "Contacts",
                IntStream.range(0, 101).mapToObj(String::valueOf).toList(), List.of("Email")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldReturnTheNewIdOfAnInsert() {
        zoho().on("POST", "/crm/v8/Contacts", 201, DocExamples.CRM_INSERT_OK);

        String id = crm.insertOne(ORG, "Contacts", CrmRecord.empty().with("Last_Name", "Kingsley")
                .with("Email", "anna@example.com").withLookup("Account_Name", "5725767000007910001"));

        assertThat(id).isEqualTo("5725767000000524157");
        assertThat(zoho().requests("POST", "/crm/v8/Contacts").get(0).body())
                .contains("\"data\":[{", "\"Last_Name\":\"Kingsley\"", "\"Account_Name\":{\"id\":\"5725767000007910001\"}")
                .doesNotContain("trigger");
    }

    @Test
    void shouldReportEveryRecordOfAMixed207() {
        zoho().on("POST", "/crm/v8/Contacts", 207, DocExamples.CRM_MIXED_207);

        List<CrmWriteResult> results = crm.insert(ORG, "Contacts",
                List.of(CrmRecord.empty().with("Last_Name", "a"), CrmRecord.empty().with("Last_Nme", "b")), List.of());

        assertThat(results).hasSize(2);
        assertThat(results.get(0).success()).isTrue();
        assertThat(results.get(0).id()).isEqualTo("5725767000000524157");
        assertThat(results.get(1).success()).isFalse();
        assertThat(results.get(1).error()).isInstanceOf(ZohoValidationException.class);
        assertThat(results.get(1).error().fieldErrors()).extracting(ZohoApiException.FieldError::field)
                .containsExactly("Last_Name");
        assertThat(results.get(1).error().retryable()).isFalse();
        assertThat(zoho().requests("POST", "/crm/v8/Contacts").get(0).body()).contains("\"trigger\":[]");
    }

    @Test
    void shouldExposeTheDuplicateIdOfAnAllFailed400() {
        zoho().on("POST", "/crm/v8/Contacts", 400, DocExamples.CRM_ALL_FAILED_400);

        List<CrmWriteResult> results = crm.insert(ORG, "Contacts", List.of(CrmRecord.empty().with("Last_Name", "a")));

        assertThat(results.get(0).error()).isInstanceOfSatisfying(ZohoDuplicateException.class, e -> {
            assertThat(e.duplicateId()).contains("4881139000000428295");
            assertThat(e.retryable()).isFalse();
        });
        assertThatThrownBy(() -> crm.insertOne(ORG, "Contacts", CrmRecord.empty().with("Last_Name", "a")))
                .isInstanceOfSatisfying(ZohoApiException.class,
                        e -> assertThat(e.duplicateId()).contains("4881139000000428295"));
    }

    @Test
    void shouldRefuseMoreThan100RecordsBeforeCalling() {
        List<CrmRecord> many = IntStream.range(0, 101).mapToObj(i -> CrmRecord.empty().with("Last_Name", "x" + i)).toList();

        assertThatThrownBy(() -> crm.insert(ORG, "Contacts", many)).isInstanceOf(IllegalArgumentException.class);
        assertThat(zoho().requests("POST", "/crm/v8/Contacts")).isEmpty();
    }

    @Test
    void shouldUpsertOnEmailAndReportTheAction() {
        zoho().on("POST", "/crm/v8/Contacts/upsert", 200, DocExamples.CRM_UPSERT_UPDATE);

        CrmWriteResult r = crm.upsertOne(ORG, "Contacts", CrmRecord.empty().with("Email", "a@b.com")
                .with("Last_Name", "B"), List.of("Email"));

        assertThat(r.action()).isEqualTo("update");
        assertThat(r.duplicateField()).isEqualTo("Email");
        assertThat(zoho().requests("POST", "/crm/v8/Contacts/upsert").get(0).body())
                .contains("\"duplicate_check_fields\":[\"Email\"]");
    }

    @Test
    void shouldUpdateWithTheIdInTheRecord() {
        zoho().on("PUT", "/crm/v8/Deals", 200, DocExamples.CRM_UPSERT_UPDATE);

        crm.updateOne(ORG, "Deals", "3652397000003852095", CrmRecord.empty().with("Stage", "Closed Won")
                .with("Description", null));

        assertThat(zoho().requests("PUT", "/crm/v8/Deals").get(0).body())
                .contains("\"Stage\":\"Closed Won\"", "\"id\":\"3652397000003852095\"",
                        "\"Description\":null"); // null clears a field in CRM: it must be sent
    }

    @Test
    void shouldDeleteManyIdsInOneCall() {
        zoho().on("DELETE", "/crm/v8/Leads", 200, DocExamples.CRM_DELETE_OK);

        List<CrmWriteResult> r = crm.delete(ORG, "Leads", List.of("410405000002264040", "410405000002264025"));

        assertThat(r).extracting(CrmWriteResult::id).containsExactly("410405000002264040", "410405000002264025");
        assertThat(zoho().requests("DELETE", "/crm/v8/Leads").get(0).query("ids"))
                .isEqualTo("410405000002264040,410405000002264025");
    }

    @Test
    void shouldSearchByEmailAndByEscapedCriteria() {
        zoho().on("GET", "/crm/v8/Contacts/search", 200, DocExamples.CRM_LIST_PAGE_2);

        assertThat(crm.searchByEmail(ORG, "Contacts", "anna@example.com")).hasSize(1);
        crm.searchByCriteria(ORG, "Contacts", CrmCriteria.equalTo("Last_Name", "Burns,B")
                .and(CrmCriteria.equalTo("Lead_Source", "Web (Download)")));

        List<Recorded> calls = zoho().requests("GET", "/crm/v8/Contacts/search");
        assertThat(calls.get(0).query("email")).isEqualTo("anna@example.com");
        assertThat(calls.get(1).query("criteria"))
                .isEqualTo("((Last_Name:equals:Burns\\,B)and(Lead_Source:equals:Web \\(Download\\)))");
    }

    @Test
    void shouldReturnNothingWhenSearchAnswers204() {
        zoho().on("GET", "/crm/v8/Contacts/search", 204, null);

        assertThat(crm.searchByEmail(ORG, "Contacts", "nobody@example.com")).isEmpty();
    }

    @Test
    void shouldReadADealsProducts() {
        zoho().on("GET", "/crm/v8/Deals/77/Products", 200, DocExamples.CRM_LIST_PAGE_2);

        assertThat(crm.dealProducts(ORG, "77", List.of("Product_Name", "Unit_Price"))).hasSize(1);
        assertThat(zoho().requests("GET", "/crm/v8/Deals/77/Products").get(0).query("fields"))
                .isEqualTo("Product_Name,Unit_Price");
    }

    @Test
    void shouldRefreshOnceAndRetryOnceWhenTheTokenIsRejected() {
        zoho().enforceAuth(true);
        zoho().on("GET", "/crm/v8/Contacts/1", 200, DocExamples.CRM_RECORD);
        crm.get(ORG, "Contacts", "1"); // has a valid token now
        int grantsBefore = zoho().grants();
        zoho().revokeAllTokens();

        try (ApiCallCounter.Scope scope = counter.open()) {
            assertThat(crm.get(ORG, "Contacts", "1")).isPresent();
            assertThat(scope.count(ZohoProduct.CRM)).isEqualTo(2); // the rejected call and its repeat
        }
        assertThat(zoho().grants()).isEqualTo(grantsBefore + 1);
    }

    @Test
    void shouldGiveUpRetryablyWhenTheFreshTokenIsRejectedToo() {
        zoho().on("GET", "/crm/v8/Contacts/1", 401, DocExamples.CRM_INVALID_TOKEN);

        assertThatThrownBy(() -> crm.get(ORG, "Contacts", "1"))
                .isInstanceOfSatisfying(ZohoAuthException.class, e -> {
                    assertThat(e.code()).isEqualTo("INVALID_TOKEN");
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).doesNotContain("1000.");
                });
        assertThat(zoho().requests("GET", "/crm/v8/Contacts/1")).hasSize(2);
    }

    @Test
    void shouldCarryRetryAfterOf429() {
        zoho().on("GET", "/crm/v8/Contacts/1", Reply.of(429, DocExamples.CRM_TOO_MANY).header("Retry-After", "17"));

        assertThatThrownBy(() -> crm.get(ORG, "Contacts", "1"))
                .isInstanceOfSatisfying(ZohoRateLimitException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(17));
                    assertThat(e.code()).isEqualTo("TOO_MANY_REQUESTS");
                });
    }

    @Test
    void shouldMapATimeoutToARetryableError() {
        zoho().on("GET", "/crm/v8/Contacts/slow", Reply.of(200, DocExamples.CRM_RECORD).delayed(Duration.ofSeconds(3)));

        assertThatThrownBy(() -> crm.get(ORG, "Contacts", "slow"))
                .isInstanceOfSatisfying(ZohoApiException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.code()).isEqualTo("TIMEOUT");
                    assertThat(e.httpStatus()).isZero();
                });
    }

    @Test
    void shouldSubscribeRenewListAndDisableChannels() {
        zoho().on("POST", "/crm/v8/actions/watch", 200, DocExamples.CRM_WATCH_OK);
        zoho().on("PATCH", "/crm/v8/actions/watch", 200, DocExamples.CRM_WATCH_OK);
        zoho().on("GET", "/crm/v8/actions/watch", 200, "{\"watch\":[{\"channel_id\":\"1000000068001\",\"events\":[\"Contacts.all\"]}]}");
        zoho().on("DELETE", "/crm/v8/actions/watch", 200,
                "{\"watch\":[{\"code\":\"SUCCESS\",\"details\":{},\"message\":\"Successfully un-subscribed from actions-watch\",\"status\":\"success\"}]}");
        OffsetDateTime expiry = OffsetDateTime.parse("2025-06-30T10:30:00.123+05:30");

        List<WatchResult> sub = crm.subscribe(ORG, List.of(new WatchChannel("1000000068001",
                List.of("Contacts.all", "Deals.edit"), "https://example.com/zoho/crm/notify?tenant=acme",
                "TOKEN_FOR_VERIFICATION_OF_1000000068001", expiry, true)));
        crm.renew(ORG, "1000000068001", List.of("Contacts.all"), expiry.plusDays(1));
        List<Map<String, Object>> channels = crm.listChannels(ORG);
        List<WatchResult> off = crm.disable(ORG, List.of("1000000068001", "1000000068003"));

        assertThat(sub).singleElement().satisfies(r -> assertThat(r.success()).isTrue());
        assertThat(channels).singleElement().satisfies(c -> assertThat(c).containsEntry("channel_id", "1000000068001"));
        assertThat(off.get(0).success()).isTrue();
        assertThat(zoho().requests("POST", "/crm/v8/actions/watch").get(0).body())
                .contains("\"channel_expiry\":\"2025-06-30T10:30:00+05:30\"", "\"notify_url\"", "\"token\"");
        assertThat(zoho().requests("PATCH", "/crm/v8/actions/watch").get(0).body())
                .contains("\"channel_expiry\":\"2025-07-01T10:30:00+05:30\"");
        assertThat(zoho().requests("DELETE", "/crm/v8/actions/watch").get(0).query("channel_ids"))
                .isEqualTo("1000000068001,1000000068003");
    }

    @Test
    void shouldReportEachChannelOfAMixedSubscribe() {
        zoho().on("POST", "/crm/v8/actions/watch", 207, DocExamples.CRM_WATCH_MIXED);

        List<WatchResult> r = crm.subscribe(ORG, List.of(
                new WatchChannel("1", List.of("Leads.all"), "https://x/y", null, null, false),
                new WatchChannel("", List.of("Leads.all"), "https://x/y", null, null, false)));

        assertThat(r).extracting(WatchResult::success).containsExactly(true, false);
        assertThat(r.get(1).error().code()).isEqualTo("MANDATORY_NOT_FOUND");
    }
}
