package io.zsync.gateway;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.zsync.gateway.support.Examples;
import io.zsync.gateway.support.Http;
import io.zsync.gateway.support.TopicProbe;
import io.zsync.schemas.Topics;
import io.zsync.stack.KafkaBroker;
import io.zsync.stack.Ports;
import io.zsync.testing.KafkaStack;
import io.zsync.testing.RealKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nothing acknowledged is lost: a sender keeps posting while the broker (a real Kafka in its own JVM) is
 * killed and restarted. While it is down every request is answered 503 with Retry-After; after it returns
 * requests succeed again; and every event the gateway acknowledged with 200 is on the topic.
 */
@RealKafka
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerLossIT {

    private KafkaBroker broker;
    private ApplicationContext gateway;
    private URI endpoint;
    private final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong sequence = new AtomicLong();

    record Outcome(int status, String body, String retryAfter, long sentAt) {
    }

    @BeforeAll
    void start() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "broker-loss-it", UUID.randomUUID().toString()));
        broker = KafkaBroker.start(Ports.free(), Ports.free(), dir, dir.resolve("broker.log"));
        Map<String, Object> properties = new java.util.HashMap<>();
        properties.put("kafka.bootstrap.servers", broker.bootstrapServers());
        properties.put("zsync.schema-registry.url", KafkaStack.get().schemaRegistryUrl());
        properties.put("micronaut.server.port", -1);
        properties.put("zsync.gateway.channels.enabled", false);
        properties.put("zsync.gateway.reconciliation.enabled", false);
        properties.put("zsync.gateway.crm.orgs.dev.channel-id", Examples.CRM_CHANNEL);
        properties.put("zsync.gateway.crm.orgs.dev.channel-token", Examples.CRM_TOKEN);
        properties.put("zsync.gateway.publish-timeout", "2s");
        properties.put("zsync.gateway.retry-after", "1s");
        properties.put("zsync.gateway.producer.max-block", "1s");
        properties.put("zsync.gateway.producer.request-timeout", "1s");
        gateway = ApplicationContext.run(properties);
        EmbeddedServer server = gateway.getBean(EmbeddedServer.class).start();
        endpoint = server.getURI().resolve("/webhooks/zoho/crm/dev/notifications");
    }

    @AfterAll
    void stop() {
        // the gateway first, or its producer retries against a dead broker while the test JVM exits
        if (gateway != null) {
            gateway.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void shouldAnswer503WhileTheBrokerIsDownAndLoseNoAcknowledgedEvent() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sender = new Thread(() -> {
            while (running.get()) {
                send();
            }
        }, "broker-loss-sender");
        sender.start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> count(200) >= 20);

            broker.kill();
            int okBeforeKill = count(200);
            await().atMost(Duration.ofSeconds(60)).until(() -> count(503) >= 5);
            int okWhileDown = count(200) - okBeforeKill;

            broker.restart();
            int okBeforeRestart = count(200);
            await().atMost(Duration.ofSeconds(90)).until(() -> count(200) >= okBeforeRestart + 20);

            // a request racing the kill may still have been acknowledged; once down, none is
            assertThat(okWhileDown).as("200s after the kill (only requests already acknowledged in flight)").isLessThanOrEqualTo(2);
        } finally {
            running.set(false);
            sender.join(30_000);
        }

        List<Outcome> all = List.copyOf(outcomes);
        assertThat(all).extracting(Outcome::status).containsOnly(200, 503);
        assertThat(all).filteredOn(o -> o.status() == 503).allSatisfy(o -> {
            assertThat(o.retryAfter()).isEqualTo("1");
            assertThat(o.body()).contains("\"code\":\"BROKER_UNAVAILABLE\"");
        });

        Set<String> acknowledged = all.stream().filter(o -> o.status() == 200)
                .flatMap(o -> eventIds(o.body()).stream()).collect(Collectors.toSet());
        try (TopicProbe probe = new TopicProbe(broker.bootstrapServers(), KafkaStack.get().schemaRegistryUrl())) {
            Set<String> onTopic = probe.readAll(Topics.CRM_LEADS).stream().map(r -> r.value().getEventId())
                    .collect(Collectors.toSet());
            assertThat(onTopic).containsAll(acknowledged);
        }
    }

    private void send() {
        long n = sequence.incrementAndGet();
        String body = Examples.CRM_UPDATE
                .replace("1718115953625", Long.toString(1718115953625L + n))
                .replace("5725767000003000010", Long.toString(5725767000003000010L + n));
        try {
            HttpResponse<String> response = Http.post(endpoint, "application/json", body);
            outcomes.add(new Outcome(response.statusCode(), response.body(),
                    response.headers().firstValue("Retry-After").orElse(null), System.nanoTime()));
        } catch (RuntimeException e) {
            // a transport failure is an outcome too: it must not be counted as acknowledged
            outcomes.add(new Outcome(-1, String.valueOf(e), null, System.nanoTime()));
        }
    }

    private int count(int status) {
        synchronized (outcomes) {
            return (int) outcomes.stream().filter(o -> o.status() == status).count();
        }
    }

    private static List<String> eventIds(String body) {
        try {
            var ids = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).get("eventIds");
            List<String> list = new ArrayList<>();
            ids.forEach(id -> list.add(id.asText()));
            return list;
        } catch (java.io.IOException e) {
            throw new AssertionError("a 200 without a JSON body: " + body, e);
        }
    }

}
