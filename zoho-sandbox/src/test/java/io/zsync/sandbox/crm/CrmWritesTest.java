package io.zsync.sandbox.crm;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.zsync.sandbox.support.Reply;
import io.zsync.sandbox.support.SandboxTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** zoho-api.md §3.2, §3.6, §3.8, §3.9: CRM writes, per-record results, statuses and rules. */
@MicronautTest
class CrmWritesTest extends SandboxTestBase {

    // §1.3: CRM ids are 19-digit strings.
    static final String ID_SHAPE = "\\d{19}";
    // §1.3: CRM datetime yyyy-MM-ddTHH:mm:ss±HH:mm, no millis.
    static final String CRM_DATE_TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}";
    // §3.8 request body, verbatim apart from the account id (created first).
    static final String ANNA = """
            {"First_Name":"Anna","Last_Name":"Kingsley","Email":"anna@example.com","Phone":"555-33445561",
             "Account_Name":{"id":"%s"},"Mailing_Street":"220 Market Street","Mailing_City":"Philadelphia",
             "Mailing_State":"Pennsylvania","Mailing_Zip":"19103","Mailing_Country":"USA"}""";

    private String auth;

    @BeforeEach
    void token() {
        auth = sandbox.zohoToken();
    }

    @Test
    void shouldInsertTheDocumentedContactWith201AndFullDetails() {
        String accountId = insertAccount("Zylker");

        Reply reply = post("/crm/v8/Contacts", "{\"data\":[" + ANNA.formatted(accountId) + "],\"trigger\":[\"workflow\"]}");

        assertThat(reply.status()).isEqualTo(201);
        Map<String, Object> element = reply.data(0);
        assertThat(element).containsEntry("code", "SUCCESS").containsEntry("message", "record added").containsEntry("status", "success");
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) element.get("details");
        assertThat((String) details.get("id")).matches(ID_SHAPE);
        assertThat((String) details.get("Created_Time")).matches(CRM_DATE_TIME);
        assertThat((String) details.get("Modified_Time")).matches(CRM_DATE_TIME);
        assertThat(details).containsEntry("$approval_state", "approved").containsKeys("Created_By", "Modified_By");
    }

    @Test
    void shouldReturnLookupsAsNameAndIdAndKeepCustomFields() {
        String accountId = insertAccount("Zylker");
        String contactId = id(post("/crm/v8/Contacts", "{\"data\":[{\"Last_Name\":\"Kingsley\",\"Account_Name\":{\"id\":\""
                + accountId + "\"},\"Books_Customer_ID\":\"460000000026049\",\"External_System_ID\":\"hs-1\"}]}"));

        Map<String, Object> record = sandbox.get("/crm/v8/Contacts/" + contactId, "Authorization", auth).data(0);

        assertThat(record.get("Account_Name")).isEqualTo(Map.of("name", "Zylker", "id", accountId));
        assertThat(record).containsEntry("Books_Customer_ID", "460000000026049").containsEntry("External_System_ID", "hs-1")
                .containsEntry("id", contactId);
    }

    @Test
    void shouldAnswerPerRecordResultsInInputOrderWith207WhenMixed() {
        Reply reply = post("/crm/v8/Leads", "{\"data\":[{\"Last_Name\":\"A\"},{\"First_Name\":\"no last name\"},{\"Last_Name\":\"C\"}]}");

        assertThat(reply.status()).isEqualTo(207);
        assertThat(reply.list("data")).extracting(e -> e.get("code")).containsExactly("SUCCESS", "MANDATORY_NOT_FOUND", "SUCCESS");
        assertThat(reply.data(1).get("details")).isEqualTo(Map.of("api_name", "Last_Name", "json_path", "$.data[1].Last_Name"));
        assertThat(reply.data(1)).containsEntry("message", "required field not found").containsEntry("status", "error");
    }

    @Test
    void shouldAnswer400WithTheDataArrayWhenEveryRecordFails() {
        Reply reply = post("/crm/v8/Leads", "{\"data\":[{\"First_Name\":\"x\"},{\"Company\":\"y\"}]}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.list("data")).hasSize(2).allSatisfy(e -> assertThat(e).containsEntry("status", "error"));
    }

    @ParameterizedTest(name = "{0} needs {1}")
    @CsvSource({
            "Leads, Last_Name, '{\"Company\":\"Zylker\"}'",                  // §3.6 Leads: Last_Name
            "Contacts, Last_Name, '{\"First_Name\":\"Anna\"}'",              // §3.6 Contacts: Last_Name
            "Accounts, Account_Name, '{\"Phone\":\"555\"}'",                // §3.6 Accounts: Account_Name
            "Deals, Deal_Name, '{\"Stage\":\"Qualification\"}'",              // §3.6 Deals: Deal_Name
            "Deals, Stage, '{\"Deal_Name\":\"Big deal\"}'",                   // §3.6 Deals: Stage
            "Products, Product_Name, '{\"Unit_Price\":10}'"                  // §3.6 Products: Product_Name
    })
    void shouldEnforceSystemMandatoryFields(String module, String field, String record) {
        Reply reply = post("/crm/v8/" + module, "{\"data\":[" + record + "]}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.data(0)).containsEntry("code", "MANDATORY_NOT_FOUND");
        assertThat(reply.data(0).get("details")).isEqualTo(Map.of("api_name", field, "json_path", "$.data[0]." + field));
    }

    @Test
    void shouldRejectADuplicateUniqueEmailNamingTheExistingRecord() {
        String firstId = id(post("/crm/v8/Contacts", "{\"data\":[{\"Last_Name\":\"A\",\"Email\":\"dup@example.com\"}]}"));

        Reply reply = post("/crm/v8/Contacts", "{\"data\":[{\"Last_Name\":\"B\",\"Email\":\"DUP@example.com\"}]}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.data(0)).containsEntry("code", "DUPLICATE_DATA").containsEntry("message", "duplicate data");
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) reply.data(0).get("details");
        assertThat(details).containsEntry("api_name", "Email").containsEntry("json_path", "$.data[0].Email");
        assertThat(((Map<?, ?>) details.get("duplicate_record")).get("id")).isEqualTo(firstId);
    }

    @Test
    void shouldFreeAUniqueValueOnceItsRecordChangesItOrIsDeleted() {
        String moved = id(post("/crm/v8/Contacts", "{\"data\":[{\"Last_Name\":\"A\",\"Email\":\"old@example.com\"}]}"));
        String gone = id(post("/crm/v8/Contacts", "{\"data\":[{\"Last_Name\":\"B\",\"Email\":\"gone@example.com\"}]}"));

        sandbox.put("/crm/v8/Contacts", "{\"data\":[{\"id\":\"" + moved + "\",\"Email\":\"new@example.com\"}]}", "Authorization", auth);
        sandbox.delete("/crm/v8/Contacts?ids=" + gone, "Authorization", auth);
        Reply oldAgain = post("/crm/v8/Contacts", "{\"data\":[{\"Last_Name\":\"C\",\"Email\":\"OLD@example.com\"}]}");
        Reply goneAgain = post("/crm/v8/Contacts", "{\"data\":[{\"Last_Name\":\"D\",\"Email\":\"gone@example.com\"}]}");
        Reply newTaken = post("/crm/v8/Contacts", "{\"data\":[{\"Last_Name\":\"E\",\"Email\":\"New@Example.com\"}]}");

        assertThat(oldAgain.status()).isEqualTo(201);
        assertThat(goneAgain.status()).isEqualTo(201);
        assertThat(newTaken.data(0)).containsEntry("code", "DUPLICATE_DATA");
        assertThat(((Map<?, ?>) ((Map<?, ?>) newTaken.data(0).get("details")).get("duplicate_record")).get("id")).isEqualTo(moved);
    }

    @Test
    void shouldUpsertOnALookupFieldById() {
        String account = id(post("/crm/v8/Accounts", "{\"data\":[{\"Account_Name\":\"Acme\"}]}"));
        String deal = id(post("/crm/v8/Deals", "{\"data\":[{\"Deal_Name\":\"D\",\"Stage\":\"Qualification\","
                + "\"Account_Name\":{\"id\":\"" + account + "\"}}]}"));

        Reply reply = post("/crm/v8/Deals/upsert", "{\"data\":[{\"Deal_Name\":\"D2\",\"Account_Name\":{\"id\":\"" + account
                + "\",\"name\":\"Acme\"}}],\"duplicate_check_fields\":[\"Account_Name\"]}");

        assertThat(reply.data(0)).containsEntry("action", "update").containsEntry("duplicate_field", "Account_Name");
        assertThat(((Map<?, ?>) reply.data(0).get("details")).get("id")).isEqualTo(deal);
    }

    @Test
    void shouldUpsertTheOldestOfSeveralMatchingRecordsEveryTime() {
        String oldest = id(post("/crm/v8/Deals", "{\"data\":[{\"Deal_Name\":\"Renewal\",\"Stage\":\"Qualification\"}]}"));
        post("/crm/v8/Deals", "{\"data\":[{\"Deal_Name\":\"Renewal\",\"Stage\":\"Qualification\"}]}");

        Reply first = post("/crm/v8/Deals/upsert", "{\"data\":[{\"Deal_Name\":\"Renewal\",\"Stage\":\"Negotiation\"}]}");
        Reply second = post("/crm/v8/Deals/upsert", "{\"data\":[{\"Deal_Name\":\"renewal\",\"Stage\":\"Closed Won\"}]}");

        assertThat(((Map<?, ?>) first.data(0).get("details")).get("id")).isEqualTo(oldest);
        assertThat(((Map<?, ?>) second.data(0).get("details")).get("id")).isEqualTo(oldest);
    }

    @Test
    void shouldTellUniqueValuesApartIgnoringCaseBeyondTheBasicPlane() {
        // U+10400 and U+10428, the upper- and lower-case Deseret long I: equalsIgnoreCase calls them equal
        Reply first = post("/crm/v8/Contacts", "{\"data\":[{\"Last_Name\":\"A\",\"Email\":\"\uD801\uDC00@example.com\"}]}");

        Reply clash = post("/crm/v8/Contacts", "{\"data\":[{\"Last_Name\":\"B\",\"Email\":\"\uD801\uDC28@example.com\"}]}");

        assertThat(first.status()).isEqualTo(201);
        assertThat(clash.data(0)).containsEntry("code", "DUPLICATE_DATA");
    }

    @Test
    void shouldRefuseMoreThan100RecordsPerWrite() {
        String records = IntStream.range(0, 101).mapToObj(i -> "{\"Last_Name\":\"L" + i + "\"}").collect(Collectors.joining(","));

        Reply reply = post("/crm/v8/Leads", "{\"data\":[" + records + "]}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.map()).containsEntry("code", "LIMIT_EXCEEDED").containsEntry("status", "error");
        assertThat(reply.map().get("details")).isEqualTo(Map.of("maximum_length", 100, "api_name", "data"));
    }

    @Test
    void shouldAcceptExactly100Records() {
        String records = IntStream.range(0, 100).mapToObj(i -> "{\"Last_Name\":\"L" + i + "\"}").collect(Collectors.joining(","));

        Reply reply = post("/crm/v8/Leads", "{\"data\":[" + records + "]}");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.list("data")).hasSize(100);
    }

    @Test
    void shouldUpdateWith200AndExplainMissingOrUnknownIds() {
        String dealId = id(post("/crm/v8/Deals", "{\"data\":[{\"Deal_Name\":\"D\",\"Stage\":\"Qualification\"}]}"));

        Reply ok = sandbox.put("/crm/v8/Deals", "{\"data\":[{\"id\":\"" + dealId + "\",\"Stage\":\"Closed Won\",\"Pipeline\":\"Standard (Standard)\"}]}",
                "Authorization", auth);
        Reply bad = sandbox.put("/crm/v8/Deals", "{\"data\":[{\"Stage\":\"Closed Won\"},{\"id\":\"5725767000000000001\",\"Stage\":\"x\"}]}",
                "Authorization", auth);

        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.data(0)).containsEntry("message", "record updated");
        assertThat(sandbox.get("/crm/v8/Deals/" + dealId, "Authorization", auth).data(0)).containsEntry("Stage", "Closed Won");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.data(0)).containsEntry("code", "MANDATORY_NOT_FOUND");
        assertThat(bad.data(1)).containsEntry("code", "INVALID_DATA").containsEntry("message", "the id given seems to be invalid");
    }

    @Test
    void shouldUpsertByDuplicateCheckFieldsReportingTheAction() {
        String existing = id(post("/crm/v8/Leads", "{\"data\":[{\"Last_Name\":\"Old\",\"Email\":\"up@example.com\"}]}"));

        Reply reply = post("/crm/v8/Leads/upsert", "{\"data\":[{\"Last_Name\":\"New\",\"Email\":\"up@example.com\"},"
                + "{\"Last_Name\":\"Fresh\",\"Email\":\"fresh@example.com\"}],\"duplicate_check_fields\":[\"Email\"]}");

        assertThat(reply.data(0)).containsEntry("action", "update").containsEntry("duplicate_field", "Email")
                .containsEntry("message", "record updated");
        assertThat(((Map<?, ?>) reply.data(0).get("details")).get("id")).isEqualTo(existing);
        assertThat(reply.data(1)).containsEntry("action", "insert").containsEntry("duplicate_field", null)
                .containsEntry("message", "record added");
    }

    @Test
    void shouldDeleteIntoTheRecycleBin() {
        String a = id(post("/crm/v8/Leads", "{\"data\":[{\"Last_Name\":\"A\"}]}"));
        String b = id(post("/crm/v8/Leads", "{\"data\":[{\"Last_Name\":\"B\"}]}"));

        Reply deleted = sandbox.delete("/crm/v8/Leads?ids=" + a + "," + b + "&wf_trigger=true", "Authorization", auth);
        Reply bin = sandbox.get("/crm/v8/Leads/deleted?type=all", "Authorization", auth);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.list("data")).containsExactly(
                Map.of("code", "SUCCESS", "details", Map.of("id", a), "message", "record deleted", "status", "success"),
                Map.of("code", "SUCCESS", "details", Map.of("id", b), "message", "record deleted", "status", "success"));
        assertThat(bin.list("data")).extracting(r -> r.get("id")).containsExactlyInAnyOrder(a, b);
        assertThat(bin.data(0)).containsEntry("type", "recycle").containsKey("deleted_time");
        assertThat(sandbox.get("/crm/v8/Leads?fields=Last_Name", "Authorization", auth).status()).isEqualTo(204);
    }

    @Test
    void shouldRejectAnUnknownModule() {
        Reply reply = sandbox.get("/crm/v8/Widgets?fields=Name", "Authorization", auth);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.map()).containsEntry("code", "INVALID_MODULE");
    }

    @Test
    void shouldRejectALookupToAMissingRecord() {
        Reply reply = post("/crm/v8/Contacts", "{\"data\":[{\"Last_Name\":\"K\",\"Account_Name\":{\"id\":\"5725767000000000009\"}}]}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.data(0)).containsEntry("code", "INVALID_DATA");
        assertThat(((Map<?, ?>) reply.data(0).get("details")).get("api_name")).isEqualTo("Account_Name");
    }

    @Test
    void shouldUpsertOnTheSystemDuplicateCheckFieldWhenNoneIsGiven() {
        String existing = insertAccount("Zylker");

        Reply reply = post("/crm/v8/Accounts/upsert", "{\"data\":[{\"Account_Name\":\"Zylker\",\"Phone\":\"555\"}]}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.data(0)).containsEntry("action", "update").containsEntry("duplicate_field", "Account_Name");
        assertThat(id(reply)).isEqualTo(existing);
    }

    @Test
    void shouldRefuseAnUpdateWhenTheRecordChangedSinceIfUnmodifiedSince() {
        String leadId = id(post("/crm/v8/Leads", "{\"data\":[{\"Last_Name\":\"L\"}]}"));
        String created = (String) sandbox.get("/crm/v8/Leads/" + leadId, "Authorization", auth).data(0).get("Modified_Time");
        sandbox.post("/_sandbox/clock/advance", "{\"seconds\":30}");
        auth = sandbox.zohoToken();
        sandbox.put("/crm/v8/Leads/" + leadId, "{\"data\":[{\"Lead_Status\":\"Contacted\"}]}", "Authorization", auth);

        Reply stale = sandbox.put("/crm/v8/Leads/" + leadId, "{\"data\":[{\"Lead_Status\":\"Junk Lead\"}]}",
                "Authorization", auth, "If-Unmodified-Since", created);

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.map()).containsEntry("code", "ALREADY_MODIFIED");
    }

    @Test
    void shouldKeepContactRolesOnADeal() {
        String dealId = id(post("/crm/v8/Deals", "{\"data\":[{\"Deal_Name\":\"D\",\"Stage\":\"Qualification\"}]}"));
        String contactId = id(post("/crm/v8/Contacts", "{\"data\":[{\"Last_Name\":\"K\",\"Email\":\"k@example.com\"}]}"));

        sandbox.put("/crm/v8/Deals/" + dealId + "/Contact_Roles/" + contactId, "{\"data\":[{\"Contact_Role\":{\"name\":\"Purchasing\"}}]}",
                "Authorization", auth);
        Reply roles = sandbox.get("/crm/v8/Deals/" + dealId + "/Contact_Roles?fields=Email,Contact_Role", "Authorization", auth);

        assertThat(roles.data(0)).containsEntry("Email", "k@example.com").containsEntry("id", contactId);
        assertThat(((Map<?, ?>) roles.data(0).get("Contact_Role")).get("name")).isEqualTo("Purchasing");
    }

    private String insertAccount(String name) {
        return id(post("/crm/v8/Accounts", "{\"data\":[{\"Account_Name\":\"" + name + "\"}]}"));
    }

    private Reply post(String path, String body) {
        return sandbox.post(path, body, "Authorization", auth);
    }

    static String id(Reply reply) {
        return (String) ((Map<?, ?>) reply.data(0).get("details")).get("id");
    }

    static List<String> ids(Reply reply) {
        return reply.list("data").stream().map(e -> (String) ((Map<?, ?>) e.get("details")).get("id")).toList();
    }
}
