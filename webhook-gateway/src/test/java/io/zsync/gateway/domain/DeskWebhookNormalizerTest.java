package io.zsync.gateway.domain;

import io.zsync.contract.ChangeEvent;
import io.zsync.contract.Operation;
import io.zsync.contract.SystemId;
import io.zsync.gateway.support.Examples;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeskWebhookNormalizerTest {

    private final DeskWebhookNormalizer normalizer = new DeskWebhookNormalizer();

    private static Delivery json(String body) {
        return new Delivery(Examples.DESK_ORG, body.getBytes(StandardCharsets.UTF_8), "application/json", "t", Instant.EPOCH);
    }

    @Test
    void shouldCarryTheDocumentedUpdateWithItsPreviousState() {
        ChangeEvent event = normalizer.normalize(json(Examples.DESK_UPDATE)).get(0);

        assertThat(event.getSource()).isEqualTo(SystemId.ZOHO_DESK);
        assertThat(event.getEntityType()).isEqualTo("tickets");
        assertThat(event.getRecordId()).isEqualTo("31138000011967402");
        assertThat(event.getOperation()).isEqualTo(Operation.UPDATED);
        assertThat(event.getOccurredAt()).isEqualTo(Instant.ofEpochMilli(1618493667780L));
        assertThat(event.getChangedFields()).containsExactlyInAnyOrder("status", "modifiedTime");
        assertThat(event.getPreviousValues()).containsEntry("status", "On Hold");
        assertThat(event.getChangedValues()).containsEntry("status", "Open").containsEntry("closedTime", null);
        assertThat(event.getRecordVersion()).isEqualTo("2021-04-15T13:34:27.000Z");
        assertThat(event.getAttributes()).as("status changed, statusType did not").doesNotContainKey("transition");
    }

    @Test
    void shouldMarkAClosedTicketAsTheClosedTransition() {
        ChangeEvent event = normalizer.normalize(json(Examples.DESK_CLOSED)).get(0);

        assertThat(event.getAttributes()).containsEntry("transition", "CLOSED").containsEntry("statusType", "Closed");
        assertThat(event.getPreviousValues()).containsEntry("statusType", "Open");
        assertThat(event.getChangedValues()).containsEntry("resolution", "Replaced battery");
    }

    @Test
    void shouldNotTakeAStatusNamedClosedForAClosure() {
        String misleading = Examples.DESK_UPDATE.replace("\"status\": \"Open\"", "\"status\": \"Closed\"");
        assertThat(normalizer.normalize(json(misleading)).get(0).getAttributes()).doesNotContainKey("transition");
    }

    @Test
    void shouldMapAddAndThreadEventsAndKeepIdsStableAcrossRetries() {
        String add = "[{\"eventType\":\"Ticket_Add\",\"orgId\":\"54983163\",\"eventTime\":\"1618493000000\",\"payload\":{\"id\":\"1\",\"statusType\":\"Open\"}},"
                + "{\"eventType\":\"Ticket_Thread_Add\",\"orgId\":\"54983163\",\"eventTime\":\"1618493000001\",\"payload\":{\"id\":\"t9\",\"ticketId\":\"1\"}}]";
        var events = normalizer.normalize(json(add));
        assertThat(events).extracting(ChangeEvent::getOperation).containsExactly(Operation.CREATED, Operation.UPDATED);
        assertThat(events).extracting(ChangeEvent::getRecordId).containsExactly("1", "1");
        assertThat(normalizer.normalize(json(add))).extracting(ChangeEvent::getEventId)
                .isEqualTo(events.stream().map(ChangeEvent::getEventId).toList());
    }

    @Test
    void shouldRejectBadBatches() {
        assertReason("{}", WebhookRejection.Reason.INVALID_FIELD); // not an array
        assertReason("[]", WebhookRejection.Reason.EMPTY_BATCH);
        assertReason(Examples.DESK_UPDATE.replace("\"54983163\"", "\"11111\""), WebhookRejection.Reason.ORG_MISMATCH);
        assertReason(Examples.DESK_UPDATE.replace("Ticket_Update", "Contact_Update"), WebhookRejection.Reason.UNKNOWN_MODULE);
        assertReason(Examples.DESK_UPDATE.replace("\"1618493667780\"", "\"soon\""), WebhookRejection.Reason.INVALID_FIELD);
        assertReason("[{\"eventType\":\"Ticket_Update\",\"orgId\":\"54983163\",\"eventTime\":\"1\"}]", WebhookRejection.Reason.MISSING_FIELD);
    }

    private void assertReason(String body, WebhookRejection.Reason reason) {
        assertThatThrownBy(() -> normalizer.normalize(json(body)))
                .isInstanceOfSatisfying(WebhookRejection.class, r -> assertThat(r.reason()).isEqualTo(reason));
    }
}
