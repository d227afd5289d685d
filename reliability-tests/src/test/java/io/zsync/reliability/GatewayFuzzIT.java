package io.zsync.reliability;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zsync.schemas.TopicSpec;
import io.zsync.schemas.Topics;
import io.zsync.stack.SandboxDefaults;
import io.zsync.sync.it.ZohoStack;
import io.zsync.testing.KafkaStack;
import io.zsync.testing.RealKafka;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.sessions.JqwikSession;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every webhook endpoint of the running gateway is fed generated and mutated bodies (random bytes, broken
 * JSON, valid payloads with fields flipped, emptied or retyped), some with valid credentials so they reach
 * the parsers behind authentication. Figures: 5xx answers (must be 0) and events published beyond what the
 * gateway acknowledged (must be 0). The number of bodies comes from {@code reliability.fuzz.bodies}.
 */
@RealKafka
class GatewayFuzzIT {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayFuzzIT.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXTERNAL_SECRET = "sandbox-external-webhook-secret";
    private static final String WORKFLOW_SECRET = "sandbox-crm-workflow-secret";

    private static final String CRM_NOTIFICATION = """
            {"server_time":1700000000000,"query_params":{},"module":"Contacts","resource_uri":"https://www.zohoapis.com/crm/v2/Contacts",
             "ids":["5725767000000524157","5725767000000524158"],"affected_fields":[{"5725767000000524157":["Email"]}],
             "operation":"update","channel_id":"%s","token":"%s"}""".formatted(SandboxDefaults.CRM_CHANNEL_ID, SandboxDefaults.CRM_CHANNEL_TOKEN);
    private static final String CREATOR_ORDER = """
            {"event":"order.submitted","record_id":"4000000012345","occurred_at":"2024-01-15T10:00:00Z","Order_Number":"ORD-1",
             "Customer_Email":"a@b.c","Total_Amount":120.5,"Status":"Submitted"}""";
    private static final String EXTERNAL_CONTACT = """
            {"eventId":"d-1","recordId":"ext-1","operation":"updated","occurredAt":1700000000000,"changes":{"email":"a@b.c"}}""";
    private static final String HUBSPOT = """
            [{"eventId":1,"subscriptionId":12345,"portalId":62515,"occurredAt":1564113600000,"subscriptionType":"contact.creation",
              "attemptNumber":0,"objectId":123,"changeSource":"CRM","changeFlag":"NEW","appId":54321}]""";
    private static final String DESK = """
            [{"eventType":"Ticket_Add","orgId":"54983163","eventTime":"1618493667780","payload":{"id":"55430000068840041","subject":"x"}}]""";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One target of the fuzzer: a path, a seed body and how to authenticate a body for it (null: do not). */
    private record Target(String path, String seed, Authenticator auth) {
    }

    private interface Authenticator {
        void sign(HttpRequest.Builder request, byte[] body);
    }

    @Test
    void shouldNeverAnswer5xxNorPublishWhatItDidNotAcknowledge() throws Exception {
        int bodies = Integer.getInteger("reliability.fuzz.bodies", 10_000);
        String gateway = ZohoStack.get().gatewayUrl();
        List<Target> targets = List.of(
                new Target("/webhooks/zoho/crm/dev/notifications", CRM_NOTIFICATION, null),
                new Target("/webhooks/zoho/crm/dev/workflow/Contacts", "{\"id\":\"5725767000000524157\",\"operation\":\"update\"}",
                        (r, b) -> r.header("X-Zsync-Webhook-Secret", WORKFLOW_SECRET)),
                new Target("/webhooks/zoho/creator/dev/orders", CREATOR_ORDER,
                        (r, b) -> r.header(SandboxDefaults.CREATOR_HEADER, SandboxDefaults.CREATOR_SECRET)),
                new Target("/webhooks/external/dev/contacts", EXTERNAL_CONTACT,
                        (r, b) -> r.header("X-Zsync-Signature", "sha256=" + hmac(EXTERNAL_SECRET, b))),
                new Target("/webhooks/hubspot", HUBSPOT, null),
                new Target("/webhooks/zoho/desk/" + SandboxDefaults.DESK_ORG_ID, DESK, null));

        quiesce();
        long before = changeEvents();
        Map<Integer, Integer> statuses = new HashMap<>();
        AtomicLong acknowledged = new AtomicLong();
        List<String> fiveHundreds = new ArrayList<>();
        Random random = new Random(42);
        List<byte[]> generated = bodies(bodies, random);
        for (int i = 0; i < generated.size(); i++) {
            Target target = targets.get(i % targets.size());
            byte[] body = i % 3 == 0 ? generated.get(i) : mutate(target.seed(), random);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + target.path()))
                    .timeout(Duration.ofSeconds(20))
                    .header("Content-Type", random.nextInt(10) == 0 ? "text/plain" : "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (target.auth() != null && random.nextInt(4) != 0) {
                target.auth().sign(request, body);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            statuses.merge(response.statusCode(), 1, Integer::sum);
            if (response.statusCode() >= 500) {
                fiveHundreds.add(target.path() + " " + response.statusCode() + " " + new String(body, StandardCharsets.UTF_8));
            } else if (response.statusCode() / 100 == 2) {
                acknowledged.addAndGet(JSON.readTree(response.body()).path("accepted").asLong());
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> changeEvents() - before >= acknowledged.get());
        long published = changeEvents() - before;
        LOG.info("fuzzed {} bodies: statuses {}, {} events acknowledged, {} published", generated.size(), statuses,
                acknowledged.get(), published);

        assertThat(fiveHundreds).as("5xx answers").isEmpty();
        assertThat(published).as("events published beyond those acknowledged").isEqualTo(acknowledged.get());
    }

