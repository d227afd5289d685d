package io.zsync.crmdesk.flow;

import io.micronaut.context.annotation.Requires;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.zsync.contract.ChangeEvent;
import io.zsync.schemas.Topics;
import io.zsync.sync.engine.SyncEngine;
import io.zsync.sync.engine.SyncListener;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;

/** Hands CRM lead changes to {@link LeadToDeskTicketFlow}. */
@Requires(beans = LeadToDeskTicketFlow.class)
@Singleton
@SyncListener
public class LeadListener {

    private final SyncEngine engine;
    private final LeadToDeskTicketFlow flow;

    public LeadListener(SyncEngine engine, LeadToDeskTicketFlow flow) {
        this.engine = engine;
        this.flow = flow;
    }

    @Topic(Topics.Names.CRM_LEADS)
    void on(List<ConsumerRecord<String, ChangeEvent>> records, Consumer<?, ?> consumer) {
        engine.process(flow, records, consumer);
    }
}
