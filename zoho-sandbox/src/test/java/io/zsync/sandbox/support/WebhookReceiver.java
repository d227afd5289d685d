package io.zsync.sandbox.support;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A webhook receiver living in the test application (outside every product path, so never faulted or
 * counted): it records each POST's headers, query and raw body, and answers with a status a test sets.
 */
@Controller("/_test/receiver")
@Requires(env = "test")
@Singleton
public class WebhookReceiver {

    /** One received POST. */
    public record Received(String path, String query, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
    }

    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();

    @Post(uri = "/{name}", consumes = MediaType.ALL)
    HttpResponse<?> receive(HttpRequest<?> request, @PathVariable String name, @Nullable @Body byte[] body) {
        Map<String, String> headers = new ConcurrentHashMap<>();
        request.getHeaders().forEach((key, values) -> headers.put(key, values.get(0)));
        received.computeIfAbsent(name, k -> new CopyOnWriteArrayList<>()).add(new Received(request.getPath(),
                request.getUri().getRawQuery(), headers, body == null ? "" : new String(body, StandardCharsets.UTF_8)));
        return HttpResponse.status(HttpStatus.valueOf(statuses.getOrDefault(name, 200)));
    }

    public List<Received> received(String name) {
        return new ArrayList<>(received.getOrDefault(name, List.of()));
    }

    public void answer(String name, int status) {
        statuses.put(name, status);
    }

    public void clear() {
        received.clear();
        statuses.clear();
    }
}
