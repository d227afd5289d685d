package io.zsync.externalsync.flow;

import io.micronaut.configuration.kafka.annotation.Topic;
import io.zsync.contract.ChangeEvent;
import io.zsync.schemas.Topics;
import io.zsync.sync.engine.SyncEngine;
import io.zsync.sync.engine.SyncListener;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;

/** Hands external contact changes (HubSpot webhooks through the gateway) to {@link ExternalContactToCrmFlow}. */
@Singleton
@SyncListener
public class ExternalContactListener {

    private final SyncEngine engine;
    private final ExternalContactToCrmFlow flow;

    public ExternalContactListener(SyncEngine engine, ExternalContactToCrmFlow flow) {
        this.engine = engine;
        this.flow = flow;
    }

    @Topic(Topics.Names.EXTERNAL_CONTACTS)
    void on(List<ConsumerRecord<String, ChangeEvent>> records, Consumer<?, ?> consumer) {
        engine.process(flow, records, consumer);
    }
}
