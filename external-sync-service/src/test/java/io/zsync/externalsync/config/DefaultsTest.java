package io.zsync.externalsync.config;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The application.yml defaults resolve to what they say (a default with a colon needs Micronaut's backticks). */
class DefaultsTest {

    private static String expected(String variable, String fallback) {
        return System.getenv().getOrDefault(variable, fallback);
    }

    @Test
    void shouldResolveEveryAddressDefaultWhole() {
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).build()) {
            Environment env = context.getEnvironment().start();

            assertThat(env.getProperty("kafka.bootstrap.servers", String.class))
                    .contains(expected("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
            assertThat(env.getProperty("zsync.schema-registry.url", String.class))
                    .contains(expected("SCHEMA_REGISTRY_URL", "http://127.0.0.1:8081/apis/ccompat/v7"));
            assertThat(env.getProperty("zsync.zoho.orgs.dev.base-url", String.class))
                    .contains(expected("ZOHO_BASE_URL", "http://127.0.0.1:8090"));
            assertThat(env.getProperty("zsync.hubspot.accounts.dev.base-url", String.class))
                    .contains(expected("HUBSPOT_BASE_URL", "http://127.0.0.1:8090"));
            assertThat(env.getProperty("micronaut.server.port", Integer.class))
                    .contains(Integer.valueOf(expected("EXTERNAL_SYNC_PORT", "8105")));
            assertThat(env.getProperty("zsync.sync.group", String.class)).contains("external-sync-service");
            assertThat(env.getProperty("zsync.external-sync.batch.cron", String.class))
                    .contains(expected("EXTERNAL_SYNC_BATCH_CRON", "0 0 * * * *"));
            assertThat(env.getProperty("zsync.external-sync.orgs.dev", Map.class)).isPresent();
        }
    }
}
