package io.zsync.stack;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client's token handling against a stand-in for the sandbox's accounts and CRM endpoints. */
class SandboxClientTest {

    private HttpServer server;
    private final AtomicInteger minted = new AtomicInteger();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/oauth/v2/token", exchange -> answer(exchange, 200,
                "{\"access_token\":\"token-" + minted.incrementAndGet() + "\",\"expires_in\":3600}"));
        server.createContext("/crm/v8/Contacts", exchange -> {
            String token = exchange.getRequestHeaders().getFirst("Authorization").replace("Zoho-oauthtoken ", "");
            seen.add(token);
            if (revoked.contains(token)) {
                answer(exchange, 401, "{\"code\":\"INVALID_TOKEN\"}");
            } else {
                answer(exchange, 200, "{\"data\":[]}");
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void shouldReuseOneTokenWhileTheSandboxTakesIt() {
        SandboxClient client = new SandboxClient(url());

        client.zoho("GET", "/crm/v8/Contacts", null);
        client.zoho("GET", "/crm/v8/Contacts", null);

        assertThat(minted).hasValue(1);
        assertThat(seen).containsExactly("token-1", "token-1");
    }

    @Test
    void shouldReplaceARevokedTokenAndMakeTheCallOnceMore() {
        SandboxClient client = new SandboxClient(url());
        client.zoho("GET", "/crm/v8/Contacts", null);
        revoked.add("token-1"); // Zoho revokes a refresh token's oldest access token past 30 active ones

        assertThat(client.zoho("GET", "/crm/v8/Contacts", null).path("data").isArray()).isTrue();
        assertThat(seen).containsExactly("token-1", "token-1", "token-2");
        client.zoho("GET", "/crm/v8/Contacts", null);
        assertThat(seen).endsWith("token-2");
        assertThat(minted).hasValue(2);
    }

    @Test
    void shouldFailWhenTheNewTokenIsRefusedToo() {
        SandboxClient client = new SandboxClient(url());
        revoked.add("token-1");
        revoked.add("token-2");

        assertThatThrownBy(() -> client.zoho("GET", "/crm/v8/Contacts", null))
                .isInstanceOf(StackException.class).hasMessageContaining("401");
        assertThat(seen).containsExactly("token-1", "token-2");
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
