package io.zsync.gateway;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The build publishes an OpenAPI document naming every webhook endpoint. */
class OpenApiDocumentTest {

    @Test
    void shouldDescribeEveryWebhookEndpoint() throws IOException {
        Path dir = Path.of("target", "classes", "META-INF", "swagger");
        String document;
        try (Stream<Path> files = Files.list(dir)) {
            Path yml = files.filter(p -> p.toString().endsWith(".yml")).findFirst().orElseThrow();
            document = Files.readString(yml);
        }
        assertThat(document).contains(
                "/webhooks/zoho/crm/{org}/notifications:",
                "/webhooks/zoho/crm/{org}/workflow/{module}:",
                "/webhooks/zoho/desk/{org}:",
                "/webhooks/zoho/creator/{org}/{entity}:",
                "/webhooks/hubspot:",
                "/webhooks/external/{tenant}/{entity}:",
                "\"503\":", "\"413\":", "\"401\":");
    }
}
