package io.zsync.gateway.publish;

import io.zsync.contract.ChangeEvent;
import io.zsync.contract.Watermark;
import org.apache.kafka.clients.producer.Producer;

import java.time.Duration;

/**
 * The gateway's two producers: change events (webhooks and reconciliation) and poller watermarks. Held
 * together in one bean, apart from micronaut-kafka's own producer beans, and closed with the context.
 */
public record GatewayProducers(Producer<String, ChangeEvent> changes, Producer<String, Watermark> watermarks)
        implements AutoCloseable {

    @Override
    public void close() {
        // bounded: at shutdown with a dead broker, do not wait the producer's default (forever)
        changes.close(Duration.ofSeconds(5));
        watermarks.close(Duration.ofSeconds(5));
    }
}
