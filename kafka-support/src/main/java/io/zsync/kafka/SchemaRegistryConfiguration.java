package io.zsync.kafka;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.zsync.schemas.serde.AvroSerdeConfig;

import java.time.Duration;

/**
 * Where the schema registry is and how to talk to it ({@code zsync.schema-registry.*}).
 *
 * @param url               the Confluent-compatible API root, e.g. {@code http://127.0.0.1:8081/apis/ccompat/v7}
 * @param autoRegister      register writer schemas on first use; turn off in production so that only the
 *                          build registers (and the compatibility rule is checked before deploying)
 * @param basicAuthUserInfo {@code user:password} for registries behind Basic auth (from the environment)
 * @param requestTimeout    per-request timeout
 */
@ConfigurationProperties(SchemaRegistryConfiguration.PREFIX)
public record SchemaRegistryConfiguration(
        String url,
        @Bindable(defaultValue = "true") boolean autoRegister,
        @Nullable String basicAuthUserInfo,
        @Bindable(defaultValue = "5s") Duration requestTimeout) {

    public static final String PREFIX = "zsync.schema-registry";

    public AvroSerdeConfig toSerdeConfig() {
        return new AvroSerdeConfig(url, autoRegister, basicAuthUserInfo, requestTimeout);
    }

    @Override
    public String toString() {
        return toSerdeConfig().toString();
    }
}
