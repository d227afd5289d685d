package io.zsync.cli.domain;

import io.zsync.contract.ChangeEvent;
import io.zsync.contract.EventOrigin;
import io.zsync.contract.Operation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class BackfillEventsTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    @Test
    void shouldUseANameBasedIdOfOrgModuleRecordAndVersion() {
        String expected = UUID.nameUUIDFromBytes("backfill/acme/Contacts/c1/2026-11-20T09:30:00+00:00"
                .getBytes(StandardCharsets.UTF_8)).toString();

        assertThat(BackfillEvents.eventId("acme", "Contacts", "c1", "2026-11-20T09:30:00+00:00")).isEqualTo(expected);
    }

    @Test
    void shouldGiveTheSameRecordVersionTheSameIdEveryRun() {
        ChangeEvent first = BackfillEvents.event("acme", "Contacts", "c1", "2026-11-20T09:30:00+00:00", NOW, "t1");
        ChangeEvent second = BackfillEvents.event("acme", "Contacts", "c1", "2026-11-20T09:30:00+00:00",
                NOW.plusSeconds(60), "t2");

        assertThat(first.getEventId()).isEqualTo(second.getEventId());
        assertThat(BackfillEvents.eventId("acme", "Contacts", "c1", "2026-11-21T09:30:00+00:00"))
                .isNotEqualTo(first.getEventId());
    }

    @Test
    void shouldBeAnUpdateFromABackfillVersionedByModifiedTime() {
        ChangeEvent e = BackfillEvents.event("acme", "Contacts", "c1", "2026-11-20T09:30:00+00:00", NOW, "t1");

        assertThat(e.getOrigin()).isEqualTo(EventOrigin.BACKFILL);
        assertThat(e.getOperation()).isEqualTo(Operation.UPDATED);
        assertThat(e.getRecordVersion()).isEqualTo("2026-11-20T09:30:00+00:00");
        assertThat(e.getOccurredAt()).isEqualTo(Instant.parse("2026-11-20T09:30:00Z"));
        assertThat(e.getReceivedAt()).isEqualTo(NOW);
        assertThat(e.getOrgId()).isEqualTo("acme");
    }
}
