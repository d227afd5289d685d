package io.zsync.dashboard.streams;

import io.micronaut.configuration.kafka.streams.ConfiguredStreamBuilder;
import io.micronaut.context.annotation.Factory;
import io.zsync.dashboard.DashboardProperties;
import io.zsync.dashboard.domain.Outcome;
import io.micronaut.core.annotation.Nullable;
import io.zsync.kafka.SchemaRegistryConfiguration;
import io.zsync.kafka.TopicInitializer;
import io.zsync.schemas.serde.SchemaRegistryClient;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.kstream.KStream;

/** Builds the dashboard topology on the default stream builder ({@code kafka.streams.default.*}). */
@Factory
public class DashboardStreamsFactory {

    @Singleton
    @Named("dashboard-outcomes")
    KStream<String, Outcome> dashboardTopology(ConfiguredStreamBuilder builder, SchemaRegistryClient registry,
                                               SchemaRegistryConfiguration registryConfiguration,
                                               DashboardProperties properties,
                                               @Nullable TopicInitializer topicsCreatedFirst) {
        // Taking the TopicInitializer makes the source topics exist before Kafka Streams starts on them.
        return DashboardTopology.define(builder, DashboardSerdes.using(registry, registryConfiguration.autoRegister()),
                properties.topologyOptions());
    }
}
