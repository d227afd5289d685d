package io.zsync.schemas.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A client of the Confluent Schema Registry REST API (v7 paths) on the JDK's HTTP client.
 *
 * <p>Confluent's own client and serializers are not served by the package registry this project builds
 * from, so this small client lives here. It uses only the endpoints that Confluent Schema Registry,
 * Apicurio Registry ({@code /apis/ccompat/v7}), Karapace and Redpanda all implement:
 * {@code POST /subjects/{s}/versions}, {@code POST /subjects/{s}} and {@code GET /schemas/ids/{id}}.
 * The base URL is the API root: {@code http://host:8081} for Confluent, {@code http://host:8080/apis/ccompat/v7}
 * for Apicurio.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String authorization;
    private final Duration timeout;
    private final HttpClient http;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    /**
     * Keyed by subject and schema object: Avro caches a schema's hash code and compares an instance with itself
     * first, so the lookup on every record costs no schema-to-JSON rendering.
     */
    private final Map<Map.Entry<String, Schema>, Integer> idsBySubjectAndSchema = new ConcurrentHashMap<>();

    /**
     * @param baseUrl       the registry's API root
     * @param basicAuthUser {@code user:password} for HTTP Basic authentication, or null
     * @param timeout       per-request timeout
     */
    public RestSchemaRegistryClient(String baseUrl, String basicAuthUser, Duration timeout) {
        Objects.requireNonNull(baseUrl, "schema registry url");
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.authorization = basicAuthUser == null || basicAuthUser.isBlank() ? null
                : "Basic " + Base64.getEncoder().encodeToString(basicAuthUser.getBytes(StandardCharsets.UTF_8));
        this.timeout = timeout;
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(timeout);
        if (this.baseUrl.regionMatches(true, 0, "http:", 0, 5)) {
            // A plain-HTTP registry never uses TLS, but the JDK's client loads and parses the default trust store
            // when it is built without an SSLContext: 0.1-0.2 s of every process's start on a two-core machine.
            http.sslContext(unusedTls()).sslParameters(new SSLParameters());
        }
        this.http = http.build();
    }

    /** A TLS context that is never initialised: nothing is loaded for it, and it serves no connection. */
    private static SSLContext unusedTls() {
        try {
            return SSLContext.getInstance("TLS");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no TLS", e);
        }
    }

    @Override
    public int register(String subject, Schema schema) {
        return idsBySubjectAndSchema.computeIfAbsent(cacheKey(subject, schema),
                k -> idFrom(post("/subjects/" + encode(subject) + "/versions", schemaBody(schema)), subject));
    }

    @Override
    public int lookup(String subject, Schema schema) {
        return idsBySubjectAndSchema.computeIfAbsent(cacheKey(subject, schema),
                k -> idFrom(post("/subjects/" + encode(subject), schemaBody(schema)), subject));
    }

    @Override
    public Schema byId(int id) {
        return schemasById.computeIfAbsent(id, this::fetchById);
    }

    private Schema fetchById(int id) {
        HttpResponse<String> response = send(request("/schemas/ids/" + id).GET().build());
        if (response.statusCode() == 404) {
            throw new AvroSerdeException(AvroSerdeException.Reason.UNKNOWN_SCHEMA_ID,
                    "schema id " + id + " is not known to the registry at " + baseUrl);
        }
        requireSuccess(response, "schema id " + id);
        try {
            String schemaText = JSON.readTree(response.body()).path("schema").asText(null);
            if (schemaText == null) {
                throw new AvroSerdeException(AvroSerdeException.Reason.REGISTRY_REJECTED,
                        "registry answer for schema id " + id + " has no schema");
            }
            return new Schema.Parser().parse(schemaText);
        } catch (IOException | SchemaParseException e) {
            throw new AvroSerdeException(AvroSerdeException.Reason.REGISTRY_REJECTED,
                    "registry answer for schema id " + id + " is not an Avro schema", e);
        }
    }

    private int idFrom(HttpResponse<String> response, String subject) {
        if (response.statusCode() == 404) {
            throw new AvroSerdeException(AvroSerdeException.Reason.SCHEMA_NOT_REGISTERED,
                    "the schema is not registered under subject " + subject + " and auto-registration is off");
        }
        if (response.statusCode() == 409 || response.statusCode() == 422) {
            throw new AvroSerdeException(AvroSerdeException.Reason.REGISTRY_REJECTED,
                    "registry refused the schema for subject " + subject + ": " + errorMessage(response));
        }
        requireSuccess(response, "subject " + subject);
        try {
            JsonNode id = JSON.readTree(response.body()).get("id");
            if (id == null || !id.canConvertToInt()) {
                throw new AvroSerdeException(AvroSerdeException.Reason.REGISTRY_REJECTED,
                        "registry answer for subject " + subject + " has no id");
            }
            return id.intValue();
        } catch (IOException e) {
            throw new AvroSerdeException(AvroSerdeException.Reason.REGISTRY_REJECTED,
                    "registry answer for subject " + subject + " is not JSON", e);
        }
    }

    private void requireSuccess(HttpResponse<String> response, String what) {
        int status = response.statusCode();
        if (status >= 500 || status == 429) {
            throw new AvroSerdeException(AvroSerdeException.Reason.REGISTRY_UNAVAILABLE,
                    "registry answered " + status + " for " + what);
        }
        if (status / 100 != 2) {
            throw new AvroSerdeException(AvroSerdeException.Reason.REGISTRY_REJECTED,
                    "registry answered " + status + " for " + what + ": " + errorMessage(response));
        }
    }

    private HttpResponse<String> post(String path, String body) {
        return send(request(path)
                .header("Content-Type", CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(timeout)
                .header("Accept", CONTENT_TYPE + ", application/json");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AvroSerdeException(AvroSerdeException.Reason.REGISTRY_UNAVAILABLE,
                    "registry at " + baseUrl + " is unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AvroSerdeException(AvroSerdeException.Reason.REGISTRY_UNAVAILABLE,
                    "interrupted while calling the registry at " + baseUrl, e);
        }
    }

    private static String schemaBody(Schema schema) {
        ObjectNode body = JSON.createObjectNode();
        body.put("schema", schema.toString());
        body.put("schemaType", "AVRO");
        return body.toString();
    }

    private static String errorMessage(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body()).path("message").asText(response.body());
        } catch (IOException e) {
            return response.body();
        }
    }

    private static Map.Entry<String, Schema> cacheKey(String subject, Schema schema) {
        return Map.entry(subject, schema);
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8);
    }
}
