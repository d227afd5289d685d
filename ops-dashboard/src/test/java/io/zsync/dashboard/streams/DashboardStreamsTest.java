package io.zsync.dashboard.streams;

import io.micronaut.context.env.DefaultEnvironment;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardStreamsTest {

    @Test
    void shouldTakeEveryStreamsSettingOverTheSharedClientSettingsAndNothingElseOfKafka() {
        Environment environment = new DefaultEnvironment(java.util.List::of);
        environment.addPropertySource(PropertySource.of("test", Map.of(
                "kafka.bootstrap.servers", "broker-1:9092",
                "kafka.security.protocol", "SASL_SSL",
                "kafka.sasl.mechanism", "PLAIN",
                "kafka.health.enabled", "false",
                "kafka.streams.default.application.id", "dashboard-a",
                "kafka.streams.default.state.dir", "/var/lib/dashboard",
                "kafka.streams.default.main.consumer.isolation.level", "read_committed",
                "kafka.streams.default.commit.interval.ms", 1000,
                "kafka.streams.default.close-timeout", "3s")));
        environment.start();
        try {
            Properties config = new DashboardStreams(environment, null, null, null, Duration.ofSeconds(3), null).config();

            assertThat(config).contains(
                    Map.entry("bootstrap.servers", "broker-1:9092"),
                    Map.entry("security.protocol", "SASL_SSL"),
                    Map.entry("sasl.mechanism", "PLAIN"),
                    Map.entry("application.id", "dashboard-a"),
                    Map.entry("state.dir", "/var/lib/dashboard"),
                    Map.entry("main.consumer.isolation.level", "read_committed"),
                    Map.entry("commit.interval.ms", "1000"),
                    // the shipped application.yml's settings, under the overrides
                    Map.entry("rocksdb.config.setter", BoundedRocksDbMemory.class.getName()),
                    Map.entry("processing.guarantee", "at_least_once"));
            assertThat(config).doesNotContainKeys("close-timeout", "health.enabled", "enabled",
                    "streams.default.application.id");
            assertThat(config.keySet()).allSatisfy(key -> assertThat(key.toString()).doesNotStartWith("streams."));
        } finally {
            environment.stop();
        }
    }
}
