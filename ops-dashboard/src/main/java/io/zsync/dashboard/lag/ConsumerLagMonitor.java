package io.zsync.dashboard.lag;

import io.micronaut.configuration.kafka.config.DefaultKafkaConsumerConfiguration;
import io.zsync.dashboard.domain.GroupLag;
import io.zsync.dashboard.domain.PartitionLag;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Measures each service's consumer lag with the Admin API (committed offsets against log end offsets) and the age
 * of its oldest unprocessed event, read from the record at the committed offset of each lagging partition by a
 * consumer that belongs to no group (so peeking never moves anyone's offsets).
 */
@Singleton
public class ConsumerLagMonitor {

    private final AdminClient admin;
    private final LagProperties properties;
    private final Properties consumerConfig;
    private final Clock clock;
    private KafkaConsumer<byte[], byte[]> peeker;

    public ConsumerLagMonitor(AdminClient admin, LagProperties properties,
                              DefaultKafkaConsumerConfiguration<?, ?> consumerConfiguration) {
        this.admin = admin;
        this.properties = properties;
        this.clock = Clock.systemUTC();
        Properties config = new Properties();
        config.putAll(consumerConfiguration.getConfig());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "zsync-dashboard-lag-peek");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        this.consumerConfig = config;
    }

    public List<String> groups() {
        return properties.groups();
    }

    /** Lag of every configured group; a group whose offsets cannot be read fails the whole measurement. */
    public synchronized List<GroupLag> measure() throws LagUnavailableException {
        List<GroupLag> result = new ArrayList<>();
        for (String group : properties.groups()) {
            result.add(measure(group));
        }
        return result;
    }

    private GroupLag measure(String group) throws LagUnavailableException {
        long now = clock.millis();
        Map<TopicPartition, OffsetAndMetadata> committed = await(
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata(), "committed offsets of " + group);
        Map<TopicPartition, OffsetAndMetadata> present = committed.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        if (present.isEmpty()) {
            return new GroupLag(group, false, List.of(), now);
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        present.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = await(
                admin.listOffsets(latest).all(), "end offsets for " + group);
        List<PartitionLag> partitions = new ArrayList<>();
        for (var e : present.entrySet()) {
            TopicPartition tp = e.getKey();
            long committedOffset = e.getValue().offset();
            long end = ends.get(tp).offset();
            Long oldest = end > committedOffset ? timestampAt(tp, committedOffset) : null;
            partitions.add(new PartitionLag(tp.topic(), tp.partition(), committedOffset, end, oldest));
        }
        partitions.sort((a, b) -> a.topic().equals(b.topic()) ? Integer.compare(a.partition(), b.partition())
                : a.topic().compareTo(b.topic()));
        return new GroupLag(group, true, partitions, now);
    }

    /** Timestamp of the record at {@code offset}, or null when it is gone (retention) or not fetched in time. */
    private Long timestampAt(TopicPartition tp, long offset) {
        KafkaConsumer<byte[], byte[]> consumer = peeker();
        consumer.assign(List.of(tp));
        consumer.seek(tp, offset);
        long deadline = clock.millis() + properties.timeout().toMillis();
        while (clock.millis() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200)).records(tp)) {
                return record.timestamp();
            }
        }
        return null;
    }

    private KafkaConsumer<byte[], byte[]> peeker() {
        if (peeker == null) {
            peeker = new KafkaConsumer<>(consumerConfig);
        }
        return peeker;
    }

    private <T> T await(org.apache.kafka.common.KafkaFuture<T> future, String what) throws LagUnavailableException {
        try {
            return future.get(properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new LagUnavailableException("cannot read " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new LagUnavailableException("Kafka did not answer for " + what + " within " + properties.timeout(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LagUnavailableException("interrupted while reading " + what, e);
        }
    }

    @PreDestroy
    synchronized void close() {
        if (peeker != null) {
            peeker.close(Duration.ofSeconds(2));
            peeker = null;
        }
    }
}
