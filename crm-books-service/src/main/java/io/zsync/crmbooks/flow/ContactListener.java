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

/** CRM contact changes into the contact-to-customer flow. */
@Singleton
@SyncListener
public class ContactListener {

    private final SyncEngine engine;
    private final ContactToCustomerFlow flow;

    public ContactListener(SyncEngine engine, ContactToCustomerFlow flow) {
        this.engine = engine;
        this.flow = flow;
    }

    @Topic(Topics.Names.CRM_CONTACTS)
    void on(List<ConsumerRecord<String, ChangeEvent>> records, Consumer<?, ?> consumer) {
        engine.process(flow, records, consumer);
    }
}
