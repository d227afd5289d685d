package io.zsync.crmbooks.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerDecisionTest {

    private static final String ID = "5725767000000524157";
    private static final CustomerRules RULES = new CustomerRules("Books_Customer_ID", "cf_crm_contact_id", false);

    /** The contact of zoho-api.md §3.8, with its account. */
    private static Map<String, Object> anna() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", ID);
        c.put("First_Name", "Anna");
        c.put("Last_Name", "Kingsley");
        c.put("Email", "anna@example.com");
        c.put("Phone", "555-33445561");
        c.put("Account_Name", Map.of("name", "Zylker", "id", "5725767000007910001"));
        c.put("Mailing_Street", "220 Market Street");
        c.put("Mailing_City", "Philadelphia");
        c.put("Mailing_State", "Pennsylvania");
        c.put("Mailing_Zip", "19103");
        c.put("Mailing_Country", "USA");
        c.put("Books_Customer_ID", null);
        return c;
    }

    private static Map<String, Object> with(Map<String, Object> contact, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(contact);
        copy.put(field, value);
        return copy;
    }

    private static ContactState fresh(Map<String, Object> contact) {
        return new ContactState(ID, false, contact, Optional.empty(), Optional.empty(), false);
    }

    private static ContactState known(Map<String, Object> contact, String customerId, String lastHash) {
        return new ContactState(ID, false, contact, Optional.of(customerId), Optional.ofNullable(lastHash), false);
    }

    private static String hashOf(Map<String, Object> contact) {
        return io.zsync.sync.domain.MappedHash.of(CustomerDecision.map(ID, contact).orElseThrow().mappedValues());
    }

    @Test
    void shouldCreateACustomerWithEveryMappedFieldForANewContact() {
        CustomerDecision decision = CustomerDecision.decide(fresh(anna()), RULES);

        assertThat(decision).isInstanceOf(CustomerDecision.Create.class);
        CustomerDecision.Create create = (CustomerDecision.Create) decision;
        assertThat(create.lookupFirst()).isFalse(); // the normal path pays no lookup
        CustomerPayload p = create.payload();
        assertThat(p.crmContactId()).isEqualTo(ID);
        assertThat(p.contactName()).isEqualTo("Anna Kingsley");
        assertThat(p.companyName()).isEqualTo("Zylker");
        assertThat(p.customerSubType()).isEqualTo("business");
        assertThat(p.firstName()).isEqualTo("Anna");
        assertThat(p.lastName()).isEqualTo("Kingsley");
        assertThat(p.email()).isEqualTo("anna@example.com");
        assertThat(p.phone()).isEqualTo("555-33445561");
        assertThat(p.billing()).isEqualTo(new CustomerPayload.Address("Anna Kingsley", "220 Market Street",
                "Philadelphia", "Pennsylvania", "19103", "USA"));
        assertThat(create.mappedHash()).hasSize(32);
    }

    @Test
    void shouldLookUpBeforeCreatingWhenAnEarlierAttemptMayHaveCreated() {
        ContactState state = new ContactState(ID, false, anna(), Optional.empty(), Optional.empty(), true);

        assertThat(CustomerDecision.decide(state, RULES))
                .isInstanceOfSatisfying(CustomerDecision.Create.class, c -> assertThat(c.lookupFirst()).isTrue());
    }

    @Test
    void shouldLookUpBeforeEveryCreateWhenTheOrgAsksForIt() {
        CustomerRules rules = new CustomerRules("Books_Customer_ID", null, true);

        assertThat(CustomerDecision.decide(fresh(anna()), rules))
                .isInstanceOfSatisfying(CustomerDecision.Create.class, c -> assertThat(c.lookupFirst()).isTrue());
    }

    @Test
    void shouldKeepUnicodeNamesAsTheyAre() {
        Map<String, Object> contact = with(with(with(anna(), "First_Name", "Zoë"), "Last_Name", "Ångström-李小龍"),
                "Mailing_City", "Zürich");

        CustomerPayload p = ((CustomerDecision.Create) CustomerDecision.decide(fresh(contact), RULES)).payload();

        assertThat(p.contactName()).isEqualTo("Zoë Ångström-李小龍");
        assertThat(p.billing().attention()).isEqualTo("Zoë Ångström-李小龍");
        assertThat(p.billing().city()).isEqualTo("Zürich");
    }

    @Test
    void shouldHashUnicodeValuesStablyAndTellNormalizationFormsApart() {
        Map<String, Object> composed = with(anna(), "First_Name", "Zo\u00eb");
        Map<String, Object> decomposed = with(anna(), "First_Name", "Zoe\u0308");

        assertThat(hashOf(composed)).isEqualTo(hashOf(with(anna(), "First_Name", "Zo\u00eb")));
        // CRM returns what was stored; two byte sequences are two values, and a change between them is a change
        assertThat(hashOf(composed)).isNotEqualTo(hashOf(decomposed));
    }

    @Test
    void shouldMakeAnIndividualCustomerWhenTheContactHasNoAccount() {
        CustomerPayload p = ((CustomerDecision.Create) CustomerDecision.decide(fresh(with(anna(), "Account_Name", null)),
                RULES)).payload();

        assertThat(p.companyName()).isNull();
        assertThat(p.customerSubType()).isEqualTo("individual");
    }

    @Test
    void shouldTreatAnAccountLookupWithoutANameAsNoCompany() {
        Map<String, Object> lookupWithoutName = new HashMap<>();
        lookupWithoutName.put("id", "5725767000007910001");
        lookupWithoutName.put("name", null);

        CustomerPayload p = ((CustomerDecision.Create) CustomerDecision.decide(
                fresh(with(anna(), "Account_Name", lookupWithoutName)), RULES)).payload();

        assertThat(p.companyName()).isNull();
    }

    @Test
    void shouldNameTheCustomerAfterTheLastNameAloneWhenThereIsNoFirstName() {
        CustomerPayload p = ((CustomerDecision.Create) CustomerDecision.decide(fresh(with(anna(), "First_Name", null)),
                RULES)).payload();

        assertThat(p.contactName()).isEqualTo("Kingsley");
        assertThat(p.billing().attention()).isEqualTo("Kingsley");
        assertThat(p.firstName()).isNull();
    }

    @Test
    void shouldNameTheCustomerAfterTheEmailWhenTheContactHasNoName() {
        Map<String, Object> contact = with(with(anna(), "First_Name", null), "Last_Name", "  ");

        CustomerPayload p = ((CustomerDecision.Create) CustomerDecision.decide(fresh(contact), RULES)).payload();

        assertThat(p.contactName()).isEqualTo("anna@example.com");
        assertThat(p.billing().attention()).isNull();
    }

    @Test
    void shouldFailAContactWithNothingToNameItAfter() {
        Map<String, Object> contact = with(with(with(anna(), "First_Name", null), "Last_Name", null), "Email", "");

        assertThat(CustomerDecision.decide(fresh(contact), RULES)).isInstanceOfSatisfying(CustomerDecision.Fail.class,
                f -> {
                    assertThat(f.code()).isEqualTo("CONTACT_WITHOUT_NAME");
                    assertThat(f.message()).contains(ID);
                });
    }

    @Test
    void shouldLeaveOutMissingAndBlankFieldsInsteadOfSendingEmptyText() {
        Map<String, Object> contact = new HashMap<>();
        contact.put("id", ID);
        contact.put("Last_Name", " Kingsley ");
        contact.put("Email", "");
        contact.put("Phone", "   ");

        CustomerPayload p = ((CustomerDecision.Create) CustomerDecision.decide(fresh(contact), RULES)).payload();

        assertThat(p.contactName()).isEqualTo("Kingsley");
        assertThat(p.email()).isNull();
        assertThat(p.phone()).isNull();
        assertThat(p.billing()).isEqualTo(new CustomerPayload.Address("Kingsley", null, null, null, null, null));
    }

    @Test
    void shouldCutAnOverlongNameToBooksLimitWithoutSplittingACharacter() {
        String emoji = "\uD83D\uDE00"; // one character, two UTF-16 units
        String last = "x".repeat(197) + emoji + "z"; // "A " + 197 x = 199 units: the emoji straddles unit 200
        Map<String, Object> contact = with(with(anna(), "First_Name", "A"), "Last_Name", last);

        String name = ((CustomerDecision.Create) CustomerDecision.decide(fresh(contact), RULES)).payload().contactName();

        assertThat(name).hasSize(199).startsWith("A xxx").endsWith("x");
    }

    @Test
    void shouldCutAtTwoHundredWhenTheLimitFallsBetweenCharacters() {
        Map<String, Object> contact = with(with(anna(), "First_Name", "B"), "Last_Name", "y".repeat(300));

        String name = ((CustomerDecision.Create) CustomerDecision.decide(fresh(contact), RULES)).payload().contactName();

        assertThat(name).hasSize(200);
    }

    @Test
    void shouldSkipADeletedContactWithTheReasonAndKeepItsCustomer() {
        ContactState deleted = new ContactState(ID, true, null, Optional.of("460000000026049"), Optional.empty(), false);

        assertThat(CustomerDecision.decide(deleted, RULES)).isInstanceOfSatisfying(CustomerDecision.Skip.class, s -> {
            assertThat(s.reason()).contains("deleted in CRM");
            assertThat(s.customerId()).contains("460000000026049");
        });
    }

    @Test
    void shouldSkipAContactThatCrmNoLongerHas() {
        assertThat(CustomerDecision.decide(fresh(null), RULES)).isInstanceOfSatisfying(CustomerDecision.Skip.class,
                s -> assertThat(s.reason()).isEqualTo("contact no longer exists in CRM"));
    }

    @Test
    void shouldUpdateTheLinkedCustomerWhenAMappedFieldChanged() {
        Map<String, Object> before = with(anna(), "Books_Customer_ID", "460000000026049");
        String oldHash = hashOf(anna());
        Map<String, Object> after = with(before, "Phone", "555-0000");

        assertThat(CustomerDecision.decide(known(after, "460000000026049", oldHash), RULES))
                .isInstanceOfSatisfying(CustomerDecision.Update.class, u -> {
                    assertThat(u.customerId()).isEqualTo("460000000026049");
                    assertThat(u.payload().phone()).isEqualTo("555-0000");
                    assertThat(u.mappedHash()).isNotEqualTo(oldHash);
                });
    }

    @Test
    void shouldUpdateTheCustomerAlreadyLinkedInCrmWhenTheLedgerDoesNotKnowIt() {
        Map<String, Object> linked = with(anna(), "Books_Customer_ID", "460000000099001");

        assertThat(CustomerDecision.decide(fresh(linked), RULES)).isInstanceOfSatisfying(CustomerDecision.Update.class,
                u -> assertThat(u.customerId()).isEqualTo("460000000099001"));
    }

    @Test
    void shouldPreferTheLedgerOverAHandEditedCrmLink() {
        Map<String, Object> edited = with(anna(), "Books_Customer_ID", "999");

        assertThat(CustomerDecision.decide(known(edited, "460000000026049", null), RULES))
                .isInstanceOfSatisfying(CustomerDecision.Update.class,
                        u -> assertThat(u.customerId()).isEqualTo("460000000026049"));
        assertThat(CustomerDecision.needsWriteBack(edited, RULES, "460000000026049")).isTrue();
    }

    @Test
    void shouldSkipAWriteBackOnlyChange() {
        Map<String, Object> linked = with(anna(), "Books_Customer_ID", "460000000026049");

        assertThat(CustomerDecision.decide(known(linked, "460000000026049", hashOf(anna())), RULES))
                .isInstanceOfSatisfying(CustomerDecision.Skip.class, s -> {
                    assertThat(s.reason()).isEqualTo("no mapped field changed");
                    assertThat(s.customerId()).contains("460000000026049");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"Description", "Lead_Source", "Mobile", "Title", "Other_City"})
    void shouldSkipAChangeOfAFieldTheFlowDoesNotMap(String unmapped) {
        Map<String, Object> changed = with(with(anna(), "Books_Customer_ID", "460000000026049"), unmapped, "new value");

        assertThat(CustomerDecision.decide(known(changed, "460000000026049", hashOf(anna())), RULES))
                .isInstanceOf(CustomerDecision.Skip.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"First_Name", "Last_Name", "Email", "Phone", "Mailing_Street", "Mailing_City",
            "Mailing_State", "Mailing_Zip", "Mailing_Country"})
    void shouldUpdateWhenAnyMappedFieldChanges(String mapped) {
        Map<String, Object> changed = with(with(anna(), "Books_Customer_ID", "460000000026049"), mapped, "Other");

        assertThat(CustomerDecision.decide(known(changed, "460000000026049", hashOf(anna())), RULES))
                .isInstanceOf(CustomerDecision.Update.class);
    }

    @Test
    void shouldUpdateWhenTheAccountChanges() {
        Map<String, Object> moved = with(with(anna(), "Books_Customer_ID", "460000000026049"), "Account_Name",
                Map.of("name", "Acme", "id", "1"));

        assertThat(CustomerDecision.decide(known(moved, "460000000026049", hashOf(anna())), RULES))
                .isInstanceOfSatisfying(CustomerDecision.Update.class,
                        u -> assertThat(u.payload().companyName()).isEqualTo("Acme"));
    }

    @Test
    void shouldOnlyWriteTheLinkBackWhenNothingMappedChangedButTheContactLostIt() {
        assertThat(CustomerDecision.decide(known(anna(), "460000000026049", hashOf(anna())), RULES))
                .isInstanceOfSatisfying(CustomerDecision.LinkOnly.class,
                        l -> assertThat(l.customerId()).isEqualTo("460000000026049"));
    }

    @Test
    void shouldReadTheLinkFromTheOrgsOwnField() {
        CustomerRules rules = new CustomerRules("Books_ID__c", null, false);
        Map<String, Object> linked = with(anna(), "Books_ID__c", "77");

        assertThat(CustomerDecision.decide(fresh(linked), rules)).isInstanceOfSatisfying(CustomerDecision.Update.class,
                u -> assertThat(u.customerId()).isEqualTo("77"));
        assertThat(CustomerDecision.decide(fresh(linked), RULES)).isInstanceOf(CustomerDecision.Create.class);
    }

    @Test
    void shouldHashTheSameValuesTheSameWhateverTheFieldOrder() {
        Map<String, Object> reordered = new LinkedHashMap<>();
        java.util.List<Map.Entry<String, Object>> entries = new java.util.ArrayList<>(anna().entrySet());
        java.util.Collections.reverse(entries);
        entries.forEach(e -> reordered.put(e.getKey(), e.getValue()));

        assertThat(hashOf(reordered)).isEqualTo(hashOf(anna()));
    }

    @Test
    void shouldNotCountTheWriteBackFieldAsAMappedValue() {
        assertThat(hashOf(with(anna(), "Books_Customer_ID", "1"))).isEqualTo(hashOf(anna()));
    }

    @Test
    void shouldGiveTheCreateTheHashOfItsMappedValues() {
        assertThat(((CustomerDecision.Create) CustomerDecision.decide(fresh(anna()), RULES)).mappedHash())
                .isEqualTo(hashOf(anna()));
    }

    @Test
    void shouldSayWhetherTheContactAlreadyHoldsTheCustomerId() {
        assertThat(CustomerDecision.needsWriteBack(anna(), RULES, "1")).isTrue();
        assertThat(CustomerDecision.needsWriteBack(with(anna(), "Books_Customer_ID", "1"), RULES, "1")).isFalse();
        assertThat(CustomerDecision.needsWriteBack(with(anna(), "Books_Customer_ID", " 1 "), RULES, "1")).isFalse();
    }

    @Test
    void shouldRejectRulesWithoutAWriteBackField() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CustomerRules(" ", null, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new CustomerRules("F", " ", false).crmIdCustomField()).isNull();
    }
}
