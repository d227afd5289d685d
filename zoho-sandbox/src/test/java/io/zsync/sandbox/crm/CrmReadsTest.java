package io.zsync.sandbox.crm;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.zsync.sandbox.support.Reply;
import io.zsync.sandbox.support.SandboxTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** zoho-api.md §3.3, §3.10–§3.12: lists, pagination, If-Modified-Since, search, COQL, related records. */
@MicronautTest
class CrmReadsTest extends SandboxTestBase {

    private String auth;

    @BeforeEach
    void token() {
        auth = sandbox.zohoToken();
    }

    @Test
    void shouldRequireFieldsOnList() {
        Reply reply = get("/crm/v8/Leads");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.map()).containsEntry("code", "REQUIRED_PARAM_MISSING");
        assertThat(reply.map().get("details")).isEqualTo(Map.of("param_name", "fields"));
    }

    @Test
    void shouldAnswer204WithAnEmptyBodyWhenNothingMatches() {
        Reply list = get("/crm/v8/Contacts?fields=Last_Name");
        Reply search = get("/crm/v8/Contacts/search?email=nobody%40example.com");

        assertThat(list.status()).isEqualTo(204);
        assertThat(list.body()).isEmpty();
        assertThat(search.status()).isEqualTo(204);
        assertThat(search.body()).isEmpty();
    }

    @Test
    void shouldPageWithPageTokensWithoutLosingOrRepeatingRecords() {
        List<String> inserted = CrmWritesTest.ids(insertLeads(5));

        List<String> seen = new ArrayList<>();
        Reply page = get("/crm/v8/Leads?fields=Last_Name&per_page=2&sort_order=asc");
        seen.addAll(page.list("data").stream().map(r -> (String) r.get("id")).toList());
        while (Boolean.TRUE.equals(info(page).get("more_records"))) {
            String token = (String) info(page).get("next_page_token");
            assertThat((String) info(page).get("page_token_expiry")).matches(CrmWritesTest.CRM_DATE_TIME);
            page = get("/crm/v8/Leads?fields=Last_Name&per_page=2&sort_order=asc&page_token=" + token);
            seen.addAll(page.list("data").stream().map(r -> (String) r.get("id")).toList());
        }

        assertThat(seen).containsExactlyElementsOf(inserted);
        assertThat(info(page)).containsEntry("count", 1).containsEntry("per_page", 2).containsEntry("next_page_token", null);
    }

    @Test
    void shouldBindAPageTokenToItsQuery() {
        insertLeads(3);
        String token = (String) info(get("/crm/v8/Leads?fields=Last_Name&per_page=2")).get("next_page_token");

        Reply changed = get("/crm/v8/Leads?fields=Last_Name,Email&per_page=2&page_token=" + token);
        Reply both = get("/crm/v8/Leads?fields=Last_Name&per_page=2&page=2&page_token=" + token);

        assertThat(changed.map()).containsEntry("code", "TOKEN_BOUND_DATA_MISMATCH");
        assertThat(both.map()).containsEntry("code", "AMBIGUITY_DURING_PROCESSING");
    }

    @Test
    void shouldRefusePagesBeyondTheFirst2000WithoutAToken() {
        Reply reply = get("/crm/v8/Leads?fields=Last_Name&per_page=200&page=11");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.map()).containsEntry("code", "DISCRETE_PAGINATION_LIMIT_EXCEEDED");
        assertThat(reply.map().get("details")).isEqualTo(Map.of("limit", 2000));
    }

    @Test
    void shouldFilterByIfModifiedSinceAndAnswer304WhenNothingChanged() {
        List<String> ids = CrmWritesTest.ids(insertLeads(2));
        sandbox.post("/_sandbox/clock/advance", "{\"seconds\":10}");
        String since = (String) get("/crm/v8/Leads/" + ids.get(0)).data(0).get("Modified_Time");
        String sinceLater = OffsetDateTime.parse(since).plusSeconds(5).toString();
        sandbox.put("/crm/v8/Leads/" + ids.get(1), "{\"data\":[{\"Lead_Status\":\"Contacted\"}]}", "Authorization", auth);

        Reply changed = get("/crm/v8/Leads?fields=Last_Name", "If-Modified-Since", sinceLater);
        sandbox.post("/_sandbox/clock/advance", "{\"seconds\":10}");
        String now = OffsetDateTime.parse(since).plusSeconds(30).toString();
        Reply unchanged = get("/crm/v8/Leads?fields=Last_Name", "If-Modified-Since", now);

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.list("data")).extracting(r -> r.get("id")).containsExactly(ids.get(1));
        assertThat(unchanged.status()).isEqualTo(304);
    }

    @Test
    void shouldSortByModifiedTime() {
        List<String> ids = CrmWritesTest.ids(insertLeads(3));
        sandbox.post("/_sandbox/clock/advance", "{\"seconds\":5}");
        sandbox.put("/crm/v8/Leads/" + ids.get(0), "{\"data\":[{\"Lead_Status\":\"Contacted\"}]}", "Authorization", auth);

        Reply reply = get("/crm/v8/Leads?fields=Last_Name,Modified_Time&sort_by=Modified_Time&sort_order=desc");

        assertThat(reply.data(0)).containsEntry("id", ids.get(0));
        assertThat(info(reply)).containsEntry("sort_by", "Modified_Time").containsEntry("sort_order", "desc");
    }

    @Test
    void shouldGetRecordsByIdsAndReturnOnlyTheAskedFields() {
        List<String> ids = CrmWritesTest.ids(insertLeads(3));

        Reply reply = get("/crm/v8/Leads?fields=Last_Name&ids=" + ids.get(0) + "," + ids.get(2));

        assertThat(reply.list("data")).extracting(r -> r.get("id")).containsExactlyInAnyOrder(ids.get(0), ids.get(2));
        assertThat(reply.data(0).keySet()).containsExactly("Last_Name", "id");
    }

    @Test
    void shouldAnswerEachExistingIdOnceAndLeaveOutUnknownIds() {
        List<String> ids = CrmWritesTest.ids(insertLeads(2));

        Reply reply = get("/crm/v8/Leads?fields=Last_Name&ids=" + ids.get(1) + ",999999999999999999," + ids.get(1));

        assertThat(reply.list("data")).extracting(r -> r.get("id")).containsExactly(ids.get(1));
    }

    @Test
    void shouldTreatEqualsAsContainsInSearchCriteria() {
        post("/crm/v8/Leads", "{\"data\":[{\"Last_Name\":\"A\",\"Company\":\"ABC Inc\"},{\"Last_Name\":\"B\",\"Company\":\"XYZ\"},"
                + "{\"Last_Name\":\"C\",\"Company\":\"Burns,B\"}]}");

        Reply contains = get("/crm/v8/Leads/search?criteria=" + enc("(Company:equals:ABC)"));
        Reply startsWith = get("/crm/v8/Leads/search?criteria=" + enc("((Company:starts_with:XY)or(Last_Name:equals:A))"));
        Reply escaped = get("/crm/v8/Leads/search?criteria=" + enc("(Company:equals:Burns\\,B)"));
        Reply in = get("/crm/v8/Leads/search?criteria=" + enc("(Last_Name:in:A,C)"));

        assertThat(contains.list("data")).extracting(r -> r.get("Company")).containsExactly("ABC Inc");
        assertThat(startsWith.list("data")).hasSize(2);
        assertThat(escaped.list("data")).extracting(r -> r.get("Company")).containsExactly("Burns,B");
        assertThat(in.list("data")).extracting(r -> r.get("Last_Name")).containsExactlyInAnyOrder("A", "C");
        assertThat(info(contains)).containsKeys("per_page", "count", "page", "more_records");
    }

    @Test
    void shouldSearchEveryEmailFieldWithEmail() {
        post("/crm/v8/Contacts", "{\"data\":[{\"Last_Name\":\"K\",\"Secondary_Email\":\"anna@example.com\"}]}");

        Reply reply = get("/crm/v8/Contacts/search?email=" + enc("anna@example.com"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.data(0)).containsEntry("Last_Name", "K");
    }

    @Test
    void shouldRejectMalformedCriteria() {
        Reply reply = get("/crm/v8/Leads/search?criteria=" + enc("(Company equals ABC"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.map()).containsEntry("code", "INVALID_QUERY");
    }

    @Test
    void shouldAnswerCoqlWithFlatDotPathsAndRequireAWhereClause() {
        String accountId = CrmWritesTest.id(post("/crm/v8/Accounts", "{\"data\":[{\"Account_Name\":\"Zylker\"}]}"));
        post("/crm/v8/Contacts", "{\"data\":[{\"Last_Name\":\"K\",\"Email\":\"a@b.com\",\"Account_Name\":{\"id\":\"" + accountId + "\"}}]}");

        Reply reply = post("/crm/v8/coql", "{\"select_query\":\"select Last_Name, Account_Name, Account_Name.Account_Name "
                + "from Contacts where Email = 'a@b.com' limit 200\"}");
        Reply none = post("/crm/v8/coql", "{\"select_query\":\"select Last_Name from Contacts where Email = 'x@y.com'\"}");
        Reply noWhere = post("/crm/v8/coql", "{\"select_query\":\"select Last_Name from Contacts\"}");

        assertThat(reply.data(0)).containsEntry("Account_Name", Map.of("id", accountId))
                .containsEntry("Account_Name.Account_Name", "Zylker");
        assertThat(reply.map().get("info")).isEqualTo(Map.of("count", 1, "more_records", false));
        assertThat(none.status()).isEqualTo(204);
        assertThat(noWhere.map()).containsEntry("code", "SYNTAX_ERROR");
    }

    @Test
    void shouldListADealsProductsWithQuantityAndListPrice() {
        String dealId = CrmWritesTest.id(post("/crm/v8/Deals", "{\"data\":[{\"Deal_Name\":\"D\",\"Stage\":\"Qualification\"}]}"));
        String productId = CrmWritesTest.id(post("/crm/v8/Products", "{\"data\":[{\"Product_Name\":\"Widget\",\"Unit_Price\":25,"
                + "\"Books_Item_ID\":\"460000000000111\"}]}"));

        Reply empty = get("/crm/v8/Deals/" + dealId + "/Products?fields=Product_Name,Quantity,List_Price");
        Reply linked = sandbox.put("/crm/v8/Deals/" + dealId + "/Products/" + productId, "{\"data\":[{\"Quantity\":3}]}",
                "Authorization", auth);
        Reply related = get("/crm/v8/Deals/" + dealId + "/Products?fields=Product_Name,Quantity,List_Price,Books_Item_ID");

        assertThat(empty.status()).isEqualTo(204);
        assertThat(linked.data(0)).containsEntry("code", "SUCCESS");
        assertThat(related.data(0)).containsEntry("Product_Name", "Widget").containsEntry("Quantity", 3)
                .containsEntry("List_Price", 25).containsEntry("Books_Item_ID", "460000000000111").containsEntry("id", productId);
    }

    @Test
    void shouldListAnAccountsContactsThroughTheLookup() {
        String accountId = CrmWritesTest.id(post("/crm/v8/Accounts", "{\"data\":[{\"Account_Name\":\"Zylker\"}]}"));
        post("/crm/v8/Contacts", "{\"data\":[{\"Last_Name\":\"K\",\"Account_Name\":{\"id\":\"" + accountId + "\"}},{\"Last_Name\":\"Other\"}]}");

        Reply reply = get("/crm/v8/Accounts/" + accountId + "/Contacts?fields=Last_Name");

        assertThat(reply.list("data")).extracting(r -> r.get("Last_Name")).containsExactly("K");
    }

    private Reply insertLeads(int count) {
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < count; i++) {
            data.append(i == 0 ? "" : ",").append("{\"Last_Name\":\"Lead").append(i).append("\"}");
        }
        return post("/crm/v8/Leads", "{\"data\":[" + data + "]}");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> info(Reply reply) {
        return (Map<String, Object>) reply.map().get("info");
    }

    private Reply get(String path, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = auth;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return sandbox.get(path, all);
    }

    private Reply post(String path, String body) {
        return sandbox.post(path, body, "Authorization", auth);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
