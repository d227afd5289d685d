package io.zsync.schemas.serde;

import java.time.Duration;
import java.util.Map;

/**
 * Configuration keys of the Avro serde. The registry keys have the same names as Confluent's serializers,
 * so existing client configuration carries over unchanged.
 *
 * @param registryUrl         {@value #SCHEMA_REGISTRY_URL}: the registry's API root (required)
 * @param autoRegister        {@value #AUTO_REGISTER_SCHEMAS}: register writer schemas on first use
 *                            (default true; turn off in production so only CI registers schemas)
 * @param basicAuthUserInfo   {@value #BASIC_AUTH_USER_INFO}: {@code user:password}, or null
 * @param timeout             {@value #REQUEST_TIMEOUT_MS}: registry request timeout (default 5 s)
 */
public record AvroSerdeConfig(String registryUrl, boolean autoRegister, String basicAuthUserInfo, Duration timeout) {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";
    /** For a deserializer created by Kafka from its class name: the generated class to read into. */
    public static final String VALUE_TYPE = "zsync.avro.value.type";
    /** Same as {@link #VALUE_TYPE}, for keys. */
    public static final String KEY_TYPE = "zsync.avro.key.type";

    /** Reads the serde's keys from Kafka client configuration. */
    public static AvroSerdeConfig from(Map<String, ?> configs) {
        Object url = configs.get(SCHEMA_REGISTRY_URL);
        if (url == null || url.toString().isBlank()) {
            throw new IllegalArgumentException(SCHEMA_REGISTRY_URL + " is required by the Avro serde");
        }
        Object auto = configs.get(AUTO_REGISTER_SCHEMAS);
        Object auth = configs.get(BASIC_AUTH_USER_INFO);
        Object timeout = configs.get(REQUEST_TIMEOUT_MS);
        return new AvroSerdeConfig(url.toString(),
                auto == null || Boolean.parseBoolean(auto.toString()),
                auth == null ? null : auth.toString(),
                Duration.ofMillis(timeout == null ? 5000 : Long.parseLong(timeout.toString())));
    }

    public SchemaRegistryClient newClient() {
        return new RestSchemaRegistryClient(registryUrl, basicAuthUserInfo, timeout);
    }

    @Override
    public String toString() {
        // never print the credentials
        return "AvroSerdeConfig[registryUrl=" + registryUrl + ", autoRegister=" + autoRegister
                + ", basicAuth=" + (basicAuthUserInfo == null ? "none" : "set") + ", timeout=" + timeout + "]";
    }
}
