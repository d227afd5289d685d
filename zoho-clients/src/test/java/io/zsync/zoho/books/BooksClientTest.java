package io.zsync.zoho.books;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.zsync.zoho.error.ZohoApiException;
import io.zsync.zoho.error.ZohoAuthException;
import io.zsync.zoho.error.ZohoDuplicateException;
import io.zsync.zoho.error.ZohoRateLimitException;
import io.zsync.zoho.error.ZohoValidationException;
import io.zsync.zoho.support.DocExamples;
import io.zsync.zoho.support.FakeZoho;
import io.zsync.zoho.support.FakeZohoState.Recorded;
import io.zsync.zoho.support.FakeZohoState.Reply;
import io.zsync.zoho.support.FakeZohoTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MicronautTest
class BooksClientTest extends FakeZohoTest {
    @Inject
    BooksClient books;

    @Test
    void shouldCreateAContactAndReadNumericIdsAsStrings() {
        zoho().on("POST", "/books/v3/contacts", 201, DocExamples.BOOKS_CONTACT_CREATED);

        BooksContact c = books.createContact(ORG, BooksContactRequest.customer("Bowman and Co", "Bowman and Co",
                BooksContactPerson.primary("Will", "Smith", "willsmith@bowmanfurniture.com", null)));

        assertThat(c.contactId()).isEqualTo("460000000026049");
        assertThat(c.primaryContactId()).isEqualTo("460000000026051");
        assertThat(c.primaryEmail()).contains("willsmith@bowmanfurniture.com");
        assertThat(c.contactPersons()).singleElement()
                .satisfies(p -> assertThat(p.contactPersonId()).isEqualTo("460000000026051"));
        Recorded sent = zoho().requests("POST", "/books/v3/contacts").get(0);
        assertThat(sent.query("organization_id")).isEqualTo(FakeZoho.BOOKS_ORG_ID);
        assertThat(sent.header("Content-Type")).startsWith("application/json"); // form data earns 1038
        assertThat(sent.body()).contains("\"contact_name\":\"Bowman and Co\"", "\"contact_persons\":[{",
                "\"is_primary_contact\":true", "\"email\":\"willsmith@bowmanfurniture.com\"");
    }

    @Test
    void shouldSearchContactsByEmailWithTheOrganizationId() {
        zoho().on("GET", "/books/v3/contacts", 200, DocExamples.BOOKS_CONTACTS_BY_EMAIL);

        List<BooksContact> found = books.searchContactsByEmail(ORG, "WillSmith@bowmanfurniture.com");

        assertThat(found).extracting(BooksContact::contactId).containsExactly("8527119000000099001");
        Recorded sent = zoho().requests("GET", "/books/v3/contacts").get(0);
        assertThat(sent.query("email")).isEqualTo("WillSmith@bowmanfurniture.com");
        assertThat(sent.query("organization_id")).isEqualTo(FakeZoho.BOOKS_ORG_ID);
    }

    @Test
    void shouldReturnAnEmptyListWhenNoContactMatches() {
        zoho().on("GET", "/books/v3/contacts", 200, DocExamples.BOOKS_CONTACTS_EMPTY);

        assertThat(books.searchContactsByEmail(ORG, "nobody@example.com")).isEmpty();
    }

