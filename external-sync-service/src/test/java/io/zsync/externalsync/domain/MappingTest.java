package io.zsync.externalsync.domain;

import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MappingTest {

    private static final CrmContactMapping CRM = new CrmContactMapping("Account_Name", true, "External_System_ID");
    private static final HubSpotMapping HUBSPOT = new HubSpotMapping("zoho_contact_id", "zoho_deleted");

    @Test
    void shouldReadACrmContactWithItsAccountLookupAsCompany() {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", "5725767000000524157");
        record.put("First_Name", "Anna");
        record.put("Last_Name", "Kingsley");
        record.put("Email", "anna@example.com");
        record.put("Phone", null);                                                    // CRM returns explicit nulls
        record.put("Account_Name", Map.of("name", "Zylker", "id", "5725767000007910001"));
        record.put("External_System_ID", "65059681032");

        ContactValues values = CRM.values(record);

        assertThat(values.asMap()).containsExactlyInAnyOrderEntriesOf(Map.of(ContactField.FIRST_NAME, "Anna",
                ContactField.LAST_NAME, "Kingsley", ContactField.EMAIL, "anna@example.com", ContactField.COMPANY, "Zylker"));
        assertThat(CRM.externalId(record)).contains("65059681032");
    }

    @Test
    void shouldTreatABlankExternalIdAsNone() {
        assertThat(CRM.externalId(Map.of("External_System_ID", " "))).isEmpty();
        assertThat(CRM.externalId(Map.of())).isEmpty();
    }

    @Test
    void shouldReadACompanyFromATextField() {
        CrmContactMapping text = new CrmContactMapping("Company_Name", false, "External_System_ID");

        assertThat(text.values(Map.of("Company_Name", "Zylker")).get(ContactField.COMPANY)).isEqualTo("Zylker");
        assertThat(text.fields(Map.of(ContactField.COMPANY, "Acme"))).containsExactly(Map.entry("Company_Name", "Acme"));
        assertThat(text.companyChange(Map.of(ContactField.COMPANY, "Acme"))).isEmpty();
    }

    @Test
    void shouldWriteCrmFieldsAndLeaveALookupCompanyToBeResolved() {
        Map<ContactField, String> changes = new EnumMap<>(ContactField.class);
        changes.put(ContactField.FIRST_NAME, "Ann");
        changes.put(ContactField.PHONE, null);
        changes.put(ContactField.COMPANY, "Acme");

        Map<String, Object> fields = CRM.fields(changes);

        assertThat(fields).containsOnlyKeys("First_Name", "Phone");
        assertThat(fields.get("Phone")).isNull();                                     // null clears a CRM field
        assertThat(CRM.companyChange(changes)).contains(new CrmContactMapping.CompanyChange("Account_Name", "Acme"));
        assertThat(CRM.readFields()).contains("Modified_Time", "External_System_ID", "Account_Name");
    }

    @Test
    void shouldReadHubSpotPropertiesAndTheZohoId() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("firstname", "Anna");
        properties.put("lastname", "Kingsley");
        properties.put("email", "anna@example.com");
        properties.put("phone", "");                                                  // HubSpot's empty means none
        properties.put("company", "Zylker");
        properties.put("zoho_contact_id", "5725767000000524157");

        assertThat(HUBSPOT.values(properties).sameAs(ContactValues.of("Anna", "Kingsley", "anna@example.com", null, "Zylker")))
                .isTrue();
        assertThat(HUBSPOT.zohoId(properties)).contains("5725767000000524157");
        assertThat(HUBSPOT.zohoId(Map.of())).isEmpty();
    }

    @Test
    void shouldClearHubSpotPropertiesWithAnEmptyString() {
        Map<ContactField, String> changes = new EnumMap<>(ContactField.class);
        changes.put(ContactField.LAST_NAME, "King");
        changes.put(ContactField.PHONE, null);

        assertThat(HUBSPOT.properties(changes)).containsExactly(Map.entry("lastname", "King"), Map.entry("phone", ""));
    }

    @Test
    void shouldGiveTheSameHashToTheSameContactOnBothSides() {
        Map<String, Object> crm = Map.of("First_Name", "Anna", "Last_Name", "Kingsley", "Email", "ANNA@example.com",
                "Account_Name", Map.of("name", "Zylker", "id", "1"));
        Map<String, Object> hubspot = Map.of("firstname", "Anna", "lastname", "Kingsley", "email", "anna@example.com",
                "company", "Zylker", "zoho_contact_id", "9");

        assertThat(CRM.values(crm).hash()).isEqualTo(HUBSPOT.values(hubspot).hash());
        assertThat(CRM.values(crm).hash()).isNotEqualTo(HUBSPOT.values(Map.of("firstname", "Anna")).hash());
    }

    @Test
    void shouldParseFieldNamesAsConfigurationSpellsThem() {
        assertThat(ContactField.parse("first-name")).contains(ContactField.FIRST_NAME);
        assertThat(ContactField.parse("lastName")).contains(ContactField.LAST_NAME);
        assertThat(ContactField.parse("EMAIL")).contains(ContactField.EMAIL);
        assertThat(ContactField.parse("mobile")).isEmpty();
    }
}
