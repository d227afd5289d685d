package io.zsync.kafka;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.zsync.schemas.TopicSpec;
import io.zsync.schemas.Topics;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates the topics of the {@link Topics} catalogue that do not exist yet, with the catalogue's partitions
 * and cleanup policy, before the application's consumers and Streams topologies start (it is a
 * {@code @Context} bean, created eagerly and waited on). A service that cannot reach Kafka at startup fails
 * to start rather than running without its topics. Turn off with {@code zsync.topics.create=false} where
 * topics are managed by other means.
 */
@Context
@Requires(property = "zsync.topics.create", notEquals = "false")
@Requires(beans = AdminClient.class)
public class TopicInitializer {

    private static final Logger LOG = LoggerFactory.getLogger(TopicInitializer.class);

    public TopicInitializer(AdminClient admin,
                            @Value("${zsync.topics.replication-factor:1}") short replicationFactor,
                            @Value("${zsync.topics.create-timeout:30s}") Duration timeout) {
        List<NewTopic> topics = Topics.ALL.stream().map(spec -> newTopic(spec, replicationFactor)).toList();
        int created = 0;
        for (var entry : admin.createTopics(topics).values().entrySet()) {
            try {
                entry.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                created++;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topic " + entry.getKey() + ": " + e.getCause(), e);
                }
            } catch (TimeoutException e) {
                throw new IllegalStateException("Kafka did not confirm topic " + entry.getKey() + " within " + timeout, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while creating topics", e);
            }
        }
        LOG.info("Topic catalogue: {} topics, {} created now", topics.size(), created);
    }

    /** The {@link NewTopic} for a catalogue entry. */
    public static NewTopic newTopic(TopicSpec<?, ?> spec, short replicationFactor) {
        return new NewTopic(spec.name(), spec.partitions(), replicationFactor).configs(spec.topicConfig());
    }
}
