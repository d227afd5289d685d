package io.zsync.sandbox.support;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A thin test client over real HTTP to the running sandbox: sends raw JSON strings (so tests state the
 * exact wire format) and returns every status, including 4xx/5xx, as a {@link Reply}.
 */
public final class Sandbox {

    public static final String ZOHO_AUTH = "Zoho-oauthtoken ";

    private final HttpClient client;
    private final JsonMapper mapper;
    private final URI base;

    public Sandbox(HttpClient client, JsonMapper mapper, URI base) {
        this.client = client;
        this.mapper = mapper;
        this.base = base;
    }

    public URI base() {
        return base;
    }

    public Reply send(MutableHttpRequest<?> request) {
        try {
            HttpResponse<byte[]> response = client.toBlocking().exchange(request, byte[].class);
            return reply(response, response.getBody().orElse(null));
        } catch (HttpClientResponseException e) {
            HttpResponse<?> response = e.getResponse();
            byte[] body = response.getBody(byte[].class).orElse(null);
            return reply(response, body);
        }
    }

    public Reply get(String path, String... headers) {
        return send(with(HttpRequest.GET(path), headers));
    }

    public Reply delete(String path, String... headers) {
        return send(with(HttpRequest.DELETE(path), headers));
    }

    public Reply post(String path, String json, String... headers) {
        return send(with(HttpRequest.POST(path, json == null ? "" : json).contentType(MediaType.APPLICATION_JSON_TYPE), headers));
    }

    public Reply put(String path, String json, String... headers) {
        return send(with(HttpRequest.PUT(path, json).contentType(MediaType.APPLICATION_JSON_TYPE), headers));
    }

    public Reply patch(String path, String json, String... headers) {
        return send(with(HttpRequest.PATCH(path, json).contentType(MediaType.APPLICATION_JSON_TYPE), headers));
    }

    public Reply postForm(String path, Map<String, String> form, String... headers) {
        return send(with(HttpRequest.POST(path, form).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), headers));
    }

    /** A fresh Zoho access token minted through the admin API (not throttled). */
    public String zohoToken() {
        Reply reply = post("/_sandbox/oauth/tokens", "{}");
        return ZOHO_AUTH + reply.map().get("access_token");
    }

    public void reset(boolean all) {
        post("/_sandbox/reset" + (all ? "?all=true" : ""), "{}");
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> deliveries(String product) {
        return (List<Map<String, Object>>) get("/_sandbox/webhooks/deliveries?product=" + product).map().get("deliveries");
    }

    public Object parse(String json) {
        try {
            return mapper.readValue(json.getBytes(StandardCharsets.UTF_8), Argument.OBJECT_ARGUMENT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Reply reply(HttpResponse<?> response, byte[] body) {
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        Object json = null;
        if (!text.isBlank() && (text.startsWith("{") || text.startsWith("["))) {
            json = parse(text);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.getHeaders().forEach((name, values) -> headers.put(name, values));
        return new Reply(response.code(), headers, text, json);
    }

    private static MutableHttpRequest<?> with(MutableHttpRequest<?> request, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }
}
