package io.zsync.dashboard.redrive;

import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.zsync.contract.ChangeEvent;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes redriven events (Avro, through the Avro serde registry) and returns only once every in-sync replica
 * has the record, so a redrive the dashboard reports as done is durable.
 */
@KafkaClient(id = "dashboard-redrive", acks = KafkaClient.Acknowledge.ALL)
public interface ChangeEventPublisher {

    RecordMetadata publish(@Topic String topic, @KafkaKey String key, ChangeEvent event);
}
