package io.zsync.crmdesk.domain;

import io.zsync.contract.Operation;
import io.zsync.crmdesk.domain.LeadTicketDecision.Known;
import io.zsync.crmdesk.domain.LeadTicketDecision.LeadChange;
import io.zsync.crmdesk.domain.LeadTicketDecision.Outcome;
import io.zsync.crmdesk.domain.LeadTicketDecision.Proceed;
import io.zsync.crmdesk.domain.LeadTicketDecision.Skip;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeadTicketDecisionTest {

    static final String LEAD = "5725767000003000064";
    static final String DEPT = "55430000000010772";
    static final LeadTicketSettings ON_CREATE = settings(LeadTrigger.ON_CREATE, null, Set.of());
    static final LeadTicketSettings ON_STATUS = settings(LeadTrigger.ON_FIELD_VALUE, "Lead_Status", Set.of("Contacted", "Pre-Qualified"));

    static LeadTicketSettings settings(LeadTrigger trigger, String field, Set<String> values) {
        return new LeadTicketSettings(trigger, field, values, DEPT, "Open", "High", "Inquiry from", "cf_crm_lead_id",
                "Unknown", "Desk_Contact_ID", "Desk_Ticket_ID", "Desk_Ticket_Number");
    }

    static Map<String, Object> lead(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", LEAD);
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static final Map<String, Object> ADA = lead("First_Name", "Ada", "Last_Name", "Lovelace", "Email", "ada@example.com",
            "Phone", "555-0100", "Company", "Analytical Engines", "Lead_Source", "Web Download");

    static Outcome decide(Operation op, Map<String, Object> lead, Known known, LeadTicketSettings s) {
        return LeadTicketDecision.decide(new LeadChange(LEAD, op, List.of()), Optional.ofNullable(lead), known, s);
    }

    @Nested
    class WhenANewLeadArrives {

        @Test
        void shouldPlanAContactAndATicketForANewLead() {
            Proceed p = (Proceed) decide(Operation.CREATED, ADA, Known.NOTHING, ON_CREATE);

            assertThat(p.leadId()).isEqualTo(LEAD);
            assertThat(p.contact().knownId()).isEmpty();
            assertThat(p.contact().email()).isEqualTo("ada@example.com");
            assertThat(p.contact().lastName()).isEqualTo("Lovelace");
            assertThat(p.contact().firstName()).isEqualTo("Ada");
            assertThat(p.contact().phone()).isEqualTo("555-0100");
            assertThat(p.ticket().knownId()).isEmpty();
            assertThat(p.ticket().subject()).isEqualTo("Inquiry from Ada Lovelace");
            assertThat(p.ticket().description()).isEqualTo("Lead inquiry for: Analytical Engines<br>Lead Source: Web Download");
            assertThat(p.ticket().departmentId()).isEqualTo(DEPT);
            assertThat(p.ticket().status()).isEqualTo("Open");
            assertThat(p.ticket().priority()).isEqualTo("High");
            assertThat(p.ticket().email()).isEqualTo("ada@example.com");
            assertThat(p.ticket().customFields()).containsExactly(Map.entry("cf_crm_lead_id", LEAD));
        }

        @Test
        void shouldReuseAContactIdAlreadyOnTheLead() {
            Map<String, Object> lead = new HashMap<>(ADA);
            lead.put("Desk_Contact_ID", "55430000068790003");
            Proceed p = (Proceed) decide(Operation.CREATED, lead, Known.NOTHING, ON_CREATE);
            assertThat(p.contact().knownId()).contains("55430000068790003");
            assertThat(p.ticket().knownId()).isEmpty();
        }

        @Test
        void shouldReuseAContactIdFromTheLedgerOverTheLead() {
            Map<String, Object> lead = new HashMap<>(ADA);
            lead.put("Desk_Contact_ID", "from-lead");
            Proceed p = (Proceed) decide(Operation.CREATED, lead,
                    new Known(Optional.of("from-ledger"), Optional.empty(), Optional.empty()), ON_CREATE);
            assertThat(p.contact().knownId()).contains("from-ledger");
        }

        @Test
        void shouldEscapeHtmlInTheDescription() {
            Proceed p = (Proceed) decide(Operation.CREATED, lead("Last_Name", "Doe", "Company", "Smith & <Sons>",
                    "Lead_Source", "\"Partner\""), Known.NOTHING, ON_CREATE);
            assertThat(p.ticket().description()).isEqualTo("Lead inquiry for: Smith &amp; &lt;Sons&gt;<br>Lead Source: &quot;Partner&quot;");
        }

        @Test
        void shouldSayWhenCompanyAndSourceAreMissing() {
            Proceed p = (Proceed) decide(Operation.CREATED, lead("Last_Name", "Doe"), Known.NOTHING, ON_CREATE);
            assertThat(p.ticket().description()).isEqualTo("Lead inquiry for: (no company)<br>Lead Source: (unknown)");
        }

        @Test
        void shouldLeaveBlankStatusAndPriorityToDesk() {
            LeadTicketSettings s = new LeadTicketSettings(LeadTrigger.ON_CREATE, null, Set.of(), DEPT, " ", "",
                    "Inquiry from", "cf_crm_lead_id", null, "A", "B", "C");
            Proceed p = (Proceed) decide(Operation.CREATED, ADA, Known.NOTHING, s);
            assertThat(p.ticket().status()).isNull();
            assertThat(p.ticket().priority()).isNull();
        }
    }

    @Nested
    class Names {

        @ParameterizedTest(name = "[{index}] first={0} last={1} email={2} -> {3}")
        @CsvSource(nullValues = "null", value = {
                "Ada,Lovelace,ada@example.com,Inquiry from Ada Lovelace",   // the pattern's subject
                "null,Lovelace,ada@example.com,Inquiry from Lovelace",      // no first name: no stray space
                "Ada,null,ada@example.com,Inquiry from Ada",                // no last name
                "'  ',' ',ada@example.com,Inquiry from ada@example.com",     // blank names: the e-mail names the lead
                "null,null,null,Inquiry from lead 5725767000003000064"      // nothing at all: the lead id
        })
        void shouldNameTheSubjectAfterTheLead(String first, String last, String email, String subject) {
            assertThat(LeadTicketDecision.subject(LEAD, lead("First_Name", first, "Last_Name", last, "Email", email),
                    ON_CREATE)).isEqualTo(subject);
        }

        @ParameterizedTest(name = "[{index}] last={0} email={1} -> {2}")
        @CsvSource(nullValues = "null", value = {
                "Lovelace,ada@example.com,Lovelace",   // the lead's own last name
                "null,ada@example.com,ada",            // fallback 1: the e-mail's local part
                "' ',grace.hopper@navy.mil,grace.hopper",
                "null,null,Unknown",                   // fallback 2: the configured name
                "null,not-an-email,Unknown",           // an e-mail without a local part gives nothing
                "null,@example.com,Unknown"
        })
        void shouldAlwaysGiveDeskALastName(String last, String email, String expected) {
            assertThat(LeadTicketDecision.lastName(lead("Last_Name", last, "Email", email), ON_CREATE)).isEqualTo(expected);
        }

        @Test
        void shouldUseTheConfiguredFallbackLastName() {
            LeadTicketSettings s = new LeadTicketSettings(LeadTrigger.ON_CREATE, null, Set.of(), DEPT, "Open", "High",
                    "Inquiry from", "cf_crm_lead_id", "Prospect", "A", "B", "C");
            assertThat(LeadTicketDecision.lastName(lead(), s)).isEqualTo("Prospect");
        }

        @Test
        void shouldOmitAnEmptySubjectPrefix() {
            LeadTicketSettings s = new LeadTicketSettings(LeadTrigger.ON_CREATE, null, Set.of(), DEPT, "Open", "High",
                    null, "cf_crm_lead_id", null, "A", "B", "C");
            assertThat(LeadTicketDecision.subject(LEAD, ADA, s)).isEqualTo("Ada Lovelace");
        }
    }

    @Nested
    class Triggers {

        @Test
        void shouldSkipAnUpdateWhenTicketsAreForNewLeadsOnly() {
            Outcome o = decide(Operation.UPDATED, ADA, Known.NOTHING, ON_CREATE);
            assertThat(o).isInstanceOf(Skip.class);
            assertThat(((Skip) o).reason()).contains("ON_CREATE");
        }

        @ParameterizedTest(name = "[{index}] {0} {1} -> ticket={2}")
        @CsvSource(nullValues = "null", value = {
                "CREATED,Contacted,true",        // a trigger value on create
                "UPDATED,Contacted,true",        // a trigger value reached later
                "UPDATED,contacted,true",        // values compare without case
                "UPDATED,Pre-Qualified,true",    // any of the values
                "UPDATED,Not Contacted,false",   // another value
                "CREATED,null,false",            // no value
                "UPDATED,'',false"
        })
        void shouldOpenATicketWhenTheFieldHoldsATriggerValue(Operation op, String status, boolean opens) {
            Outcome o = decide(op, lead("Last_Name", "Doe", "Lead_Status", status), Known.NOTHING, ON_STATUS);
            assertThat(o instanceof Proceed).isEqualTo(opens);
            if (!opens) {
                assertThat(((Skip) o).reason()).startsWith("Lead_Status is ").contains("not one of the values");
            }
        }

        @Test
        void shouldActOnTheMappedAndWriteBackFieldsAndOnTheTriggerFieldOnlyWhenAValueOpensTickets() {
            Set<String> base = Set.of("First_Name", "Last_Name", "Email", "Phone", "Company", "Lead_Source");
            assertThat(ON_CREATE.fieldsActedOn()).containsAll(base).containsAll(ON_CREATE.writeBackFields())
                    .doesNotContain("Lead_Status", "Support_Notes", "Last_Support_Ticket_Status");
            assertThat(ON_STATUS.fieldsActedOn()).containsAll(base).containsAll(ON_STATUS.writeBackFields())
                    .contains("Lead_Status");
        }

        @Test
        void shouldRefuseAFieldTriggerWithoutValues() {
            assertThatThrownBy(() -> settings(LeadTrigger.ON_FIELD_VALUE, "Lead_Status", Set.of(" ")))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> settings(LeadTrigger.ON_FIELD_VALUE, null, Set.of("Contacted")))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void shouldRefuseSettingsWithoutADepartment() {
            assertThatThrownBy(() -> new LeadTicketSettings(LeadTrigger.ON_CREATE, null, Set.of(), " ", "Open", "High",
                    "x", "cf_crm_lead_id", null, "A", "B", "C")).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void shouldRefuseBlankWriteBackFieldNames() {
            assertThatThrownBy(() -> new LeadTicketSettings(LeadTrigger.ON_CREATE, null, Set.of(), DEPT, "Open", "High",
                    "x", "cf_crm_lead_id", null, "A", "", "C")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class ExactlyOnce {

        static final Known TICKET_KNOWN = new Known(Optional.of("C1"), Optional.of("T1"), Optional.of("101"));

        @Test
        void shouldSkipALeadThatAlreadyShowsItsTicket() {
            Map<String, Object> lead = new HashMap<>(ADA);
            lead.put("Desk_Contact_ID", "C1");
            lead.put("Desk_Ticket_ID", "T1");
            lead.put("Desk_Ticket_Number", "101");
            Outcome o = decide(Operation.CREATED, lead, TICKET_KNOWN, ON_CREATE);
            assertThat(((Skip) o).reason()).isEqualTo("lead already has Desk ticket 101");
        }

        @Test
        void shouldTakeTheTicketAnEarlierAttemptOfTheEventWroteBackBeforeItCrashed() {
            Map<String, Object> lead = new HashMap<>(ADA);
            lead.put("Desk_Contact_ID", "C1");
            lead.put("Desk_Ticket_ID", "T1");
            lead.put("Desk_Ticket_Number", "101");
            Outcome o = LeadTicketDecision.decide(new LeadChange(LEAD, Operation.CREATED, List.of()), Optional.of(lead),
                    Known.NOTHING, true, ON_CREATE);
            Proceed p = (Proceed) o;
            assertThat(p.ticket().knownId()).contains("T1");
            assertThat(p.ticket().knownNumber()).contains("101");
            assertThat(p.contact().knownId()).contains("C1");
        }

        @Test
        void shouldSkipWhenTheLeadLinksATicketTheLedgerNeverSaw() {
            Map<String, Object> lead = new HashMap<>(ADA);
            lead.put("Desk_Ticket_ID", "T9");
            Outcome o = decide(Operation.CREATED, lead, Known.NOTHING, ON_CREATE);
            assertThat(((Skip) o).reason()).isEqualTo("lead already has Desk ticket T9");
        }

        @Test
        void shouldOnlyWriteBackWhenTheTicketIsKnownButTheLeadLacksItsIds() {
            // an attempt created the ticket, then the CRM write-back failed: the retry must not create another
            Proceed p = (Proceed) decide(Operation.CREATED, ADA, TICKET_KNOWN, ON_CREATE);
            assertThat(p.ticket().knownId()).contains("T1");
            assertThat(p.ticket().knownNumber()).contains("101");
            assertThat(p.contact().knownId()).contains("C1");
        }

        @Test
        void shouldWriteBackEvenOnAnUpdateWhenTheTicketIsKnown() {
            // the trigger is about opening tickets; completing the write-back of a known one is always right
            Proceed p = (Proceed) decide(Operation.UPDATED, ADA, TICKET_KNOWN, ON_CREATE);
            assertThat(p.ticket().knownId()).contains("T1");
        }

        @Test
        void shouldSkipADeletedLead() {
            assertThat(((Skip) decide(Operation.DELETED, ADA, Known.NOTHING, ON_CREATE)).reason()).contains("deleted");
        }

        @Test
        void shouldSkipALeadCrmNoLongerHas() {
            assertThat(((Skip) decide(Operation.CREATED, null, Known.NOTHING, ON_CREATE)).reason())
                    .isEqualTo("lead " + LEAD + " no longer exists in CRM");
        }

        @Test
        void shouldTreatBlankKnownIdsAsUnknown() {
            Known blank = new Known(Optional.of(" "), Optional.of(""), Optional.empty());
            Proceed p = (Proceed) decide(Operation.CREATED, ADA, blank, ON_CREATE);
            assertThat(p.ticket().knownId()).isEmpty();
            assertThat(p.contact().knownId()).isEmpty();
        }
    }

    @Nested
    class WriteBack {

        @Test
        void shouldWriteTheThreeIdsUnderTheConfiguredNames() {
            assertThat(LeadTicketDecision.writeBack(ON_CREATE, "C1", "T1", "101")).containsExactly(
                    Map.entry("Desk_Contact_ID", "C1"), Map.entry("Desk_Ticket_ID", "T1"), Map.entry("Desk_Ticket_Number", "101"));
        }

        @Test
        void shouldNotClearAnIdItDoesNotKnow() {
            assertThat(LeadTicketDecision.writeBack(ON_CREATE, null, "T1", null)).containsOnlyKeys("Desk_Ticket_ID");
        }

        @Test
        void shouldSeeThatALeadAlreadyHoldsTheIds() {
            Map<String, Object> wanted = LeadTicketDecision.writeBack(ON_CREATE, "C1", "T1", "101");
            assertThat(LeadTicketDecision.writeBackNeeded(lead("Desk_Contact_ID", "C1", "Desk_Ticket_ID", "T1",
                    "Desk_Ticket_Number", "101"), wanted)).isFalse();
            assertThat(LeadTicketDecision.writeBackNeeded(lead("Desk_Contact_ID", "C1", "Desk_Ticket_ID", "T1",
                    "Desk_Ticket_Number", 101), wanted)).as("CRM may return the number as a number").isFalse();
            assertThat(LeadTicketDecision.writeBackNeeded(lead("Desk_Contact_ID", "C1", "Desk_Ticket_ID", "T1"), wanted)).isTrue();
            assertThat(LeadTicketDecision.writeBackNeeded(lead("Desk_Contact_ID", "C2", "Desk_Ticket_ID", "T1",
                    "Desk_Ticket_Number", "101"), wanted)).isTrue();
        }

        @Test
        void shouldDeclareItsWriteBackFieldsForEchoSuppression() {
            assertThat(ON_CREATE.writeBackFields()).containsExactlyInAnyOrder("Desk_Contact_ID", "Desk_Ticket_ID",
                    "Desk_Ticket_Number");
        }
    }
}
