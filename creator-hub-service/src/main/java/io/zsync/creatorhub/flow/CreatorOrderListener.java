package io.zsync.creatorhub.flow;

import io.micronaut.configuration.kafka.annotation.Topic;
import io.zsync.contract.ChangeEvent;
import io.zsync.schemas.Topics;
import io.zsync.sync.engine.SyncEngine;
import io.zsync.sync.engine.SyncListener;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;

/** Hands each batch of Creator order events to the runtime, which runs the order saga on it. */
@Singleton
@SyncListener
public class CreatorOrderListener {

    private final SyncEngine engine;
    private final CreatorOrderFlow flow;

    public CreatorOrderListener(SyncEngine engine, CreatorOrderFlow flow) {
        this.engine = engine;
        this.flow = flow;
    }

    @Topic(Topics.Names.CREATOR_ORDERS)
    void on(List<ConsumerRecord<String, ChangeEvent>> records, Consumer<?, ?> consumer) {
        engine.process(flow, records, consumer);
    }
}
