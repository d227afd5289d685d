package io.zsync.externalsync.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BaselineTest {

    private static final ContactValues X = ContactValues.of("Anna", "Kingsley", "anna@example.com", null, "Zylker");

    @Test
    void shouldSurviveTheLedgerRoundTrip() {
        Baseline base = Baseline.agreed(X, Instant.parse("2025-03-01T10:00:00.123Z"), EnumSet.of(Side.CRM, Side.EXTERNAL));

        Baseline back = Baseline.fromTargets(base.toTargets()).orElseThrow();

        assertThat(back.hash()).isEqualTo(X.hash());
        assertThat(back.at()).isEqualTo(base.at());
        assertThat(back.wrote()).containsExactlyInAnyOrder(Side.CRM, Side.EXTERNAL);
        assertThat(back.deleted()).isFalse();
        assertThat(back.fieldHash(ContactField.PHONE)).contains(ContactValues.fieldHash(ContactField.PHONE, null));
        assertThat(back.fieldHashes()).hasSize(5);
    }

    @Test
    void shouldCoexistWithOtherLedgerTargets() {
        Map<String, String> targets = new HashMap<>(Baseline.deletion(Instant.EPOCH, EnumSet.noneOf(Side.class)).toTargets());
        targets.put("external.contact_id", "");

        Baseline back = Baseline.fromTargets(targets).orElseThrow();

        assertThat(back.deleted()).isTrue();
        assertThat(back.wrote()).isEmpty();
    }

    @Test
    void shouldFindNoBaselineInAnEntryWithout() {
        assertThat(Baseline.fromTargets(Map.of("external.contact_id", "1"))).isEmpty();
        assertThat(Baseline.fromTargets(Map.of("base.hash", "h", "base.at", "soon"))).isEmpty();
    }

    @Test
    void shouldPreferTheLaterSync() {
        Optional<Baseline> older = Optional.of(Baseline.agreed(X, Instant.ofEpochSecond(10), EnumSet.noneOf(Side.class)));
        Optional<Baseline> newer = Optional.of(Baseline.agreed(X.with(ContactField.PHONE, "1"), Instant.ofEpochSecond(11),
                EnumSet.noneOf(Side.class)));

        assertThat(Baseline.newest(older, newer)).isEqualTo(newer);
        assertThat(Baseline.newest(newer, older)).isEqualTo(newer);
        assertThat(Baseline.newest(Optional.empty(), older)).isEqualTo(older);
        assertThat(Baseline.newest(older, Optional.empty())).isEqualTo(older);
    }

    @Test
    void shouldKeepProvenanceInTheLedgerShape() {
        Provenance p = new Provenance(X.hash(), Instant.ofEpochMilli(1234), "external-contact-to-crm");

        assertThat(Provenance.from(p.hash(), p.toTargets())).contains(p);
        assertThat(Provenance.from(null, p.toTargets())).isEmpty();
        assertThat(new Provenance(Provenance.DELETED_HASH, Instant.EPOCH, "x").deleted()).isTrue();
    }
}
