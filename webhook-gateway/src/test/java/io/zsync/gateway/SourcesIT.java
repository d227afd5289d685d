package io.zsync.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.zsync.contract.ChangeEvent;
import io.zsync.contract.Operation;
import io.zsync.contract.SystemId;
import io.zsync.gateway.domain.Credentials;
import io.zsync.gateway.support.Examples;
import io.zsync.gateway.support.Http;
import io.zsync.gateway.support.JwksServer;
import io.zsync.gateway.support.TopicProbe;
import io.zsync.schemas.Topics;
import io.zsync.testing.KafkaStack;
import io.zsync.testing.RealKafka;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Desk (JWT), Creator (secret header), CRM workflow (secret header or parameter) and the generic external CRM
 * (body HMAC) end to end on a real broker: the documented payloads land on their topics; forged ones are
 * refused with 401 and publish nothing.
 */
@RealKafka
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SourcesIT implements TestPropertyProvider {

    static final String CREATOR_SECRET = "it-creator-secret";
    static final String WORKFLOW_SECRET = "it-workflow-secret";
    static final String EXTERNAL_SECRET = "it-external-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JwksServer jwks = new JwksServer();
    private final TopicProbe probe = new TopicProbe(KafkaStack.get().bootstrapServers(), KafkaStack.get().schemaRegistryUrl());

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(KafkaStack.get().micronautProperties());
        p.put("zsync.gateway.channels.enabled", "false");
        p.put("zsync.gateway.reconciliation.enabled", "false");
        p.put("zsync.gateway.desk.orgs.dev.org-id", Examples.DESK_ORG);
        p.put("zsync.gateway.desk.orgs.dev.jwks-url", jwks.url());
        p.put("zsync.gateway.creator.orgs.dev.secret", CREATOR_SECRET);
        p.put("zsync.gateway.crm.orgs.dev.workflow-secret", WORKFLOW_SECRET);
        p.put("zsync.gateway.external.tenants.acme.secret", EXTERNAL_SECRET);
        return p;
    }

    @AfterAll
    void stop() {
        probe.close();
        jwks.close();
    }

    private String deskJwt() {
        return JwksServer.sign(jwks.currentKey(), JwksServer.claims(Examples.DESK_ORG, "42", Instant.now().plusSeconds(300).toEpochMilli()));
    }

    @Test
    void shouldPublishASignedDeskClosureAsARecognisableTransition() {
        String trace = UUID.randomUUID().toString();
        HttpResponse<String> response = Http.post(server.getURI().resolve("/webhooks/zoho/desk/" + Examples.DESK_ORG),
                "application/json", Examples.DESK_CLOSED, "X-ZDesk-JWT", deskJwt(), "X-Trace-Id", trace);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(probe.events(Topics.DESK_TICKETS, e -> e.getTraceId().equals(trace))).singleElement().satisfies(e -> {
            assertThat(e.getAttributes()).containsEntry("transition", "CLOSED");
            assertThat(e.getPreviousValues()).containsEntry("statusType", "Open");
            assertThat(e.getRecordId()).isEqualTo("31138000011967402");
        });
    }

    @Test
    void shouldAcceptTheOrgKeyInTheDeskPathAsTheLocalStackWiresIt() {
        assertThat(Http.post(server.getURI().resolve("/webhooks/zoho/desk/dev"), "application/json", Examples.DESK_UPDATE,
                "X-ZDesk-JWT", deskJwt()).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldAnswerDesksValidationGet() {
        assertThat(Http.get(server.getURI().resolve("/webhooks/zoho/desk/" + Examples.DESK_ORG)).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRefuseDeskWebhooksWithoutAValidJwt() {
        String path = "/webhooks/zoho/desk/" + Examples.DESK_ORG;
        long before = probe.changeTopicsEnd();
        assertThat(Http.post(server.getURI().resolve(path), "application/json", Examples.DESK_UPDATE).statusCode()).isEqualTo(401);
        String otherOrg = JwksServer.sign(jwks.currentKey(), JwksServer.claims("1", "42", Instant.now().plusSeconds(300).getEpochSecond()));
        assertThat(Http.post(server.getURI().resolve(path), "application/json", Examples.DESK_UPDATE, "X-ZDesk-JWT", otherOrg).statusCode()).isEqualTo(401);
        assertThat(Http.post(server.getURI().resolve("/webhooks/zoho/desk/999"), "application/json", Examples.DESK_UPDATE, "X-ZDesk-JWT", deskJwt()).statusCode()).isEqualTo(401);
        assertThat(Http.post(server.getURI().resolve(path), "application/json", "[{\"eventType\":", "X-ZDesk-JWT", deskJwt()).statusCode()).isEqualTo(400);
        assertThat(probe.changeTopicsEnd()).isEqualTo(before);
    }

    @Test
    void shouldPublishTheDocumentedCreatorOrder() throws Exception {
        HttpResponse<String> response = Http.post(server.getURI().resolve("/webhooks/zoho/creator/dev/orders"), "application/json",
                Examples.CREATOR_ORDER, "X-Webhook-Secret", CREATOR_SECRET);
        assertThat(response.statusCode()).isEqualTo(200);
        String eventId = JSON.readTree(response.body()).get("eventIds").get(0).asText();
        assertThat(probe.events(Topics.CREATOR_ORDERS, e -> e.getEventId().equals(eventId))).isNotEmpty()
                .allSatisfy(e -> assertThat(e.getChangedValues()).containsEntry("order_no", "SO-1001"));

        long before = probe.changeTopicsEnd();
        assertThat(Http.post(server.getURI().resolve("/webhooks/zoho/creator/dev/orders"), "application/json",
                Examples.CREATOR_ORDER, "X-Webhook-Secret", "guess").statusCode()).isEqualTo(401);
        assertThat(Http.post(server.getURI().resolve("/webhooks/zoho/creator/dev/orders"), "application/json",
                "{\"event\":\"order.submitted\"}", "X-Webhook-Secret", CREATOR_SECRET).statusCode()).isEqualTo(400);
        assertThat(probe.changeTopicsEnd()).isEqualTo(before);
    }

    @Test
    void shouldPublishAWorkflowFormPostWithoutItsSecret() {
        String trace = UUID.randomUUID().toString();
        String form = "id=5725767000000524157&operation=edit&Stage=Closed%20Won&zsync_secret=" + WORKFLOW_SECRET;
        HttpResponse<String> response = Http.post(server.getURI().resolve("/webhooks/zoho/crm/dev/workflow/Deals"),
                "application/x-www-form-urlencoded", form, "X-Trace-Id", trace);

        assertThat(response.statusCode()).isEqualTo(200);
        ChangeEvent event = probe.events(Topics.CRM_DEALS, e -> e.getTraceId().equals(trace)).get(0);
        assertThat(event.getChangedValues()).containsEntry("Stage", "Closed Won").doesNotContainKey("zsync_secret");
        assertThat(event.getOperation()).isEqualTo(Operation.UPDATED);

        long before = probe.changeTopicsEnd();
        assertThat(Http.post(server.getURI().resolve("/webhooks/zoho/crm/dev/workflow/Deals"), "application/x-www-form-urlencoded",
                "id=1&zsync_secret=guess").statusCode()).isEqualTo(401);
        assertThat(probe.changeTopicsEnd()).isEqualTo(before);
    }

    @Test
    void shouldPublishAnHmacSignedExternalBatch() {
        String trace = UUID.randomUUID().toString();
        byte[] body = "[{\"eventId\":\"x-1\",\"recordId\":\"ext-42\",\"operation\":\"created\",\"changes\":{\"email\":\"a@b.com\"}}]"
                .getBytes(StandardCharsets.UTF_8);
        String signature = "sha256=" + HexFormat.of().formatHex(Credentials.hmacSha256(EXTERNAL_SECRET, body));
        HttpResponse<String> response = Http.post(server.getURI().resolve("/webhooks/external/acme/contacts"), "application/json", body,
                "X-Zsync-Signature", signature, "X-Trace-Id", trace);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(probe.events(Topics.EXTERNAL_CONTACTS, e -> e.getTraceId().equals(trace))).singleElement().satisfies(e -> {
            assertThat(e.getSource()).isEqualTo(SystemId.EXTERNAL);
            assertThat(e.getOrgId()).isEqualTo("acme");
        });

        long before = probe.changeTopicsEnd();
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("a@b.com", "evil@b.com").getBytes(StandardCharsets.UTF_8);
        assertThat(Http.post(server.getURI().resolve("/webhooks/external/acme/contacts"), "application/json", tampered,
                "X-Zsync-Signature", signature).statusCode()).isEqualTo(401);
        assertThat(probe.changeTopicsEnd()).isEqualTo(before);
    }
}
