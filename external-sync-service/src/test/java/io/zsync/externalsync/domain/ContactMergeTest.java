package io.zsync.externalsync.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ContactMergeTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant EARLIER = Instant.parse("2025-03-01T10:05:00Z");
    private static final Instant LATER = Instant.parse("2025-03-01T10:06:00Z");
    private static final ContactValues AGREED = ContactValues.of("Anna", "Kingsley", "anna@example.com", "555-1", "Zylker");
    private static final Optional<Baseline> BASE = Optional.of(Baseline.agreed(AGREED, T0, EnumSet.noneOf(Side.class)));

    private static ContactMerge.Result merge(Optional<Baseline> base, ContactValues crm, Instant crmTime,
                                             ContactValues external, Instant externalTime, ConflictPolicy policy) {
        return ContactMerge.merge(base, new ContactMerge.Snapshot(crm, crmTime),
                new ContactMerge.Snapshot(external, externalTime), policy);
    }

    @Test
    void shouldWriteNothingWhenBothSidesHoldTheBaseline() {
        ContactMerge.Result r = merge(BASE, AGREED, EARLIER, AGREED, LATER, ConflictPolicy.latestWins());

        assertThat(r.crmChanges()).isEmpty();
        assertThat(r.externalChanges()).isEmpty();
        assertThat(r.conflicts()).isEmpty();
        assertThat(r.merged().sameAs(AGREED)).isTrue();
    }

    @Test
    void shouldTakeACrmOnlyChangeToTheExternalSide() {
        ContactValues crm = AGREED.with(ContactField.PHONE, "555-2");

        ContactMerge.Result r = merge(BASE, crm, LATER, AGREED, EARLIER, ConflictPolicy.latestWins());

        assertThat(r.externalChanges()).containsExactly(Map.entry(ContactField.PHONE, "555-2"));
        assertThat(r.crmChanges()).isEmpty();
        assertThat(r.conflicts()).isEmpty();
    }

    @Test
    void shouldTakeAnExternalOnlyChangeToCrmEvenWhenCrmWasModifiedLater() {
        // CRM's record is newer (another field changed there), but this field only changed externally
        ContactValues crm = AGREED.with(ContactField.PHONE, "555-2");
        ContactValues external = AGREED.with(ContactField.FIRST_NAME, "Ann");

        ContactMerge.Result r = merge(BASE, crm, LATER, external, EARLIER, ConflictPolicy.latestWins());

        assertThat(r.crmChanges()).containsExactly(Map.entry(ContactField.FIRST_NAME, "Ann"));
        assertThat(r.externalChanges()).containsExactly(Map.entry(ContactField.PHONE, "555-2"));
        assertThat(r.conflicts()).isEmpty();
        assertThat(r.merged().get(ContactField.FIRST_NAME)).isEqualTo("Ann");
        assertThat(r.merged().get(ContactField.PHONE)).isEqualTo("555-2");
    }

    @Test
    void shouldLetTheMostRecentModificationWinAConflictAndRecordTheLoser() {
        ContactValues crm = AGREED.with(ContactField.FIRST_NAME, "Annie");
        ContactValues external = AGREED.with(ContactField.FIRST_NAME, "Ann");

        ContactMerge.Result r = merge(BASE, crm, EARLIER, external, LATER, ConflictPolicy.latestWins());

        assertThat(r.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo(ContactField.FIRST_NAME);
            assertThat(c.winner()).isEqualTo(Side.EXTERNAL);
            assertThat(c.winningValue()).isEqualTo("Ann");
            assertThat(c.losingValue()).isEqualTo("Annie");
            assertThat(c.rule()).isEqualTo(ConflictRule.LATEST);
        });
        assertThat(r.crmChanges()).containsExactly(Map.entry(ContactField.FIRST_NAME, "Ann"));
        assertThat(r.externalChanges()).isEmpty();
    }

    @Test
    void shouldLetCrmWinAConflictWhenCrmIsNewer() {
        ContactValues crm = AGREED.with(ContactField.FIRST_NAME, "Annie");
        ContactValues external = AGREED.with(ContactField.FIRST_NAME, "Ann");

        ContactMerge.Result r = merge(BASE, crm, LATER, external, EARLIER, ConflictPolicy.latestWins());

        assertThat(r.conflicts()).singleElement().satisfies(c -> assertThat(c.winner()).isEqualTo(Side.CRM));
        assertThat(r.externalChanges()).containsExactly(Map.entry(ContactField.FIRST_NAME, "Annie"));
        assertThat(r.crmChanges()).isEmpty();
    }

    @ParameterizedTest(name = "{0} vs {1} in the same second: tie winner {2} keeps {3}")
    @CsvSource({
            "2025-03-01T10:05:00Z, 2025-03-01T10:05:00.900Z, CRM, Annie",      // CRM has whole seconds; .9 s later is the same second
            "2025-03-01T10:05:00Z, 2025-03-01T10:05:00.900Z, EXTERNAL, Ann",
            "2025-03-01T10:05:01Z, 2025-03-01T10:05:00.999Z, EXTERNAL, Annie"  // a later second is no tie
    })
    void shouldBreakSameSecondTiesByTheConfiguredSide(String crmTime, String externalTime, Side tieWinner, String kept) {
        ContactValues crm = AGREED.with(ContactField.FIRST_NAME, "Annie");
        ContactValues external = AGREED.with(ContactField.FIRST_NAME, "Ann");
        ConflictPolicy policy = new ConflictPolicy(ConflictRule.LATEST, Map.of(), tieWinner);

        ContactMerge.Result r = merge(BASE, crm, Instant.parse(crmTime), external, Instant.parse(externalTime), policy);

        assertThat(r.merged().get(ContactField.FIRST_NAME)).isEqualTo(kept);
    }

    @Test
    void shouldApplyPerFieldRulesOverTheDefault() {
        ContactValues crm = AGREED.with(ContactField.EMAIL, "anna@crm.example").with(ContactField.PHONE, "555-C");
        ContactValues external = AGREED.with(ContactField.EMAIL, "anna@hub.example").with(ContactField.PHONE, "555-E");
        ConflictPolicy policy = new ConflictPolicy(ConflictRule.LATEST, Map.of(ContactField.EMAIL, ConflictRule.CRM_WINS),
                Side.CRM);

        ContactMerge.Result r = merge(BASE, crm, EARLIER, external, LATER, policy);

        assertThat(r.merged().get(ContactField.EMAIL)).isEqualTo("anna@crm.example"); // CRM_WINS although older
        assertThat(r.merged().get(ContactField.PHONE)).isEqualTo("555-E");            // LATEST: external is newer
        assertThat(r.conflicts()).extracting(Conflict::rule).containsExactly(ConflictRule.CRM_WINS, ConflictRule.LATEST);
    }

    @Test
    void shouldHonourExternalWinsEvenWhenCrmIsNewer() {
        ContactValues crm = AGREED.with(ContactField.COMPANY, "Zylker Inc");
        ContactValues external = AGREED.with(ContactField.COMPANY, "Zylker GmbH");
        ConflictPolicy policy = new ConflictPolicy(ConflictRule.EXTERNAL_WINS, Map.of(), Side.CRM);

        ContactMerge.Result r = merge(BASE, crm, LATER, external, EARLIER, policy);

        assertThat(r.crmChanges()).containsExactly(Map.entry(ContactField.COMPANY, "Zylker GmbH"));
    }

    @Test
    void shouldNotCallItAConflictWhenBothSidesMadeTheSameChange() {
        ContactValues both = AGREED.with(ContactField.LAST_NAME, "King");

        ContactMerge.Result r = merge(BASE, both, EARLIER, both, LATER, ConflictPolicy.latestWins());

        assertThat(r.conflicts()).isEmpty();
        assertThat(r.crmChanges()).isEmpty();
        assertThat(r.externalChanges()).isEmpty();
    }

    @Test
    void shouldPropagateAClearedField() {
        ContactValues crm = AGREED.with(ContactField.PHONE, null);

        ContactMerge.Result r = merge(BASE, crm, LATER, AGREED, EARLIER, ConflictPolicy.latestWins());

        assertThat(r.externalChanges()).containsEntry(ContactField.PHONE, null).hasSize(1);
        assertThat(r.merged().get(ContactField.PHONE)).isNull();
    }

    @Test
    void shouldFillGapsWithoutLosingAnythingWhenLinkingForTheFirstTime() {
        ContactValues crm = ContactValues.of("Anna", "Kingsley", "anna@example.com", null, "Zylker");
        ContactValues external = ContactValues.of("Anna", "Kingsley", "anna@example.com", "555-9", null);

        // the external record is newer, but it has no company: an empty value never wins by recency
        ContactMerge.Result r = merge(Optional.empty(), crm, EARLIER, external, LATER, ConflictPolicy.latestWins());

        assertThat(r.crmChanges()).containsExactly(Map.entry(ContactField.PHONE, "555-9"));
        assertThat(r.externalChanges()).containsExactly(Map.entry(ContactField.COMPANY, "Zylker"));
        assertThat(r.conflicts()).isEmpty();
    }

    @Test
    void shouldTreatDifferentValuesAtFirstLinkAsAConflict() {
        ContactValues crm = ContactValues.of("Anna", "Kingsley", "anna@example.com", "555-1", null);
        ContactValues external = ContactValues.of("Anne", "Kingsley", "anna@example.com", "555-1", null);

        ContactMerge.Result r = merge(Optional.empty(), crm, LATER, external, EARLIER, ConflictPolicy.latestWins());

        assertThat(r.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.winner()).isEqualTo(Side.CRM);
            assertThat(c.losingValue()).isEqualTo("Anne");
        });
    }

    @Test
    void shouldIgnoreFormattingDifferences() {
        ContactValues crm = ContactValues.of("Anna ", "Kingsley", "Anna@Example.com", "555-1", "Zylker  Corp");
        ContactValues external = ContactValues.of("Anna", "Kingsley", "anna@example.com", " 555-1", "Zylker Corp");

        ContactMerge.Result r = merge(Optional.empty(), crm, EARLIER, external, LATER, ConflictPolicy.latestWins());

        assertThat(r.crmChanges()).isEmpty();
        assertThat(r.externalChanges()).isEmpty();
        assertThat(crm.hash()).isEqualTo(external.hash());
    }

    @Test
    void shouldIgnoreADeletedBaseline() {
        Optional<Baseline> deleted = Optional.of(Baseline.deletion(T0, EnumSet.of(Side.EXTERNAL)));
        ContactValues crm = ContactValues.of("Anna", "Kingsley", null, null, null);
        ContactValues external = ContactValues.of("Anna", null, "anna@example.com", null, null);

        ContactMerge.Result r = merge(deleted, crm, EARLIER, external, LATER, ConflictPolicy.latestWins());

        assertThat(r.merged().sameAs(ContactValues.of("Anna", "Kingsley", "anna@example.com", null, null))).isTrue();
    }

    @Test
    void shouldResolveAFieldBothSidesChangedEvenWithoutModificationTimes() {
        ContactValues crm = AGREED.with(ContactField.FIRST_NAME, "Annie");
        ContactValues external = AGREED.with(ContactField.FIRST_NAME, "Ann");

        ContactMerge.Result r = merge(BASE, crm, null, external, LATER, ConflictPolicy.latestWins());

        assertThat(r.merged().get(ContactField.FIRST_NAME)).isEqualTo("Ann"); // an unknown time never wins "most recent"
    }

    @Test
    void shouldDescribeConflictsForTheCompletionEvent() {
        Conflict conflict = new Conflict(ContactField.FIRST_NAME, Side.EXTERNAL, ConflictRule.LATEST, "Ann", "Annie");

        assertThat(Conflict.details(java.util.List.of(conflict))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "conflicts", "firstName",
                "conflict.firstName.winner", "external",
                "conflict.firstName.rule", "LATEST",
                "conflict.firstName.kept", "Ann",
                "conflict.firstName.lostSide", "crm",
                "conflict.firstName.lost", "Annie"));
        assertThat(Conflict.details(java.util.List.of())).isEmpty();
    }
}
