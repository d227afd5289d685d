package io.zsync.sandbox.books;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.zsync.sandbox.support.Reply;
import io.zsync.sandbox.support.SandboxTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** zoho-api.md §5: Books envelopes, contacts, invoices, errors and the per-minute limit. */
@MicronautTest
class BooksApiTest extends SandboxTestBase {

    static final String ORG = "organization_id=10234695"; // the configured organization
    // §5.2: created_time carries an offset without a colon, e.g. 2013-08-05T12:06:10+0530.
    static final String BOOKS_DATE_TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{4}";
    // §5.2 sample contact, trimmed.
    static final String BOWMAN = """
            {"contact_name":"Bowman and Co","company_name":"Bowman and Co",
             "billing_address":{"address":"4900 Hopyard Rd","street2":"Suite 310","city":"Pleasanton","state":"CA","zip":"94588","country":"U.S.A"},
             "contact_persons":[{"first_name":"Will","last_name":"Smith","email":"willsmith@bowmanfurniture.com","is_primary_contact":true}]}""";

    private String auth;

    @BeforeEach
    void token() {
        auth = sandbox.zohoToken();
    }

    @Test
    void shouldRequireTheOrganizationId() {
        Reply reply = sandbox.get("/books/v3/contacts", "Authorization", auth);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(((Number) reply.map().get("code")).intValue()).isNotZero();
    }

