package io.zsync.cli;

import io.zsync.cli.domain.BackfillEvents;
import io.zsync.cli.fake.FakeServices;
import io.zsync.contract.ChangeEvent;
import io.zsync.contract.EventOrigin;
import io.zsync.schemas.Topics;
import io.zsync.schemas.serde.AvroSerde;
import io.zsync.schemas.serde.AvroSerdeConfig;
import io.zsync.testing.KafkaStack;
import io.zsync.testing.RealKafka;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

/** A real backfill: CRM contacts from a fake Zoho become BACKFILL change events on a real broker. */
@RealKafka
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackfillCommandIT {

    private final FakeServices fakes = new FakeServices();

    @BeforeAll
    void topics() throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", KafkaStack.get().bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.CRM_CONTACTS.name(), Topics.CRM_CONTACTS.partitions(),
                    (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        ZohoFixtures.contactsAndCustomers(fakes.state);
    }

    @AfterAll
    void stop() {
        fakes.close();
    }

    private FakeServices.Run backfill() {
        var props = fakes.properties(null);
        props.put("kafka.bootstrap.servers", KafkaStack.get().bootstrapServers());
        props.put("zsync.schema-registry.url", KafkaStack.get().schemaRegistryUrl());
        return fakes.run(props, "backfill", "--org", FakeServices.ORG, "--module", "Contacts");
    }

    @Test
    void shouldPublishOneBackfillEventPerVersionedRecordKeyedByRecordId() {
        FakeServices.Run run = backfill();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("published 4 BACKFILL events to zoho.crm.contacts.changes, skipped 1");
        assertThat(run.err()).contains("5/5 events published");
        List<ConsumerRecord<String, ChangeEvent>> events = backfillEvents();
        assertThat(events).extracting(ConsumerRecord::key).contains("c1", "c2", "c3", "c5").doesNotContain("c4");
        ChangeEvent c1 = events.stream().filter(r -> r.key().equals("c1")).findFirst().orElseThrow().value();
        assertThat(c1.getOrigin()).isEqualTo(EventOrigin.BACKFILL);
        assertThat(c1.getRecordVersion()).isEqualTo(ZohoFixtures.MODIFIED);
        assertThat(c1.getEventId()).isEqualTo(BackfillEvents.eventId(FakeServices.ORG, "Contacts", "c1", ZohoFixtures.MODIFIED));
    }

    @Test
    void shouldPublishTheSameEventIdsWhenRunAgain() {
        backfill();
        backfill();

        List<ConsumerRecord<String, ChangeEvent>> c3 = backfillEvents().stream().filter(r -> r.key().equals("c3")).toList();
        assertThat(c3).hasSizeGreaterThanOrEqualTo(2);
        assertThat(c3.stream().map(r -> r.value().getEventId()).distinct()).hasSize(1);
    }

    private static List<ConsumerRecord<String, ChangeEvent>> backfillEvents() {
        AvroSerdeConfig serde = new AvroSerdeConfig(KafkaStack.get().schemaRegistryUrl(), true, null, Duration.ofSeconds(5));
        List<ConsumerRecord<String, ChangeEvent>> found = new ArrayList<>();
        try (KafkaConsumer<String, ChangeEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaStack.get().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "backfill-check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), AvroSerde.forValues(serde, ChangeEvent.class).deserializer())) {
            consumer.subscribe(List.of(Topics.CRM_CONTACTS.name()));
            // Everything was acknowledged before the command returned; read until a poll comes back empty.
            long deadline = System.currentTimeMillis() + 30_000;
            int emptyPolls = 0;
            while (System.currentTimeMillis() < deadline && emptyPolls < 3) {
                var records = consumer.poll(Duration.ofSeconds(1));
                if (records.isEmpty() && !found.isEmpty()) {
                    emptyPolls++;
                }
                records.forEach(r -> {
                    if (r.value().getOrigin() == EventOrigin.BACKFILL) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }
}
