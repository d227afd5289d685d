package io.zsync.externalsync.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class EchoCheckTest {

    private static final Instant SYNC = Instant.parse("2025-03-01T10:00:00Z");
    private static final ContactValues X = ContactValues.of("Anna", "Kingsley", "anna@example.com", "555-1", "Zylker");
    private static final ContactValues Y = X.with(ContactField.PHONE, "555-2");

    private static Optional<Provenance> wrote(ContactValues values, Instant at) {
        return Optional.of(new Provenance(values.hash(), at, "crm-contact-to-external"));
    }

    private static Optional<Baseline> base(ContactValues values, Instant at, Side... wrote) {
        EnumSet<Side> sides = EnumSet.noneOf(Side.class);
        sides.addAll(java.util.List.of(wrote));
        return Optional.of(Baseline.agreed(values, at, sides));
    }

    @Test
    void shouldRecogniseAnEchoThatOvertakesTheSyncOutcome() {
        // we recorded writing Y before the write; the sync's baseline is still the previous one (X)
        EchoCheck.Verdict v = EchoCheck.classify(Side.EXTERNAL, Y, base(X, SYNC), wrote(Y, SYNC.plusSeconds(60)));

        assertThat(v.kind()).isEqualTo(EchoCheck.Kind.OWN_WRITE);
        assertThat(v.reason()).startsWith("own write").contains(Y.hash());
    }

    @Test
    void shouldRecogniseAnEchoThatArrivesAfterTheSyncOutcome() {
        EchoCheck.Verdict v = EchoCheck.classify(Side.EXTERNAL, Y, base(Y, SYNC.plusSeconds(61), Side.EXTERNAL),
                wrote(Y, SYNC.plusSeconds(60)));

        assertThat(v.kind()).isEqualTo(EchoCheck.Kind.OWN_WRITE);
    }

    @Test
    void shouldRecogniseALateEchoAfterALaterSyncAgreedOnTheSameValuesWithoutWritingThere() {
        // we wrote Y to HubSpot; the other flow then synced the pair (writing only CRM) and agreed on Y; the
        // HubSpot echo of our write arrives after that: still our own write, not a person's
        EchoCheck.Verdict v = EchoCheck.classify(Side.EXTERNAL, Y, base(Y, SYNC.plusSeconds(61), Side.CRM),
                wrote(Y, SYNC.plusSeconds(60)));

        assertThat(v.kind()).isEqualTo(EchoCheck.Kind.OWN_WRITE);
        assertThat(v.reason()).startsWith("own write");
    }

    @Test
    void shouldCallASideUnchangedWhenItHoldsTheBaselineTheSyncDidNotWriteThere() {
        EchoCheck.Verdict v = EchoCheck.classify(Side.CRM, Y, base(Y, SYNC, Side.EXTERNAL), Optional.empty());

        assertThat(v.kind()).isEqualTo(EchoCheck.Kind.UNCHANGED);
        assertThat(v.skip()).isTrue();
    }

    @Test
    void shouldHearAPersonWhoRestoresAValueWeOnceWrote() {
        // we wrote X long ago; a later sync agreed on Y; now a person sets X again: that is a real change
        Optional<Provenance> old = wrote(X, SYNC);
        EchoCheck.Verdict v = EchoCheck.classify(Side.CRM, X, base(Y, SYNC.plusSeconds(300), Side.EXTERNAL), old);

        assertThat(v.kind()).isEqualTo(EchoCheck.Kind.CHANGED);
    }

    @Test
    void shouldHearARealChange() {
        ContactValues edited = Y.with(ContactField.FIRST_NAME, "Ann");

        EchoCheck.Verdict v = EchoCheck.classify(Side.EXTERNAL, edited, base(Y, SYNC, Side.EXTERNAL),
                wrote(Y, SYNC.minusSeconds(1)));

        assertThat(v.kind()).isEqualTo(EchoCheck.Kind.CHANGED);
        assertThat(v.skip()).isFalse();
    }

    @Test
    void shouldHearEverythingAboutAPairWithoutHistory() {
        assertThat(EchoCheck.classify(Side.CRM, X, Optional.empty(), Optional.empty()).kind())
                .isEqualTo(EchoCheck.Kind.CHANGED);
    }

    @Test
    void shouldRecogniseOwnWriteWithoutABaselineYet() {
        // the first sync created the partner; its outcome is not committed yet
        assertThat(EchoCheck.classify(Side.EXTERNAL, X, Optional.empty(), wrote(X, SYNC)).kind())
                .isEqualTo(EchoCheck.Kind.OWN_WRITE);
    }

    @Test
    void shouldNotMatchOnTimingOnly() {
        // an external edit a millisecond after our write is still a change when the values differ
        EchoCheck.Verdict v = EchoCheck.classify(Side.EXTERNAL, Y.with(ContactField.LAST_NAME, "King"), Optional.empty(),
                wrote(Y, Instant.now()));

        assertThat(v.kind()).isEqualTo(EchoCheck.Kind.CHANGED);
    }

    @Test
    void shouldRecogniseOurOwnDeletionBeforeAndAfterItsOutcome() {
        Optional<Provenance> deleting = Optional.of(new Provenance(Provenance.DELETED_HASH, SYNC.plusSeconds(5),
                "external-contact-to-crm"));

        assertThat(EchoCheck.classifyDeletion(Side.CRM, base(X, SYNC), deleting).kind())
                .isEqualTo(EchoCheck.Kind.OWN_WRITE);
        Optional<Baseline> deleted = Optional.of(Baseline.deletion(SYNC.plusSeconds(6), EnumSet.of(Side.CRM)));
        assertThat(EchoCheck.classifyDeletion(Side.CRM, deleted, deleting).kind()).isEqualTo(EchoCheck.Kind.OWN_WRITE);
    }

    @Test
    void shouldHearAPersonsDeletion() {
        assertThat(EchoCheck.classifyDeletion(Side.CRM, base(X, SYNC, Side.CRM), Optional.empty()).kind())
                .isEqualTo(EchoCheck.Kind.CHANGED);
        // a deletion we recorded earlier but a later sync superseded is not this one
        Optional<Provenance> stale = Optional.of(new Provenance(Provenance.DELETED_HASH, SYNC.minusSeconds(10), "x"));
        assertThat(EchoCheck.classifyDeletion(Side.CRM, base(X, SYNC), stale).kind()).isEqualTo(EchoCheck.Kind.CHANGED);
    }

    @Test
    void shouldSkipADeletionOfAPairAlreadyDeletedOnTheOtherSide() {
        Optional<Baseline> deleted = Optional.of(Baseline.deletion(SYNC, EnumSet.of(Side.EXTERNAL)));

        assertThat(EchoCheck.classifyDeletion(Side.CRM, deleted, Optional.empty()).kind())
                .isEqualTo(EchoCheck.Kind.UNCHANGED);
    }

    @Test
    void shouldKeepAnUnlinkedContactAloneUntilAPersonChangesIt() {
        Optional<Provenance> unlinked = Optional.of(new Provenance(X.hash(), SYNC, "external-contact-to-crm"));

        EchoCheck.Verdict same = EchoCheck.classifyUnlinked(Side.CRM, X, unlinked);
        EchoCheck.Verdict changed = EchoCheck.classifyUnlinked(Side.CRM, Y, unlinked);
        EchoCheck.Verdict never = EchoCheck.classifyUnlinked(Side.CRM, X, Optional.empty());

        assertThat(same.kind()).isEqualTo(EchoCheck.Kind.UNCHANGED);
        assertThat(same.reason()).contains("unlinked").contains("external-contact-to-crm").contains(SYNC.toString());
        assertThat(changed.kind()).isEqualTo(EchoCheck.Kind.CHANGED);
        assertThat(never.kind()).isEqualTo(EchoCheck.Kind.CHANGED);
    }
}
