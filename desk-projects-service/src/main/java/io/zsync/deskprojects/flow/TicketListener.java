package io.zsync.deskprojects.flow;

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

/** Hands Desk ticket changes to {@link TicketToTaskFlow}. */
@Requires(beans = TicketToTaskFlow.class)
@Singleton
@SyncListener
public class TicketListener {

    private final SyncEngine engine;
    private final TicketToTaskFlow flow;

    public TicketListener(SyncEngine engine, TicketToTaskFlow flow) {
        this.engine = engine;
        this.flow = flow;
    }

    @Topic(Topics.Names.DESK_TICKETS)
    void on(List<ConsumerRecord<String, ChangeEvent>> records, Consumer<?, ?> consumer) {
        engine.process(flow, records, consumer);
    }
}