    @Test
    void shouldRaiseANonRetryableDuplicateOn3062() {
        zoho().on("POST", "/books/v3/contacts", 400, DocExamples.BOOKS_DUPLICATE_NAME);

        assertThatThrownBy(() -> books.createContact(ORG, BooksContactRequest.customer("Acme Corp", null,
                BooksContactPerson.primary("A", "B", "a@b.com", null))))
                .isInstanceOfSatisfying(ZohoDuplicateException.class, e -> {
                    assertThat(e.code()).isEqualTo("3062");
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.duplicateId()).isEmpty(); // Books does not say which contact: search by name
                    assertThat(e.apiMessage()).contains("already exists");
                });
    }

    @Test
    void shouldUpdateAContactWithPut() {
        zoho().on("PUT", "/books/v3/contacts/460000000026049", 200, DocExamples.BOOKS_CONTACT_CREATED);

        books.updateContact(ORG, "460000000026049", BooksContactRequest.customer("Bowman and Co", null,
                BooksContactPerson.primary("Will", "Smith", "w@b.com", null)));

        assertThat(zoho().requests("PUT", "/books/v3/contacts/460000000026049")).hasSize(1);
    }

    @Test
    void shouldCreateAnInvoiceAndFindItByReferenceAndNumber() {
        zoho().on("POST", "/books/v3/invoices", 201, DocExamples.BOOKS_INVOICE_CREATED);
        zoho().on("GET", "/books/v3/invoices", 200, "{\"code\":0,\"message\":\"success\",\"invoices\":["
                + "{\"invoice_id\":\"460000000039129\",\"invoice_number\":\"INV-00003\","
                + "\"reference_number\":\"DEAL-3652397000003852095\"}],\"page_context\":{\"has_more_page\":false}}");

        BooksInvoice inv = books.createInvoice(ORG, BooksInvoiceRequest.of("460000000026049",
                "DEAL-3652397000003852095", LocalDate.of(2024, 1, 15),
                List.of(BooksLineItem.of("460000000027009", "Widget", new BigDecimal("120.00"), BigDecimal.valueOf(2)))));

        assertThat(inv.invoiceNumber()).isEqualTo("INV-00003");
        assertThat(inv.total()).isEqualByComparingTo("240");
        assertThat(inv.lineItems()).singleElement().satisfies(l -> assertThat(l.itemId()).isEqualTo("460000000027009"));
        Recorded sent = zoho().requests("POST", "/books/v3/invoices").get(0);
        assertThat(sent.query("ignore_auto_number_generation")).isNull();
        assertThat(sent.body()).contains("\"customer_id\":\"460000000026049\"", "\"date\":\"2024-01-15\"",
                "\"line_items\":[{").doesNotContain("invoice_number");

        assertThat(books.searchInvoicesByReference(ORG, "DEAL-3652397000003852095")).hasSize(1);
        assertThat(books.searchInvoicesByNumber(ORG, "INV-00003")).hasSize(1);
        List<Recorded> searches = zoho().requests("GET", "/books/v3/invoices");
        assertThat(searches.get(0).query("reference_number")).isEqualTo("DEAL-3652397000003852095");
        assertThat(searches.get(1).query("invoice_number")).isEqualTo("INV-00003");
    }

    @Test
    void shouldSwitchOffAutoNumberingForAnOwnInvoiceNumber() {
        zoho().on("POST", "/books/v3/invoices", 201, DocExamples.BOOKS_INVOICE_CREATED);

        books.createInvoice(ORG, new BooksInvoiceRequest("460000000026049", "ORD-1001", null, "2024-01-15", null,
                null, null, null, null, null, List.of(BooksLineItem.of(null, "Widget", BigDecimal.ONE, BigDecimal.ONE)),
                null));

        assertThat(zoho().requests("POST", "/books/v3/invoices").get(0).query("ignore_auto_number_generation"))
                .isEqualTo("true");
    }

    @Test
    void shouldGetInvoicesAndItemsAndTreatMissingOnesAsEmpty() {
        zoho().on("GET", "/books/v3/invoices/460000000039129", 200, DocExamples.BOOKS_INVOICE_CREATED);
        zoho().on("GET", "/books/v3/invoices/1", 404, DocExamples.BOOKS_NOT_FOUND);
        zoho().on("GET", "/books/v3/items/460000000027009", 200, "{\"code\":0,\"message\":\"success\",\"item\":"
                + "{\"item_id\":460000000027009,\"name\":\"Widget\",\"rate\":120.0,\"sku\":\"W-1\"}}");
        zoho().on("GET", "/books/v3/items", 200, "{\"code\":0,\"message\":\"success\",\"items\":[{\"item_id\":\"1\",\"name\":\"Widget\"}],"
                + "\"page_context\":{\"has_more_page\":false}}");

        assertThat(books.getInvoice(ORG, "460000000039129")).isPresent();
        assertThat(books.getInvoice(ORG, "1")).isEmpty();
        assertThat(books.getItem(ORG, "460000000027009")).hasValueSatisfying(i -> {
            assertThat(i.itemId()).isEqualTo("460000000027009");
            assertThat(i.rate()).isEqualByComparingTo("120");
        });
        assertThat(books.listItems(ORG, "Widget")).hasSize(1);
    }

    @Test
    void shouldTreatANonZeroCodeOn200AsAnError() {
        zoho().on("GET", "/books/v3/contacts/9", 200, DocExamples.BOOKS_JSON_MALFORMED);

        assertThatThrownBy(() -> books.getContact(ORG, "9"))
                .isInstanceOfSatisfying(ZohoValidationException.class, e -> assertThat(e.code()).isEqualTo("1038"));
    }

    @Test
    void shouldRetryLaterOn429WithRetryAfter() {
        zoho().on("GET", "/books/v3/contacts/9", Reply.of(429, DocExamples.BOOKS_RATE_LIMITED).header("Retry-After", "60"));

        assertThatThrownBy(() -> books.getContact(ORG, "9"))
                .isInstanceOfSatisfying(ZohoRateLimitException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(60));
                });
    }

    @Test
    void shouldRefreshOnceOn401AndThenGiveUpRetryably() {
        zoho().on("GET", "/books/v3/contacts/9", 401, DocExamples.BOOKS_INVALID_TOKEN);
        int grants = zoho().grants();

        assertThatThrownBy(() -> books.getContact(ORG, "9"))
                .isInstanceOfSatisfying(ZohoAuthException.class, e -> assertThat(e.retryable()).isTrue());
        assertThat(zoho().requests("GET", "/books/v3/contacts/9")).hasSize(2);
        assertThat(zoho().grants()).isGreaterThan(grants);
    }

    @Test
    void shouldMapA500ToRetryable() {
        zoho().on("GET", "/books/v3/contacts/9", 500, "{\"code\":1000,\"message\":\"Internal error\"}");

        assertThatThrownBy(() -> books.getContact(ORG, "9"))
                .isInstanceOfSatisfying(ZohoApiException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.httpStatus()).isEqualTo(500);
                });
    }
}
