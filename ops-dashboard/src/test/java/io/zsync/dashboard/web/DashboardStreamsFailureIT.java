package io.zsync.dashboard.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.zsync.testing.RealKafka;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.zsync.dashboard.web.ItSupport.VIEWER;
import static io.zsync.dashboard.web.ItSupport.VIEWER_PASSWORD;
import static io.zsync.dashboard.web.ItSupport.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A dashboard whose Kafka Streams application cannot start is down, not "unknown": its health answers 503 so that
 * an orchestrator restarts it and an operator sees why, and its API says the state could not start rather than
 * "retry shortly".
 */
@RealKafka
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardStreamsFailureIT implements TestPropertyProvider {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VIEWER_AUTH = basic(VIEWER, VIEWER_PASSWORD);

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new java.util.LinkedHashMap<>(ItSupport.properties("streams-failure-it-" + UUID.randomUUID()));
        // a setting Kafka Streams refuses: the application is never built
        p.put("kafka.streams.default.processing.guarantee", "twice_at_most");
        return p;
    }

    @Test
    void shouldReportDownWithTheReasonWhenKafkaStreamsCannotStart() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> health = ItSupport.get(server.getURL() + "/health", VIEWER_AUTH);
            assertThat(health.statusCode()).isEqualTo(503);
            JsonNode syncFlows = JSON.readTree(health.body()).get("details").get("syncFlows");
            assertThat(syncFlows.get("status").asText()).isEqualTo("DOWN");
            assertThat(syncFlows.get("details").get("reason").asText())
                    .contains("could not start").contains("processing.guarantee");
        });

        HttpResponse<String> overview = ItSupport.get(server.getURL() + "/api/overview", VIEWER_AUTH);
        assertThat(overview.statusCode()).isEqualTo(503);
        assertThat(overview.body()).contains("could not start").doesNotContain("retry shortly");
    }
}
