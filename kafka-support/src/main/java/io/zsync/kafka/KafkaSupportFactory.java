package io.zsync.kafka;

import io.micronaut.context.annotation.Factory;
import io.zsync.schemas.serde.SchemaRegistryClient;
import jakarta.inject.Singleton;

/** One schema registry client, and so one cache of schema ids, per application. */
@Factory
public class KafkaSupportFactory {

    @Singleton
    SchemaRegistryClient schemaRegistryClient(SchemaRegistryConfiguration configuration) {
        return configuration.toSerdeConfig().newClient();
    }
}
