package io.zsync.creatorhub.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zsync.contract.ChangeEvent;
import io.zsync.contract.DeadLetter;
import io.zsync.contract.EventOrigin;
import io.zsync.schemas.serde.AvroSerializer;
import io.zsync.schemas.serde.RestSchemaRegistryClient;
import io.zsync.stack.Ports;
import io.zsync.sync.domain.LedgerDecisions;
import io.zsync.sync.it.ZohoStack;
import io.zsync.testing.KafkaStack;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the creator-hub integration tests share in one JVM: the Zoho stack (sandbox and gateway processes),
 * one consumer group for every run of the service (in this JVM or as a process), a real SMTP server
 * (GreenMail) the service sends its confirmations to, and the sandbox reads that count what the saga wrote.
 */
final class HubStack {

    /** One group for the whole test JVM: a service started later resumes where the previous one stopped. */
    static final String GROUP = "creator-hub-it-" + UUID.randomUUID();
    static final String SENDER = "orders@shop.test";
    static final String MESSAGE_ID_DOMAIN = "shop.test";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static GreenMail smtp;
    private static String readToken;

    private HubStack() {
    }

    static synchronized GreenMail smtp() {
        if (smtp == null) {
            smtp = new GreenMail(new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            Runtime.getRuntime().addShutdownHook(new Thread(smtp::stop, "greenmail-stop"));
        }
        return smtp;
    }

    static ZohoStack zoho() {
        return ZohoStack.get();
    }

    /**
     * Settings of the service under test, in this JVM or as a process. Each instance gets an OAuth client of
     * its own: Zoho allows 10 token refreshes per refresh token in 10 minutes, and the crash test starts seven.
     */
    static Map<String, String> serviceProperties() {
        Map<String, String> p = new LinkedHashMap<>(zoho().serviceProperties());
        JsonNode client = zoho().sandbox("POST", "/_sandbox/oauth/clients", "{}");
        p.put("zsync.zoho.orgs.dev.client-id", client.get("clientId").asText());
        p.put("zsync.zoho.orgs.dev.client-secret", client.get("clientSecret").asText());
        p.put("zsync.zoho.orgs.dev.refresh-token", client.get("refreshToken").asText());
        p.put("zsync.sync.group", GROUP);
        p.put("zsync.sync.retry-base", "200ms");
        p.put("zsync.sync.retry-cap", "2s");
        p.put("zsync.sync.max-attempts", "8");
        p.put("javamail.properties.mail.smtp.host", "127.0.0.1");
        p.put("javamail.properties.mail.smtp.port", String.valueOf(smtp().getSmtp().getPort()));
        p.put("zsync.creator-hub.orgs.dev.mail-from", SENDER);
        p.put("zsync.creator-hub.orgs.dev.message-id-domain", MESSAGE_ID_DOMAIN);
        // a killed instance's partitions move to the next one after this, not after the 45 s default
        p.put("kafka.consumers.default.session.timeout.ms", "6000");
        p.put("kafka.consumers.default.heartbeat.interval.ms", "1000");
        return p;
    }

    // ---------------------------------------------------------------- driving the sandbox

    /** A customer submits an order in Creator; the app's webhook reaches the gateway. Returns the record ID. */
    static String submitOrder(Map<String, Object> fields) {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":")
                .append(v instanceof Number ? v.toString() : "\"" + v + "\""));
        JsonNode answer = zoho().sandbox("POST", "/_sandbox/creator/orders", json.append('}').toString());
        return answer.get("ID").asText();
    }

    /** An order the tests use: unique number and e-mail, {@code quantity} x {@code price} of {@code product}. */
    static Map<String, Object> order(String number, String email, String product, int quantity, String price) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Order_Number", number);
        fields.put("Customer_First_Name", "Ada");
        fields.put("Customer_Last_Name", "Buyer " + number);
        fields.put("Customer_Email", email);
        fields.put("Product_Name", product);
        fields.put("Quantity", quantity);
        fields.put("Unit_Price", price);
        fields.put("Total_Amount", new java.math.BigDecimal(price).multiply(java.math.BigDecimal.valueOf(quantity)).toPlainString());
        return fields;
    }

    static String uniqueNumber(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** Seeds a Books item (a product the shop sells), silently, as pre-existing data. Returns its id. */
    static String seedBooksItem(String name, String rate) {
        JsonNode answer = zoho().sandbox("POST", "/_sandbox/seed",
                "{\"books\":{\"items\":[{\"name\":\"" + name + "\",\"rate\":" + rate + "}]}}");
        return answer.get("books").get("items").get(0).get("item_id").asText();
    }

    /** Seeds a CRM contact silently. Returns its id. */
    static String seedCrmContact(String lastName, String email) {
        JsonNode answer = zoho().sandbox("POST", "/_sandbox/seed",
                "{\"crm\":{\"Contacts\":[{\"Last_Name\":\"" + lastName + "\",\"Email\":\"" + email + "\"}]}}");
        return answer.get("crm").get("Contacts").get(0).get("details").get("id").asText();
    }

    // ---------------------------------------------------------------- reading what the saga wrote

    /**
     * Reads a Zoho API of the sandbox as a Zoho user would, with one access token for the whole test run
     * (minted by the sandbox's admin API, so the reads spend none of the OAuth refresh allowance).
     */
    static JsonNode read(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(zoho().sandboxUrl() + path))
                .timeout(Duration.ofSeconds(30)).GET().header("Authorization", "Zoho-oauthtoken " + readToken());
        if (path.startsWith("/api/v1")) {
            request.header("orgId", ZohoStack.DESK_ORG_ID);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 400) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isBlank() ? null : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static synchronized String readToken() {
        if (readToken == null) {
            readToken = zoho().sandbox("POST", "/_sandbox/oauth/tokens", "{}").get("access_token").asText();
        }
        return readToken;
    }

    static List<JsonNode> crmContactsWithEmail(String email) {
        return rows(read("/crm/v8/Contacts/search?email=" + enc(email)), "data");
    }

    static JsonNode crmContact(String id) {
        return read("/crm/v8/Contacts/" + id).get("data").get(0);
    }

    static List<JsonNode> crmDealsNamed(String name) {
        List<JsonNode> rows = rows(read("/crm/v8/Deals/search?criteria="
                + enc("(Deal_Name:equals:" + name + ")")), "data");
        return rows.stream().filter(d -> name.equals(d.path("Deal_Name").asText())).toList();
    }

    static List<JsonNode> booksInvoicesWithReference(String reference) {
        return rows(read("/books/v3/invoices?organization_id=" + ZohoStack.BOOKS_ORGANIZATION_ID
                + "&reference_number=" + enc(reference)), "invoices");
    }

    static List<JsonNode> booksContactsWithEmail(String email) {
        return rows(read("/books/v3/contacts?organization_id=" + ZohoStack.BOOKS_ORGANIZATION_ID
                + "&email=" + enc(email)), "contacts");
    }

    static List<JsonNode> deskTicketsOf(String email) {
        return rows(read("/api/v1/tickets/search?email=" + enc(email)), "data");
    }

    static JsonNode creatorOrder(String recordId) {
        return read("/creator/v2.1/data/" + ZohoStack.CREATOR_OWNER + "/" + ZohoStack.CREATOR_APP
                + "/report/All_Orders/" + recordId).get("data");
    }

    /** Messages the SMTP server accepted for {@code address}. */
    static List<MimeMessage> mailsTo(String address) {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage message : smtp().getReceivedMessages()) {
            try {
                Address[] to = message.getRecipients(Message.RecipientType.TO);
                if (to != null && List.of(to).stream().anyMatch(a -> a.toString().equalsIgnoreCase(address))) {
                    out.add(message);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    private static List<JsonNode> rows(JsonNode answer, String field) {
        List<JsonNode> rows = new ArrayList<>();
        if (answer != null && answer.has(field)) {
            answer.get(field).forEach(rows::add);
        }
        return rows;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- redrive

    /** What an operator's redrive does: the dead letter's original event, back on its topic, marked REDRIVE. */
    static void redrive(DeadLetter deadLetter) {
        ChangeEvent original = deadLetter.getOriginal();
        Map<String, String> attributes = new HashMap<>(original.getAttributes());
        attributes.put(LedgerDecisions.REDRIVE_FLOW, deadLetter.getFlowId());
        attributes.put("zsync.redrive.count", String.valueOf(deadLetter.getRedriveCount() + 1));
        ChangeEvent redriven = ChangeEvent.newBuilder(original).setOrigin(EventOrigin.REDRIVE).setAttributes(attributes).build();
        KafkaStack kafka = KafkaStack.get();
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, ChangeEvent> producer = new KafkaProducer<>(config, new StringSerializer(),
                new AvroSerializer<>(new RestSchemaRegistryClient(kafka.schemaRegistryUrl(), null, Duration.ofSeconds(10)),
                        true, false))) {
            producer.send(new ProducerRecord<>(deadLetter.getSourceTopic(), deadLetter.getRecordKey(), redriven))
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the redrive was not published", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
