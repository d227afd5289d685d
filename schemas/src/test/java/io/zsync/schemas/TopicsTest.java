package io.zsync.schemas;

import io.zsync.contract.ChangeEvent;
import io.zsync.contract.SystemId;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TopicsTest {

    @Test
    void shouldListEveryDeclaredTopicOnceInAll() throws IllegalAccessException {
        Set<TopicSpec<?, ?>> declared = new HashSet<>();
        for (Field field : Topics.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == TopicSpec.class) {
                declared.add((TopicSpec<?, ?>) field.get(null));
            }
        }
        assertThat(Topics.ALL).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(declared);
        assertThat(Topics.ALL.stream().map(TopicSpec::name)).doesNotHaveDuplicates();
    }

    @Test
    void shouldKeepNameConstantsInStepWithSpecs() throws IllegalAccessException {
        Set<String> constants = new HashSet<>();
        for (Field field : Topics.Names.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                constants.add((String) field.get(null));
            }
        }
        assertThat(constants).containsExactlyInAnyOrderElementsOf(Topics.ALL.stream().map(TopicSpec::name).toList());
    }

    @Test
    void shouldRouteEachSourceEntityToItsChangeTopic() {
        assertThat(Topics.changesFor(SystemId.ZOHO_CRM, "Contacts")).contains(Topics.CRM_CONTACTS);
        assertThat(Topics.changesFor(SystemId.ZOHO_CRM, "Leads")).contains(Topics.CRM_LEADS);
        assertThat(Topics.changesFor(SystemId.ZOHO_CRM, "Deals")).contains(Topics.CRM_DEALS);
        assertThat(Topics.changesFor(SystemId.ZOHO_DESK, "tickets")).contains(Topics.DESK_TICKETS);
        assertThat(Topics.changesFor(SystemId.ZOHO_CREATOR, "Orders")).contains(Topics.CREATOR_ORDERS);
        assertThat(Topics.changesFor(SystemId.HUBSPOT, "contacts")).contains(Topics.EXTERNAL_CONTACTS);
    }

    @Test
    void shouldRouteNothingForUnknownEntities() {
        assertThat(Topics.changesFor(SystemId.ZOHO_CRM, "Campaigns")).isEmpty(); // a module no flow consumes
        assertThat(Topics.changesFor(SystemId.ZOHO_DESK, "contacts")).isEmpty(); // Desk contacts are not routed
        assertThat(Topics.changesFor(SystemId.ZOHO_CRM, null)).isEmpty();
    }

    @Test
    void shouldKeyChangeTopicsByRecordIdAndCarryChangeEvents() {
        Arrays.asList(Topics.CRM_CONTACTS, Topics.CRM_LEADS, Topics.CRM_DEALS, Topics.DESK_TICKETS,
                Topics.CREATOR_ORDERS, Topics.EXTERNAL_CONTACTS).forEach(topic -> {
            assertThat(topic.keyType()).isEqualTo(String.class);
            assertThat(topic.valueType()).isEqualTo(ChangeEvent.class);
            assertThat(topic.topicConfig()).containsEntry("cleanup.policy", "delete");
            assertThat(topic.valueSubject()).isEqualTo(topic.name() + "-value");
        });
    }

    @Test
    void shouldFindTopicsByName() {
        assertThat(Topics.byName("sync.deadletters")).contains(Topics.SYNC_DEADLETTERS);
        assertThat(Topics.byName("no.such.topic")).isEmpty();
    }
}
