package io.zsync.crmbooks.flow;

import io.micronaut.configuration.kafka.annotation.Topic;
import io.zsync.contract.ChangeEvent;
import io.zsync.schemas.Topics;
import io.zsync.sync.engine.SyncEngine;
import io.zsync.sync.engine.SyncListener;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;

/** CRM deal changes into the deal-to-invoice flow. */
@Singleton
@SyncListener
public class DealListener {

    private final SyncEngine engine;
    private final DealToInvoiceFlow flow;

    public DealListener(SyncEngine engine, DealToInvoiceFlow flow) {
        this.engine = engine;
        this.flow = flow;
    }

    @Topic(Topics.Names.CRM_DEALS)
    void on(List<ConsumerRecord<String, ChangeEvent>> records, Consumer<?, ?> consumer) {
        engine.process(flow, records, consumer);
    }
}
