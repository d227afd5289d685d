package io.zsync.gateway.domain;

import io.zsync.contract.ChangeEvent;
import io.zsync.contract.Operation;
import io.zsync.contract.SystemId;
import io.zsync.gateway.support.Examples;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HubSpotNormalizerTest {

    private final HubSpotNormalizer normalizer = new HubSpotNormalizer();

    private static Delivery json(String body) {
        return new Delivery(null, body.getBytes(StandardCharsets.UTF_8), "application/json", "trace", Instant.EPOCH);
    }

    @Test
    void shouldNormalizeTheDocumentedBatch() {
        List<ChangeEvent> events = normalizer.normalize(json(Examples.HUBSPOT_BATCH));

        assertThat(events).extracting(ChangeEvent::getOperation)
                .containsExactly(Operation.CREATED, Operation.UPDATED, Operation.DELETED);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.getSource()).isEqualTo(SystemId.HUBSPOT);
            assertThat(e.getOrgId()).isEqualTo("12345678");
            assertThat(e.getEntityType()).isEqualTo("contacts");
            assertThat(e.getRecordId()).isEqualTo("65059681032");
        });
        assertThat(events.get(1).getChangedFields()).containsExactly("email");
        assertThat(events.get(1).getChangedValues()).isEqualTo(Map.of("email", "new@x.com"));
        assertThat(events.get(0).getAttributes()).containsEntry("hubspotEventId", "567890123").containsEntry("changeSource", "CRM_UI");
        assertThat(events.get(2).getOccurredAt()).isEqualTo(Instant.ofEpochMilli(1708986600000L));
    }

    @Test
    void shouldKeepEventIdsWhenHubSpotRetriesWithAHigherAttemptNumber() {
        List<ChangeEvent> first = normalizer.normalize(json(Examples.HUBSPOT_BATCH));
        List<ChangeEvent> retry = normalizer.normalize(json(Examples.HUBSPOT_BATCH.replace("\"attemptNumber\":0", "\"attemptNumber\":3")));

        assertThat(retry).extracting(ChangeEvent::getEventId).isEqualTo(first.stream().map(ChangeEvent::getEventId).toList());
    }

    @Test
    void shouldUnderstandTheGenericObjectSubscriptions() {
        String generic = "[{\"eventId\":9,\"portalId\":1,\"occurredAt\":1,\"subscriptionType\":\"object.creation\",\"objectTypeId\":\"0-1\",\"objectId\":5}]";
        assertThat(normalizer.normalize(json(generic))).singleElement()
                .satisfies(e -> assertThat(e.getEntityType()).isEqualTo("contacts"));
    }

    @Test
    void shouldRejectWhatIsNotABatchOfKnownContactEvents() {
        assertReason("{}", WebhookRejection.Reason.INVALID_FIELD); // an object, not an array
        assertReason("[]", WebhookRejection.Reason.EMPTY_BATCH);
        assertReason("[{\"eventId\":1]", WebhookRejection.Reason.MALFORMED_BODY);
        assertReason(Examples.HUBSPOT_BATCH.replace("contact.creation", "company.creation"), WebhookRejection.Reason.UNKNOWN_MODULE);
        assertReason(Examples.HUBSPOT_BATCH.replace("contact.creation", "contact.hugged"), WebhookRejection.Reason.INVALID_FIELD);
        assertReason(Examples.HUBSPOT_BATCH.replace("\"objectId\":65059681032,\"changeFlag\":\"CREATED\"", "\"changeFlag\":\"CREATED\""),
                WebhookRejection.Reason.MISSING_FIELD);
        assertReason(Examples.HUBSPOT_BATCH.replace("\"occurredAt\":1708986598741", "\"occurredAt\":true"), WebhookRejection.Reason.INVALID_FIELD);
    }

    private void assertReason(String body, WebhookRejection.Reason reason) {
        assertThatThrownBy(() -> normalizer.normalize(json(body)))
                .isInstanceOfSatisfying(WebhookRejection.class, r -> assertThat(r.reason()).isEqualTo(reason));
    }
}
