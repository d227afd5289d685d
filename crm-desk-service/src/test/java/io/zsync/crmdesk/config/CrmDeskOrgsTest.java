package io.zsync.crmdesk.config;

import io.micronaut.context.ApplicationContext;
import io.zsync.crmdesk.domain.ClosedTicketSettings;
import io.zsync.crmdesk.domain.LeadTicketSettings;
import io.zsync.crmdesk.domain.LeadTrigger;
import io.zsync.sync.api.PermanentSyncException;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Per-org settings as bound from configuration (no broker: only the settings beans are created). */
class CrmDeskOrgsTest {

    static final Map<String, Object> PROPERTIES = Map.ofEntries(
            Map.entry("kafka.enabled", "false"),
            Map.entry("zsync.crm-desk.lead-ticket.enabled", "false"),
            Map.entry("zsync.crm-desk.closed-ticket.enabled", "false"),
            Map.entry("zsync.topics.create", "false"),
            Map.entry("zsync.zoho.orgs.acme.desk-org-id", "777"),
            Map.entry("zsync.zoho.orgs.acme.client-id", "id"),
            Map.entry("zsync.zoho.orgs.acme.client-secret", "secret"),
            Map.entry("zsync.zoho.orgs.acme.refresh-token", "token"),
            Map.entry("zsync.crm-desk.orgs.acme.ticket-department-id", "D1"),
            Map.entry("zsync.crm-desk.orgs.acme.lead-trigger", "ON_FIELD_VALUE"),
            Map.entry("zsync.crm-desk.orgs.acme.lead-trigger-values", "Contacted, Pre-Qualified"),
            Map.entry("zsync.crm-desk.orgs.acme.lead-ticket-id-field", "Helpdesk_Ticket"),
            Map.entry("zsync.crm-desk.orgs.acme.support-date-type", "DATE_TIME"),
            Map.entry("zsync.crm-desk.orgs.acme.time-zone", "Europe/Berlin"));

    @Test
    void shouldBindAnOrgsSettingsWithTheDocumentedDefaults() {
        try (ApplicationContext context = ApplicationContext.run(PROPERTIES)) {
            CrmDeskOrgs orgs = context.getBean(CrmDeskOrgs.class);
            LeadTicketSettings lead = orgs.leadTicket("acme");
            assertThat(lead.trigger()).isEqualTo(LeadTrigger.ON_FIELD_VALUE);
            assertThat(lead.triggerField()).isEqualTo("Lead_Status");
            assertThat(lead.triggerValues()).containsExactlyInAnyOrder("contacted", "pre-qualified");
            assertThat(lead.departmentId()).isEqualTo("D1");
            assertThat(lead.status()).isEqualTo("Open");
            assertThat(lead.priority()).isEqualTo("High");
            assertThat(lead.leadIdCustomField()).isEqualTo("cf_crm_lead_id");
            assertThat(lead.writeBackFields()).containsExactlyInAnyOrder("Desk_Contact_ID", "Helpdesk_Ticket",
                    "Desk_Ticket_Number");
            ClosedTicketSettings closed = orgs.closedTicket("acme");
            assertThat(closed.dateType()).isEqualTo(ClosedTicketSettings.DateType.DATE_TIME);
            assertThat(closed.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
            assertThat(closed.qualifiedStatus()).isEqualTo("Qualified");
            assertThat(closed.statusField()).isEqualTo("Last_Support_Ticket_Status");
            assertThat(orgs.leadWriteBackFields()).contains("Helpdesk_Ticket");
        }
    }

    @Test
    void shouldFindAnOrgByItsKeyOrByItsDeskOrgId() {
        try (ApplicationContext context = ApplicationContext.run(PROPERTIES)) {
            CrmDeskOrgs orgs = context.getBean(CrmDeskOrgs.class);
            assertThat(orgs.orgKey("acme")).isEqualTo("acme");
            assertThat(orgs.orgKey("777")).isEqualTo("acme");
            assertThatThrownBy(() -> orgs.orgKey("888")).isInstanceOf(PermanentSyncException.class)
                    .hasMessageContaining("888");
            assertThatThrownBy(() -> orgs.leadTicket("other")).isInstanceOf(PermanentSyncException.class)
                    .hasMessageContaining("zsync.crm-desk.orgs.other");
        }
    }
}
