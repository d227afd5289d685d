package io.zsync.dashboard.domain;

import io.zsync.contract.ChangeEvent;
import io.zsync.contract.DeadLetter;
import io.zsync.contract.EventOrigin;
import io.zsync.schemas.Topics;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static io.zsync.dashboard.Fixtures.CONTACTS_FLOW;
import static io.zsync.dashboard.Fixtures.T0;
import static io.zsync.dashboard.Fixtures.change;
import static io.zsync.dashboard.Fixtures.deadLetter;
import static org.assertj.core.api.Assertions.assertThat;

class RedriveRuleTest {

    @Test
    void shouldPublishTheOriginalToItsSourceTopicKeyedByRecordId() {
        RedriveDecision decision = RedriveRule.decide(deadLetter(CONTACTS_FLOW, "c1", "e1", "X", T0, 0));

        assertThat(decision).isInstanceOfSatisfying(RedriveDecision.Publish.class, p -> {
            assertThat(p.topic()).isEqualTo(Topics.CRM_CONTACTS.name());
            assertThat(p.key()).isEqualTo("c1");
        });
    }

    @Test
    void shouldMarkTheEventAsARedriveForTheOneFlowAndCountIt() {
        ChangeEvent event = ((RedriveDecision.Publish) RedriveRule.decide(
                deadLetter(CONTACTS_FLOW, "c1", "e1", "X", T0, 2))).event();

        assertThat(event.getOrigin()).isEqualTo(EventOrigin.REDRIVE);
        assertThat(event.getAttributes()).containsEntry(RedriveRule.FLOW_ATTRIBUTE, CONTACTS_FLOW)
                .containsEntry(RedriveRule.COUNT_ATTRIBUTE, "3")
                .containsEntry("channel", "ch-1");
    }

    @Test
    void shouldLeaveEverythingElseUnchangedTheEventIdIncluded() {
        ChangeEvent original = change("c1", "e1");
        ChangeEvent event = ((RedriveDecision.Publish) RedriveRule.decide(
                deadLetter(CONTACTS_FLOW, "c1", "e1", "X", T0, 0))).event();

        ChangeEvent comparable = ChangeEvent.newBuilder(event).setOrigin(original.getOrigin())
                .setAttributes(original.getAttributes()).build();
        assertThat(comparable).isEqualTo(original);
    }

    @Test
    void shouldRefuseADeadLetterWhoseOriginalCouldNotBeDecoded() {
        DeadLetter undecodable = deadLetter(CONTACTS_FLOW, "c1", "e1", "X", T0, 0);
        undecodable.setOriginal(null);
        undecodable.setRawValue(ByteBuffer.wrap(new byte[]{1, 2, 3}));

        assertThat(RedriveRule.decide(undecodable)).isInstanceOfSatisfying(RedriveDecision.Refuse.class,
                r -> assertThat(r.reason()).contains("could not be decoded"));
    }

    @Test
    void shouldRefuseASourceTopicThatIsNotAChangeTopic() {
        DeadLetter odd = deadLetter(CONTACTS_FLOW, "c1", "e1", "X", T0, 0);
        odd.setSourceTopic(Topics.SYNC_COMPLETIONS.name());

        assertThat(RedriveRule.decide(odd)).isInstanceOf(RedriveDecision.Refuse.class);
    }
}
