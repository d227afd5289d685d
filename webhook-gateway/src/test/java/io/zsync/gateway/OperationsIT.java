package io.zsync.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.zsync.contract.Watermark;
import io.zsync.gateway.reconcile.KafkaWatermarkStore;
import io.zsync.gateway.reconcile.ReconciliationRun;
import io.zsync.gateway.support.Examples;
import io.zsync.gateway.support.Http;
import io.zsync.testing.KafkaStack;
import io.zsync.testing.RealKafka;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operators see: health including the broker, Prometheus metrics of accepted and rejected webhooks and
 * of publish latency, and watermarks that survive on the compacted topic.
 */
@RealKafka
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsIT implements TestPropertyProvider {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EmbeddedServer server;
    @Inject
    KafkaWatermarkStore watermarks;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(KafkaStack.get().micronautProperties());
        p.put("zsync.gateway.reconciliation.enabled", "false");
        p.put("zsync.gateway.channels.enabled", "false");
        p.put("zsync.gateway.crm.orgs.dev.channel-id", Examples.CRM_CHANNEL);
        p.put("zsync.gateway.crm.orgs.dev.channel-token", Examples.CRM_TOKEN);
        return p;
    }

    @Test
    void shouldReportTheBrokerInHealth() throws Exception {
        HttpResponse<String> health = Http.get(server.getURI().resolve("/health"));

        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(health.body());
        assertThat(body.get("status").asText()).isEqualTo("UP");
        assertThat(body.at("/details/kafka/status").asText()).isEqualTo("UP");
    }

    @Test
    void shouldExposeNoOtherManagementEndpointWithoutALogin() {
        for (String endpoint : java.util.List.of("/beans", "/env", "/loggers", "/refresh", "/routes", "/threaddump", "/info")) {
            assertThat(Http.get(server.getURI().resolve(endpoint)).statusCode()).as(endpoint).isEqualTo(404);
        }
    }

    @Test
    void shouldExposeAcceptedRejectedAndLatencyMetrics() {
        Http.post(server.getURI().resolve("/webhooks/zoho/crm/dev/notifications"), "application/json", Examples.CRM_INSERT);
        Http.post(server.getURI().resolve("/webhooks/zoho/crm/dev/notifications"), "application/json", "{");

        String prometheus = Http.get(server.getURI().resolve("/prometheus")).body();

        assertThat(prometheus)
                .contains("zsync_gateway_webhooks_accepted_total{source=\"zoho_crm_notification\"}")
                .contains("zsync_gateway_webhooks_rejected_total{reason=\"malformed_body\",source=\"zoho_crm_notification\"}")
                .contains("zsync_gateway_publish_latency_seconds_bucket{outcome=\"acknowledged\",source=\"zoho_crm_notification\"");
    }

    @Test
    void shouldReadBackTheLatestSavedWatermark() {
        String key = ReconciliationRun.key("org-" + UUID.randomUUID(), "Contacts");
        Watermark first = watermark(Instant.parse("2026-11-26T10:00:00Z"), List.of("1"));
        Watermark second = watermark(Instant.parse("2026-11-26T11:00:00Z"), List.of("7", "8"));

        assertThat(watermarks.load(key)).isEmpty();
        watermarks.save(key, first);
        watermarks.save(key, second);

        assertThat(watermarks.load(key)).contains(second);
    }

    private static Watermark watermark(Instant time, List<String> ids) {
        return Watermark.newBuilder().setComponent(ReconciliationRun.COMPONENT).setOrgId("o").setEntityType("Contacts")
                .setModifiedTime(time).setLastRecordIds(ids).setUpdatedAt(time).build();
    }
}
