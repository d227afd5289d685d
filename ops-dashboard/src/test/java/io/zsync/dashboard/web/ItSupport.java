package io.zsync.dashboard.web;

import io.zsync.contract.DeadLetter;
import io.zsync.contract.SyncCompleted;
import io.zsync.dashboard.domain.PasswordHashes;
import io.zsync.schemas.Topics;
import io.zsync.schemas.serde.AvroSerde;
import io.zsync.schemas.serde.AvroSerdeConfig;
import io.zsync.testing.KafkaStack;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** What the dashboard's integration tests share: configuration, users, a producer and a plain HTTP client. */
final class ItSupport {

    static final String OPERATOR = "olga";
    static final String OPERATOR_PASSWORD = "olga-test-password";
    static final String VIEWER = "victor";
    static final String VIEWER_PASSWORD = "victor-test-password";

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private ItSupport() {
    }

    /** Properties for a dashboard with a fresh Streams application id and state dir, and two test users. */
    static Map<String, String> properties(String lagGroup) {
        Map<String, String> p = new LinkedHashMap<>(KafkaStack.get().micronautProperties());
        String run = UUID.randomUUID().toString().substring(0, 8);
        p.put("kafka.streams.default.application.id", "dashboard-it-" + run);
        try {
            p.put("kafka.streams.default.state.dir", Files.createTempDirectory(Path.of("target"), "streams-").toAbsolutePath().toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // Low iteration counts keep the tests fast; production hashes use PasswordHashes.DEFAULT_ITERATIONS.
        p.put("zsync.dashboard.security.users",
                OPERATOR + ":OPERATOR:" + PasswordHashes.hash(OPERATOR_PASSWORD.toCharArray(), 1_000) + ";"
                        + VIEWER + ":VIEWER:" + PasswordHashes.hash(VIEWER_PASSWORD.toCharArray(), 1_000));
        p.put("zsync.dashboard.alerts.evaluate-every", "1s");
        p.put("zsync.dashboard.alerts.first-evaluation-after", "1s");
        p.put("zsync.dashboard.lag.groups", lagGroup);
        p.put("zsync.dashboard.lag.timeout", "5s");
        return p;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> get(String url, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return send(b.build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> postJson(String url, String authorization, String json) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json")
                .header("Content-Type", "application/json").header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Produces contract records the way the services do: Avro through the test registry, acks=all. */
    static final class OutcomeProducer implements AutoCloseable {
        private final KafkaProducer<String, SyncCompleted> completions;
        private final KafkaProducer<String, DeadLetter> deadLetters;

        OutcomeProducer() {
            Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaStack.get().bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all");
            AvroSerdeConfig serde = new AvroSerdeConfig(KafkaStack.get().schemaRegistryUrl(), true, null, Duration.ofSeconds(5));
            completions = new KafkaProducer<>(config, new StringSerializer(),
                    AvroSerde.forValues(serde, SyncCompleted.class).serializer());
            deadLetters = new KafkaProducer<>(config, new StringSerializer(),
                    AvroSerde.forValues(serde, DeadLetter.class).serializer());
        }

        void completed(String key, SyncCompleted value) {
            await(completions.send(new ProducerRecord<>(Topics.SYNC_COMPLETIONS.name(), key, value)));
        }

        void deadLettered(String key, DeadLetter value) {
            await(deadLetters.send(new ProducerRecord<>(Topics.SYNC_DEADLETTERS.name(), key, value)));
        }

        private static void await(java.util.concurrent.Future<?> f) {
            try {
                f.get(30, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("produce failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            completions.close(Duration.ofSeconds(5));
            deadLetters.close(Duration.ofSeconds(5));
        }
    }
}