    private static List<byte[]> bodies(int count, Random random) {
        Arbitrary<String> jsonish = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(300),
                Arbitraries.strings().withChars("{}[]\":,0123456789.-eE truefalsnul\\u").ofMaxLength(200),
                Combinators.combine(Arbitraries.strings().alpha().ofMaxLength(12), Arbitraries.oneOf(
                                Arbitraries.strings().ofMaxLength(20).map(s -> JSON.valueToTree(s).toString()),
                                Arbitraries.longs().map(String::valueOf), Arbitraries.just("null"), Arbitraries.just("[]"),
                                Arbitraries.just("{}"), Arbitraries.just("[1,{\"a\":null}]")))
                        .as((k, v) -> "{\"" + k + "\":" + v + "}"),
                Arbitraries.just("[]"), Arbitraries.just("{}"), Arbitraries.just("null"), Arbitraries.just(""));
        // arbitraries outside a jqwik property need a session of their own (this is a plain JUnit test, since it
        // drives one running gateway rather than shrinking single cases)
        JqwikSession.start();
        try {
            return jsonish.generator(1000).stream(random).limit(count)
                    .map(shrinkable -> shrinkable.value().getBytes(StandardCharsets.UTF_8))
                    .collect(Collectors.toList());
        } finally {
            JqwikSession.finish();
        }
    }

    /** A valid payload with one structural mutation: a value retyped, nulled or removed, or the text cut. */
    private static byte[] mutate(String seed, Random random) {
        String body = seed;
        switch (random.nextInt(7)) {
            case 0 -> body = body.substring(0, random.nextInt(body.length()));
            case 1 -> body = body.replaceFirst("\"[0-9]{3,}\"", random.nextBoolean() ? "null" : "12345678901234567890123");
            case 2 -> body = body.replaceFirst("\\[", "{").replaceFirst("]", "}");
            case 3 -> body = body.replace("\"", random.nextBoolean() ? "'" : "");
            case 4 -> body = body.replaceFirst(":\"[^\"]*\"", ":" + (random.nextBoolean() ? "[]" : "{\"x\":1}"));
            case 5 -> body = body.replaceFirst("\"(operation|eventType|subscriptionType|module)\":\"[^\"]*\"",
                    "\"$1\":\"" + "x".repeat(random.nextInt(3)) + "\"");
            default -> {
                char[] chars = body.toCharArray();
                chars[random.nextInt(chars.length)] = (char) random.nextInt(0x2FFF);
                body = new String(chars);
            }
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private void quiesce() {
        long[] last = {-1};
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            long now = changeEvents();
            boolean stable = now == last[0];
            last[0] = now;
            return stable;
        });
    }

    private static long changeEvents() throws Exception {
        List<TopicPartition> partitions = new ArrayList<>();
        for (TopicSpec<?, ?> topic : List.of(Topics.CRM_CONTACTS, Topics.CRM_LEADS, Topics.CRM_DEALS, Topics.DESK_TICKETS,
                Topics.CREATOR_ORDERS, Topics.EXTERNAL_CONTACTS)) {
            for (int p = 0; p < topic.partitions(); p++) {
                partitions.add(new TopicPartition(topic.name(), p));
            }
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaStack.get().bootstrapServers()))) {
            return admin.listOffsets(partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                    .all().get().values().stream().mapToLong(info -> info.offset()).sum();
        }
    }

    private static String hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
