package io.zsync.gateway.domain;

import io.zsync.contract.ChangeEvent;
import io.zsync.contract.EventOrigin;
import io.zsync.contract.Operation;
import io.zsync.contract.SystemId;
import io.zsync.gateway.support.Examples;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CrmNotificationNormalizerTest {

    private static final String ORG = "org-1";
    private static final Instant RECEIVED = Instant.parse("2026-11-26T10:00:00Z");
    private final CrmNotificationNormalizer normalizer = new CrmNotificationNormalizer((org, channel) ->
            ORG.equals(org) && Examples.CRM_CHANNEL.equals(channel) ? Optional.of(Examples.CRM_TOKEN) : Optional.empty());

    private static Delivery json(String body) {
        return new Delivery(ORG, body.getBytes(StandardCharsets.UTF_8), "application/json; charset=utf-8", "trace-1", RECEIVED);
    }

    @Test
    void shouldTurnTheDocumentedInsertIntoOneCreatedEvent() {
        List<ChangeEvent> events = normalizer.normalize(json(Examples.CRM_INSERT));

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.getSource()).isEqualTo(SystemId.ZOHO_CRM);
            assertThat(e.getOrgId()).isEqualTo(ORG);
            assertThat(e.getEntityType()).isEqualTo("Leads");
            assertThat(e.getRecordId()).isEqualTo("5725767000003000064");
            assertThat(e.getOperation()).isEqualTo(Operation.CREATED);
            assertThat(e.getChangedFields()).isEmpty();
            assertThat(e.getChangedValues()).isNull();
            assertThat(e.getOrigin()).isEqualTo(EventOrigin.WEBHOOK);
            assertThat(e.getOccurredAt()).isEqualTo(Instant.ofEpochMilli(1718117126473L));
            assertThat(e.getReceivedAt()).isEqualTo(RECEIVED);
            assertThat(e.getTraceId()).isEqualTo("trace-1");
            assertThat(e.getAttributes()).containsEntry("channelId", Examples.CRM_CHANNEL).doesNotContainValue(Examples.CRM_TOKEN);
        });
    }

    @Test
    void shouldCarryAffectedFieldsAndValuesOfAnUpdate() {
        ChangeEvent event = normalizer.normalize(json(Examples.CRM_UPDATE)).get(0);

        assertThat(event.getOperation()).isEqualTo(Operation.UPDATED);
        assertThat(event.getChangedFields()).containsExactly("Mobile");
        assertThat(event.getChangedValues()).isEqualTo(Map.of("Mobile", "123456789"));
    }

    @Test
    void shouldMakeOneEventPerIdOfABulkCallback() {
        String bulk = Examples.CRM_UPDATE
                .replace("\"ids\": [\"5725767000003000010\"]", "\"ids\": [\"5725767000003000010\", \"5725767000003000011\", \"5725767000003000012\"]");
        List<ChangeEvent> events = normalizer.normalize(json(bulk));

        assertThat(events).extracting(ChangeEvent::getRecordId)
                .containsExactly("5725767000003000010", "5725767000003000011", "5725767000003000012");
        assertThat(events).extracting(ChangeEvent::getEventId).doesNotHaveDuplicates();
        assertThat(events.get(1).getChangedValues()).as("values were sent for the first id only").isNull();
    }

    @Test
    void shouldMapDeleteToDeleted() {
        String delete = Examples.CRM_INSERT.replace("\"insert\"", "\"delete\"");
        assertThat(normalizer.normalize(json(delete)).get(0).getOperation()).isEqualTo(Operation.DELETED);
    }

    @Test
    void shouldGiveARedeliveryTheSameEventIdWhateverItsTraceOrTime() {
        ChangeEvent first = normalizer.normalize(json(Examples.CRM_INSERT)).get(0);
        ChangeEvent again = normalizer.normalize(new Delivery(ORG, Examples.CRM_INSERT.getBytes(StandardCharsets.UTF_8),
                "application/json", "trace-2", RECEIVED.plusSeconds(60))).get(0);

        assertThat(again.getEventId()).isEqualTo(first.getEventId());
        assertThat(again.getTraceId()).isNotEqualTo(first.getTraceId());
    }

    @Test
    void shouldRejectAWrongTokenBeforeJudgingTheRestOfTheBody() {
        String forged = "{\"channel_id\":\"1000000068001\",\"token\":\"guess\"}";
        assertReason(forged, WebhookRejection.Reason.BAD_CREDENTIAL);
    }

    @Test
    void shouldRejectAMissingTokenOrUnknownChannelAsUnauthenticated() {
        assertReason(Examples.CRM_INSERT.replace("\"token\": \"TOKEN_FOR_VERIFICATION_OF_1000000068001\"", "\"token\": null"),
                WebhookRejection.Reason.MISSING_CREDENTIAL);
        assertReason(Examples.CRM_INSERT.replace("\"channel_id\": \"1000000068001\"", "\"channel_id\": \"999\""),
                WebhookRejection.Reason.UNKNOWN_CHANNEL);
    }

    @Test
    void shouldRejectAnotherOrgsCallback() {
        Delivery otherOrg = new Delivery("org-2", Examples.CRM_INSERT.getBytes(StandardCharsets.UTF_8), "application/json", "t", RECEIVED);
        assertThatThrownBy(() -> normalizer.normalize(otherOrg)).isInstanceOfSatisfying(WebhookRejection.class,
                r -> assertThat(r.kind()).isEqualTo(WebhookRejection.Kind.UNAUTHENTICATED));
    }

    @Test
    void shouldRejectBadBodiesAsBadRequests() {
        assertReason("{\"module\": ", WebhookRejection.Reason.MALFORMED_BODY); // truncated JSON
        assertReason("[]", WebhookRejection.Reason.INVALID_FIELD); // not an object
        assertReason(Examples.CRM_INSERT.replace("\"Leads\"", "\"Accounts\""), WebhookRejection.Reason.UNKNOWN_MODULE); // no topic
        assertReason(Examples.CRM_INSERT.replace("\"insert\"", "\"upsert\""), WebhookRejection.Reason.INVALID_FIELD); // unknown verb
        assertReason(Examples.CRM_INSERT.replace("\"ids\": [\"5725767000003000064\"]", "\"ids\": []"), WebhookRejection.Reason.INVALID_FIELD); // nothing changed
        assertReason(Examples.CRM_INSERT.replace("\"ids\": [\"5725767000003000064\"],", ""), WebhookRejection.Reason.MISSING_FIELD); // ids absent
        assertReason(Examples.CRM_INSERT.replace("1718117126473", "\"yesterday\""), WebhookRejection.Reason.INVALID_FIELD); // mistyped time
        assertReason(Examples.CRM_INSERT + " {}", WebhookRejection.Reason.MALFORMED_BODY); // trailing document
    }

    @Test
    void shouldRejectANonJsonContentType() {
        Delivery form = new Delivery(ORG, Examples.CRM_INSERT.getBytes(StandardCharsets.UTF_8), "text/plain", "t", RECEIVED);
        assertThatThrownBy(() -> normalizer.normalize(form)).isInstanceOfSatisfying(WebhookRejection.class,
                r -> assertThat(r.reason()).isEqualTo(WebhookRejection.Reason.UNSUPPORTED_CONTENT_TYPE));
    }

    private void assertReason(String body, WebhookRejection.Reason reason) {
        assertThatThrownBy(() -> normalizer.normalize(json(body)))
                .isInstanceOfSatisfying(WebhookRejection.class, r -> {
                    assertThat(r.reason()).isEqualTo(reason);
                    assertThat(r.getMessage()).doesNotContain(Examples.CRM_TOKEN);
                });
    }
}
