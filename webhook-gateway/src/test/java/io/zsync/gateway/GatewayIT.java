package io.zsync.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.zsync.contract.ChangeEvent;
import io.zsync.contract.Operation;
import io.zsync.contract.SystemId;
import io.zsync.zoho.hubspot.HubSpotSignatures;
import io.zsync.gateway.ops.GatewayMetrics;
import io.zsync.gateway.support.Examples;
import io.zsync.gateway.support.Http;
import io.zsync.gateway.support.LogCapture;
import io.zsync.gateway.support.TopicProbe;
import io.zsync.schemas.Topics;
import io.zsync.testing.KafkaStack;
import io.zsync.testing.RealKafka;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway against a real broker and schema registry: documented payloads become events on the right
 * topics (readable with the registry's schema), only after which it answers 200; every rejection answers
 * 4xx with a JSON body and publishes nothing.
 */
@RealKafka
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayIT implements TestPropertyProvider {

    static final String HUBSPOT_SECRET = "it-hubspot-client-secret";
    static final int LIMIT = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EmbeddedServer server;
    @Inject
    MeterRegistry meters;

    private TopicProbe probe;
    private LogCapture logs;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(KafkaStack.get().micronautProperties());
        p.put("zsync.gateway.channels.enabled", "false");
        p.put("zsync.gateway.reconciliation.enabled", "false");
        p.put("zsync.gateway.crm.orgs.dev.channel-id", Examples.CRM_CHANNEL);
        p.put("zsync.gateway.crm.orgs.dev.channel-token", Examples.CRM_TOKEN);
        p.put("zsync.gateway.hubspot.client-secret", HUBSPOT_SECRET);
        p.put("zsync.gateway.max-body-bytes", Integer.toString(LIMIT));
        p.put("micronaut.server.max-request-size", Integer.toString(LIMIT));
        return p;
    }

    @BeforeAll
    void start() {
        probe = new TopicProbe(KafkaStack.get().bootstrapServers(), KafkaStack.get().schemaRegistryUrl());
        logs = new LogCapture();
    }

    @AfterAll
    void stop() {
        probe.close();
        logs.close();
    }

    private URI uri(String path) {
        return server.getURI().resolve(path);
    }

    @Test
    void shouldPublishTheDocumentedCrmInsertBeforeAnswering200() throws Exception {
        String trace = UUID.randomUUID().toString();
        HttpResponse<String> response = Http.post(uri("/webhooks/zoho/crm/dev/notifications"), "application/json",
                Examples.CRM_INSERT, "X-Trace-Id", trace);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("accepted").asInt()).isEqualTo(1);
        // 200 means acknowledged: the event is readable right now, without waiting
        List<ConsumerRecord<String, ChangeEvent>> records = probe.readAll(Topics.CRM_LEADS).stream()
                .filter(r -> r.value().getTraceId().equals(trace)).toList();
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("5725767000003000064");
            assertThat(r.value().getEventId()).isEqualTo(body.get("eventIds").get(0).asText());
            assertThat(r.value().getOperation()).isEqualTo(Operation.CREATED);
            assertThat(r.value().getSource()).isEqualTo(SystemId.ZOHO_CRM);
            assertThat(r.value().getOrgId()).isEqualTo("dev");
        });
    }

    @Test
    void shouldCarryTheChangedValuesOfTheDocumentedUpdate() {
        String trace = UUID.randomUUID().toString();
        assertThat(Http.post(uri("/webhooks/zoho/crm/dev/notifications"), "application/json", Examples.CRM_UPDATE,
                "X-Trace-Id", trace).statusCode()).isEqualTo(200);

        assertThat(probe.events(Topics.CRM_LEADS, e -> e.getTraceId().equals(trace))).singleElement().satisfies(e -> {
            assertThat(e.getChangedFields()).containsExactly("Mobile");
            assertThat(e.getChangedValues()).containsEntry("Mobile", "123456789");
        });
    }

    @Test
    void shouldGiveARedeliveredWebhookTheSameEventId() throws Exception {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        HttpResponse<String> a = Http.post(uri("/webhooks/zoho/crm/dev/notifications"), "application/json", Examples.CRM_UPDATE, "X-Trace-Id", first);
        HttpResponse<String> b = Http.post(uri("/webhooks/zoho/crm/dev/notifications"), "application/json", Examples.CRM_UPDATE, "X-Trace-Id", second);

        assertThat(JSON.readTree(b.body()).get("eventIds")).isEqualTo(JSON.readTree(a.body()).get("eventIds"));
        List<ChangeEvent> both = probe.events(Topics.CRM_LEADS, e -> e.getTraceId().equals(first) || e.getTraceId().equals(second));
        assertThat(both).hasSize(2).extracting(ChangeEvent::getEventId).containsOnly(both.get(0).getEventId());
    }

    @Test
    void shouldPublishEveryEventOfASignedHubSpotBatch() throws Exception {
        String trace = "00-" + UUID.randomUUID().toString().replace("-", "") + "-00f067aa0ba902b7-01";
        HttpResponse<String> response = postHubSpot(Examples.HUBSPOT_BATCH, Instant.now(), "traceparent", trace);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("accepted").asInt()).isEqualTo(3);
        String traceId = trace.substring(3, 35);
        List<ConsumerRecord<String, ChangeEvent>> records = probe.readAll(Topics.EXTERNAL_CONTACTS).stream()
                .filter(r -> r.value().getTraceId().equals(traceId)).toList();
        assertThat(records).extracting(r -> r.value().getOperation())
                .as("one record, so one partition: the order HubSpot sent them in")
                .containsExactly(Operation.CREATED, Operation.UPDATED, Operation.DELETED);
        assertThat(records).allSatisfy(r -> assertThat(r.key()).isEqualTo("65059681032"));
    }

    @Test
    void shouldRejectEveryBadRequestWithJsonAndPublishNothing() {
        String crm = "/webhooks/zoho/crm/dev/notifications";
        assertRejected(crm, "application/json", "{\"module\": ", 400, "MALFORMED_BODY");
        assertRejected(crm, "text/plain", Examples.CRM_INSERT, 400, "UNSUPPORTED_CONTENT_TYPE");
        assertRejected(crm, null, Examples.CRM_INSERT, 400, "UNSUPPORTED_CONTENT_TYPE");
        assertRejected(crm, "application/json", "", 400, "MALFORMED_BODY");
        assertRejected(crm, "application/json", Examples.CRM_INSERT.replace("\"ids\": [\"5725767000003000064\"],", ""), 400, "MISSING_FIELD");
        assertRejected(crm, "application/json", Examples.CRM_INSERT.replace("1718117126473", "\"noon\""), 400, "INVALID_FIELD");
        assertRejected(crm, "application/json", Examples.CRM_INSERT.replace("\"Leads\"", "\"Vendors\""), 400, "UNKNOWN_MODULE");
        assertRejected(crm, "application/json", Examples.CRM_INSERT.replace(Examples.CRM_TOKEN, "TOKEN_GUESS"), 401, "UNAUTHENTICATED");
        assertRejected(crm, "application/json", Examples.CRM_INSERT.replace("\"token\": \"" + Examples.CRM_TOKEN + "\"", "\"x\": 1"), 401, "UNAUTHENTICATED");
        assertRejected("/webhooks/zoho/crm/nobody/notifications", "application/json", Examples.CRM_INSERT, 401, "UNAUTHENTICATED");
    }

    @Test
    void shouldRejectUnsignedStaleOrForgedHubSpotBatches() {
        long before = probe.changeTopicsEnd();
        assertThat(postHubSpotWith(Examples.HUBSPOT_BATCH, Long.toString(System.currentTimeMillis()), null).statusCode()).isEqualTo(401);
        assertThat(postHubSpotWith(Examples.HUBSPOT_BATCH, Long.toString(System.currentTimeMillis()), "bm90LWEtc2lnbmF0dXJl").statusCode()).isEqualTo(401);
        assertThat(postHubSpot(Examples.HUBSPOT_BATCH, Instant.now().minus(Duration.ofMinutes(6))).statusCode()).isEqualTo(401);
        HttpResponse<String> malformed = postHubSpot("[{\"eventId\":", Instant.now());
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("\"code\":\"MALFORMED_BODY\"");
        assertThat(probe.changeTopicsEnd()).isEqualTo(before);
        assertThat(meters.counter(GatewayMetrics.REJECTED, "source", "hubspot", "reason", "stale_timestamp").count()).isPositive();
    }

    @Test
    void shouldAnswer413ToABodyOverTheLimitWithOrWithoutContentLength() throws Exception {
        long before = probe.changeTopicsEnd();
        byte[] big = ("{\"pad\":\"" + "x".repeat(LIMIT) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> sized = Http.post(uri("/webhooks/zoho/crm/dev/notifications"), "application/json", big);
        assertThat(sized.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(sized.body()).get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");

        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/webhooks/hubspot"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(chunked.body()).get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(probe.changeTopicsEnd()).isEqualTo(before);
    }

    @Test
    void shouldNeverLogASecretTokenOrSignature() {
        Http.post(uri("/webhooks/zoho/crm/dev/notifications"), "application/json", Examples.CRM_INSERT.replace(Examples.CRM_TOKEN, "TOKEN_GUESS_1234"));
        Http.post(uri("/webhooks/zoho/crm/dev/notifications"), "application/json", Examples.CRM_INSERT);
        String ts = Long.toString(System.currentTimeMillis());
        String signature = HubSpotSignatures.v3(HUBSPOT_SECRET, "POST", "http://wrong.example/webhooks/hubspot", Examples.HUBSPOT_BATCH, ts);
        postHubSpotWith(Examples.HUBSPOT_BATCH, ts, signature);

        assertThat(logs.lines()).isNotEmpty().noneSatisfy(line -> assertThat(line)
                .containsAnyOf(Examples.CRM_TOKEN, "TOKEN_GUESS_1234", HUBSPOT_SECRET, signature));
    }

    private void assertRejected(String path, String contentType, String body, int status, String code) {
        long before = probe.changeTopicsEnd();
        HttpResponse<String> response = Http.post(uri(path), contentType, body);
        assertThat(response.statusCode()).as(code + " for " + body).isEqualTo(status);
        try {
            JsonNode json = JSON.readTree(response.body());
            assertThat(json.get("code").asText()).isEqualTo(code);
            assertThat(json.get("message").asText()).isNotBlank();
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
        assertThat(probe.changeTopicsEnd()).as("nothing published for " + code).isEqualTo(before);
    }

    private HttpResponse<String> postHubSpot(String body, Instant at, String... headers) {
        String ts = Long.toString(at.toEpochMilli());
        String url = "http://" + server.getHost() + ":" + server.getPort() + "/webhooks/hubspot";
        String signature = HubSpotSignatures.v3(HUBSPOT_SECRET, "POST", url, body, ts);
        return postHubSpotWith(body, ts, signature, headers);
    }

    private HttpResponse<String> postHubSpotWith(String body, String ts, String signature, String... extra) {
        List<String> headers = new java.util.ArrayList<>(List.of("X-HubSpot-Request-Timestamp", ts));
        if (signature != null) {
            headers.addAll(List.of("X-HubSpot-Signature-v3", signature));
        }
        headers.addAll(List.of(extra));
        return Http.post(uri("/webhooks/hubspot"), "application/json", body, headers.toArray(String[]::new));
    }
}
