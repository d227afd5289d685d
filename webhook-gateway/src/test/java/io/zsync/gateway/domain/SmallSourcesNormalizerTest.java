package io.zsync.gateway.domain;

import io.zsync.contract.ChangeEvent;
import io.zsync.contract.Operation;
import io.zsync.contract.SystemId;
import io.zsync.gateway.support.Examples;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Creator orders, CRM workflow templates and the generic external CRM: the shared-secret sources. */
class SmallSourcesNormalizerTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-26T10:00:00Z");
    private static final CrmWorkflowNormalizer.Template TEMPLATE =
            new CrmWorkflowNormalizer.Template("id", "operation", "Modified_Time", "zsync_secret", "edit");

    private static Delivery delivery(String contentType, String body) {
        return new Delivery("dev", body.getBytes(StandardCharsets.UTF_8), contentType, "t", RECEIVED);
    }

    @Test
    void shouldNormalizeTheDocumentedCreatorOrder() {
        ChangeEvent event = new CreatorOrderNormalizer().normalize(delivery("application/json", Examples.CREATOR_ORDER), "orders").get(0);

        assertThat(event.getSource()).isEqualTo(SystemId.ZOHO_CREATOR);
        assertThat(event.getRecordId()).isEqualTo("3888833000000114027");
        assertThat(event.getOperation()).isEqualTo(Operation.CREATED);
        assertThat(event.getChangedValues()).containsEntry("order_no", "SO-1001").containsEntry("total", "120.00")
                .doesNotContainKeys("event", "record_id");
        assertThat(event.getOccurredAt()).as("no occurred_at: the time of receipt").isEqualTo(RECEIVED);
    }

    @Test
    void shouldAcceptACreatorOrderAsFormParametersWithTheSameId() {
        String form = "event=order.submitted&record_id=3888833000000114027&order_no=SO-1001&email=jane%40example.com&total=120.00";
        ChangeEvent fromForm = new CreatorOrderNormalizer().normalize(delivery("application/x-www-form-urlencoded", form), "orders").get(0);
        assertThat(fromForm.getChangedValues()).containsEntry("email", "jane@example.com");
        ChangeEvent retried = new CreatorOrderNormalizer().normalize(delivery("application/x-www-form-urlencoded", form), "orders").get(0);
        assertThat(retried.getEventId()).isEqualTo(fromForm.getEventId());
    }

    @Test
    void shouldRejectBadCreatorPosts() {
        var creator = new CreatorOrderNormalizer();
        assertThatThrownBy(() -> creator.normalize(delivery("application/json", Examples.CREATOR_ORDER), "invoices"))
                .isInstanceOfSatisfying(WebhookRejection.class, r -> assertThat(r.reason()).isEqualTo(WebhookRejection.Reason.UNKNOWN_MODULE));
        assertThatThrownBy(() -> creator.normalize(delivery("application/json", "{\"event\":\"order.submitted\"}"), "orders"))
                .isInstanceOfSatisfying(WebhookRejection.class, r -> assertThat(r.reason()).isEqualTo(WebhookRejection.Reason.MISSING_FIELD));
        assertThatThrownBy(() -> creator.normalize(delivery("text/xml", Examples.CREATOR_ORDER), "orders"))
                .isInstanceOfSatisfying(WebhookRejection.class, r -> assertThat(r.reason()).isEqualTo(WebhookRejection.Reason.UNSUPPORTED_CONTENT_TYPE));
    }

    @Test
    void shouldTakeTheWorkflowSecretFromTheBodyAndNeverPublishIt() {
        String form = "id=5725767000000524157&operation=create&Email=ana%40example.com&zsync_secret=wf-secret&Modified_Time=2023-05-10T01%3A10%3A47-07%3A00";
        ChangeEvent event = new CrmWorkflowNormalizer().normalize(delivery("application/x-www-form-urlencoded", form), "Contacts", TEMPLATE, "wf-secret", null).get(0);

        assertThat(event.getOperation()).isEqualTo(Operation.CREATED);
        assertThat(event.getRecordVersion()).isEqualTo("2023-05-10T01:10:47-07:00");
        assertThat(event.getOccurredAt()).isEqualTo(Instant.parse("2023-05-10T08:10:47Z"));
        assertThat(event.getChangedValues()).containsEntry("Email", "ana@example.com").doesNotContainKey("zsync_secret");
        assertThat(event.toString()).doesNotContain("wf-secret");
    }

    @Test
    void shouldAcceptAWorkflowJsonTemplateWithTheSecretInAHeader() {
        String json = "{\"id\":\"5725767000000524157\",\"Stage\":\"Closed Won\"}";
        ChangeEvent event = new CrmWorkflowNormalizer().normalize(delivery("application/json", json), "Deals", TEMPLATE, "wf-secret", "wf-secret").get(0);
        assertThat(event.getOperation()).as("template default").isEqualTo(Operation.UPDATED);
        assertThat(event.getChangedValues()).containsEntry("Stage", "Closed Won");
    }

    @Test
    void shouldRejectWorkflowCallsWithoutTheRightSecretBeforeJudgingTheBody() {
        var workflow = new CrmWorkflowNormalizer();
        assertThatThrownBy(() -> workflow.normalize(delivery("application/json", "{\"id\":\"1\"}"), "Deals", TEMPLATE, "wf-secret", null))
                .isInstanceOfSatisfying(WebhookRejection.class, r -> assertThat(r.reason()).isEqualTo(WebhookRejection.Reason.MISSING_CREDENTIAL));
        assertThatThrownBy(() -> workflow.normalize(delivery("application/json", "{\"id\":\"1\"}"), "Deals", TEMPLATE, "wf-secret", "guess"))
                .isInstanceOfSatisfying(WebhookRejection.class, r -> assertThat(r.reason()).isEqualTo(WebhookRejection.Reason.BAD_CREDENTIAL));
        assertThatThrownBy(() -> workflow.normalize(delivery("application/json", "{\"id\":"), "Deals", TEMPLATE, "wf-secret", null))
                .isInstanceOfSatisfying(WebhookRejection.class, r -> assertThat(r.kind()).isEqualTo(WebhookRejection.Kind.UNAUTHENTICATED));
        assertThatThrownBy(() -> workflow.normalize(delivery("application/json", "{\"id\":"), "Deals", TEMPLATE, "wf-secret", "wf-secret"))
                .isInstanceOfSatisfying(WebhookRejection.class, r -> assertThat(r.reason()).isEqualTo(WebhookRejection.Reason.MALFORMED_BODY));
        assertThatThrownBy(() -> workflow.normalize(delivery("application/json", "{\"id\":\"1\"}"), "Accounts", TEMPLATE, "wf-secret", "wf-secret"))
                .isInstanceOfSatisfying(WebhookRejection.class, r -> assertThat(r.reason()).isEqualTo(WebhookRejection.Reason.UNKNOWN_MODULE));
    }

    @Test
    void shouldNormalizeExternalEventsAndUseTheSendersEventId() {
        String body = "[{\"eventId\":\"e-1\",\"recordId\":\"003A\",\"operation\":\"updated\",\"occurredAt\":\"2026-11-26T09:00:00Z\","
                + "\"changes\":{\"Email\":\"a@b.com\"},\"previous\":{\"Email\":\"old@b.com\"}},"
                + "{\"recordId\":\"003B\",\"operation\":\"deleted\"}]";
        List<ChangeEvent> events = new ExternalCrmNormalizer().normalize(delivery("application/json", body), SystemId.SALESFORCE, "contacts");

        assertThat(events).extracting(ChangeEvent::getOperation).containsExactly(Operation.UPDATED, Operation.DELETED);
        assertThat(events.get(0).getSource()).isEqualTo(SystemId.SALESFORCE);
        assertThat(events.get(0).getPreviousValues()).containsEntry("Email", "old@b.com");
        assertThat(events.get(0).getOccurredAt()).isEqualTo(Instant.parse("2026-11-26T09:00:00Z"));
        assertThat(events.get(1).getOccurredAt()).isEqualTo(RECEIVED);
        String otherBody = body.replace("a@b.com", "c@d.com");
        assertThat(new ExternalCrmNormalizer().normalize(delivery("application/json", otherBody), SystemId.SALESFORCE, "contacts").get(0).getEventId())
                .as("the sender's event id identifies the delivery").isEqualTo(events.get(0).getEventId());
    }

    @Test
    void shouldRejectBadExternalEvents() {
        var external = new ExternalCrmNormalizer();
        assertThatThrownBy(() -> external.normalize(delivery("application/json", "{\"recordId\":\"1\",\"operation\":\"merged\"}"), SystemId.EXTERNAL, "contacts"))
                .isInstanceOfSatisfying(WebhookRejection.class, r -> assertThat(r.reason()).isEqualTo(WebhookRejection.Reason.INVALID_FIELD));
        assertThatThrownBy(() -> external.normalize(delivery("application/json", "{\"recordId\":\"1\",\"operation\":\"created\"}"), SystemId.EXTERNAL, "accounts"))
                .isInstanceOfSatisfying(WebhookRejection.class, r -> assertThat(r.reason()).isEqualTo(WebhookRejection.Reason.UNKNOWN_MODULE));
        assertThatThrownBy(() -> external.normalize(delivery("application/json", "[]"), SystemId.EXTERNAL, "contacts"))
                .isInstanceOfSatisfying(WebhookRejection.class, r -> assertThat(r.reason()).isEqualTo(WebhookRejection.Reason.EMPTY_BATCH));
    }
}
