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

/** Hands CRM contact changes (webhooks and the batch's reconciliation events) to {@link CrmContactToExternalFlow}. */
@Singleton
@SyncListener
public class CrmContactListener {

    private final SyncEngine engine;
    private final CrmContactToExternalFlow flow;

    public CrmContactListener(SyncEngine engine, CrmContactToExternalFlow flow) {
        this.engine = engine;
        this.flow = flow;
    }

    @Topic(Topics.Names.CRM_CONTACTS)
    void on(List<ConsumerRecord<String, ChangeEvent>> records, Consumer<?, ?> consumer) {
        engine.process(flow, records, consumer);
    }
}
