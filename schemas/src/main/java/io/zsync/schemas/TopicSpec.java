package io.zsync.schemas;

import java.util.Map;
import java.util.Objects;

/**
 * One Kafka topic of the system: its name, the types of its keys and values, and how it is created.
 * Every producer, listener, topology and test refers to a {@code TopicSpec} from {@link Topics};
 * nobody writes a topic name by hand.
 *
 * @param name          the topic name
 * @param keyType       the Java type of record keys (the source record id, a String, everywhere so far)
 * @param valueType     the Avro-generated type of record values
 * @param partitions    partitions to create the topic with
 * @param cleanupPolicy {@code delete} for event streams, {@code compact} for state (ledgers, watermarks)
 * @param config        further topic-level configuration applied at creation
 */
public record TopicSpec<K, V>(String name, Class<K> keyType, Class<V> valueType, int partitions,
                              CleanupPolicy cleanupPolicy, Map<String, String> config) {

    /** Kafka's {@code cleanup.policy} values we use. */
    public enum CleanupPolicy {
        DELETE("delete"), COMPACT("compact");

        private final String kafkaValue;

        CleanupPolicy(String kafkaValue) {
            this.kafkaValue = kafkaValue;
        }

        public String kafkaValue() {
            return kafkaValue;
        }
    }

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(valueType, "valueType");
        Objects.requireNonNull(cleanupPolicy, "cleanupPolicy");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1 for " + name);
        }
        config = Map.copyOf(config);
    }

    /** Topic-level configuration including the cleanup policy, as passed to {@code NewTopic#configs}. */
    public Map<String, String> topicConfig() {
        var all = new java.util.HashMap<>(config);
        all.put("cleanup.policy", cleanupPolicy.kafkaValue());
        return Map.copyOf(all);
    }

    /** The schema registry subject of the values under the TopicNameStrategy. */
    public String valueSubject() {
        return name + "-value";
    }
}