    @Test
    void shouldCreateTheDocumentedContactWithCodeZero() {
        Reply reply = sandbox.post("/books/v3/contacts?" + ORG, BOWMAN, "Authorization", auth);

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.map()).containsEntry("code", 0).containsKey("message");
        @SuppressWarnings("unchecked")
        Map<String, Object> contact = (Map<String, Object>) reply.map().get("contact");
        assertThat((String) contact.get("contact_id")).matches("\\d{15,19}");
        assertThat(contact).containsEntry("contact_type", "customer").containsEntry("status", "active")
                .containsEntry("email", "willsmith@bowmanfurniture.com");
        assertThat((String) contact.get("created_time")).matches(BOOKS_DATE_TIME);
        @SuppressWarnings("unchecked")
        Map<String, Object> person = ((List<Map<String, Object>>) contact.get("contact_persons")).get(0);
        assertThat(person).containsEntry("email", "willsmith@bowmanfurniture.com").containsEntry("is_primary_contact", true);
        assertThat(contact.get("primary_contact_id")).isEqualTo(person.get("contact_person_id"));
    }

    @Test
    void shouldRefuseADuplicateContactNameWith3062() {
        sandbox.post("/books/v3/contacts?" + ORG, "{\"contact_name\":\"Acme Corp\"}", "Authorization", auth);

        Reply reply = sandbox.post("/books/v3/contacts?" + ORG, "{\"contact_name\":\"Acme Corp\"}", "Authorization", auth);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.map()).containsEntry("code", 3062)
                .containsEntry("message", "The customer \"Acme Corp\" already exists. Please specify a different name.");
    }

    @Test
    void shouldFindContactsByEmailWithPageContextAndAnswerAnEmptyList() {
        sandbox.post("/books/v3/contacts?" + ORG, BOWMAN, "Authorization", auth);

        Reply found = sandbox.get("/books/v3/contacts?" + ORG + "&email=willsmith@bowmanfurniture.com", "Authorization", auth);
        Reply none = sandbox.get("/books/v3/contacts?" + ORG + "&email=nobody@example.com", "Authorization", auth);

        assertThat(found.list("contacts")).extracting(c -> c.get("contact_name")).containsExactly("Bowman and Co");
        assertThat((Map<String, Object>) found.map().get("page_context")).containsKeys("page", "per_page", "has_more_page");
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.list("contacts")).isEmpty();
    }

    @Test
    void shouldNumberInvoicesUnlessAutoNumberingIsOff() {
        String customer = contactId(sandbox.post("/books/v3/contacts?" + ORG, BOWMAN, "Authorization", auth));
        String item = (String) ((Map<?, ?>) sandbox.post("/books/v3/items?" + ORG, "{\"name\":\"Widget\",\"rate\":25}",
                "Authorization", auth).map().get("item")).get("item_id");
        String body = "{\"customer_id\":\"" + customer + "\",\"date\":\"2024-01-15\",\"line_items\":[{\"item_id\":\"" + item
                + "\",\"quantity\":2}]}";

        Reply first = sandbox.post("/books/v3/invoices?" + ORG, body, "Authorization", auth);
        Reply second = sandbox.post("/books/v3/invoices?" + ORG, body, "Authorization", auth);
        Reply manual = sandbox.post("/books/v3/invoices?" + ORG + "&ignore_auto_number_generation=true",
                body.replace("{\"customer_id\"", "{\"invoice_number\":\"CUSTOM-1\",\"customer_id\""), "Authorization", auth);
        Reply duplicate = sandbox.post("/books/v3/invoices?" + ORG + "&ignore_auto_number_generation=true",
                body.replace("{\"customer_id\"", "{\"invoice_number\":\"CUSTOM-1\",\"customer_id\""), "Authorization", auth);
        Reply missing = sandbox.post("/books/v3/invoices?" + ORG + "&ignore_auto_number_generation=true", body, "Authorization", auth);

        assertThat(first.status()).isEqualTo(201);
        assertThat(invoice(first)).containsEntry("invoice_number", "INV-00001").containsEntry("status", "draft")
                .containsEntry("date", "2024-01-15").containsEntry("customer_id", customer);
        assertThat(((Number) invoice(first).get("total")).doubleValue()).isEqualTo(50.0);
        assertThat(invoice(second)).containsEntry("invoice_number", "INV-00002");
        assertThat(invoice(manual)).containsEntry("invoice_number", "CUSTOM-1");
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(((Number) duplicate.map().get("code")).intValue()).isNotZero();
        assertThat(missing.status()).isEqualTo(400);
        Reply fetched = sandbox.get("/books/v3/invoices/" + invoice(first).get("invoice_id") + "?" + ORG, "Authorization", auth);
        assertThat(fetched.map()).containsEntry("code", 0);
        assertThat(sandbox.get("/books/v3/invoices?" + ORG + "&invoice_number=INV-00002", "Authorization", auth)
                .list("invoices")).hasSize(1);
    }

    @Test
    void shouldRejectFormDataAsMalformedJson() {
        Reply reply = sandbox.postForm("/books/v3/contacts?" + ORG, Map.of("contact_name", "Form Co"), "Authorization", auth);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.map()).containsEntry("code", 1038);
    }

    @Test
    void shouldAnswer404WithCode1002ForAMissingInvoice() {
        Reply reply = sandbox.get("/books/v3/invoices/4600000000000000001?" + ORG, "Authorization", auth);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.map()).containsEntry("code", 1002);
    }

    @Test
    void shouldLimitAnOrganizationTo100RequestsPerMinute() {
        for (int i = 0; i < 100; i++) {
            assertThat(sandbox.get("/books/v3/contacts?" + ORG, "Authorization", auth).status()).isEqualTo(200);
        }

        Reply limited = sandbox.get("/books/v3/contacts?" + ORG, "Authorization", auth);
        sandbox.post("/_sandbox/clock/advance", "{\"seconds\":61}");
        Reply later = sandbox.get("/books/v3/contacts?" + ORG, "Authorization", sandbox.zohoToken());

        assertThat(limited.status()).isEqualTo(429);
        assertThat(((Number) limited.map().get("code")).intValue()).isNotZero();
        assertThat(later.status()).isEqualTo(200);
    }

    @Test
    void shouldUpdateAContactKeepingTheNameUnique() {
        String acme = contactId(sandbox.post("/books/v3/contacts?" + ORG, "{\"contact_name\":\"Acme\"}", "Authorization", auth));
        sandbox.post("/books/v3/contacts?" + ORG, "{\"contact_name\":\"Globex\"}", "Authorization", auth);

        Reply renamed = sandbox.put("/books/v3/contacts/" + acme + "?" + ORG, "{\"contact_name\":\"Acme Ltd\"}", "Authorization", auth);
        Reply clash = sandbox.put("/books/v3/contacts/" + acme + "?" + ORG, "{\"contact_name\":\"globex\"}", "Authorization", auth);

        assertThat(renamed.map()).containsEntry("code", 0);
        assertThat(((Map<?, ?>) renamed.map().get("contact")).get("contact_name")).isEqualTo("Acme Ltd");
        assertThat(clash.map()).containsEntry("code", 3062);
    }

    @Test
    void shouldFreeTheNameOfARenamedOrDeletedContact() {
        String acme = contactId(sandbox.post("/books/v3/contacts?" + ORG, "{\"contact_name\":\"Initech\"}", "Authorization", auth));
        String umbrella = contactId(sandbox.post("/books/v3/contacts?" + ORG, "{\"contact_name\":\"Umbrella\"}", "Authorization", auth));

        sandbox.put("/books/v3/contacts/" + acme + "?" + ORG, "{\"contact_name\":\"Initech Ltd\"}", "Authorization", auth);
        Reply oldNameAgain = sandbox.post("/books/v3/contacts?" + ORG, "{\"contact_name\":\"INITECH\"}", "Authorization", auth);
        Reply newNameTaken = sandbox.post("/books/v3/contacts?" + ORG, "{\"contact_name\":\"initech ltd\"}", "Authorization", auth);
        Reply sameNameKept = sandbox.put("/books/v3/contacts/" + acme + "?" + ORG, "{\"contact_name\":\"Initech LTD\"}", "Authorization", auth);
        sandbox.delete("/books/v3/contacts/" + umbrella + "?" + ORG, "Authorization", auth);
        Reply deletedNameAgain = sandbox.post("/books/v3/contacts?" + ORG, "{\"contact_name\":\"Umbrella\"}", "Authorization", auth);

        assertThat(oldNameAgain.status()).isEqualTo(201);
        assertThat(newNameTaken.map()).containsEntry("code", 3062);
        assertThat(sameNameKept.map()).containsEntry("code", 0);
        assertThat(deletedNameAgain.status()).isEqualTo(201);
    }

    private static String contactId(Reply reply) {
        return (String) ((Map<?, ?>) reply.map().get("contact")).get("contact_id");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> invoice(Reply reply) {
        return (Map<String, Object>) reply.map().get("invoice");
    }
}
