package io.zsync.crmbooks.flow;

import io.zsync.contract.ChangeEvent;
import io.zsync.contract.EventOrigin;
import io.zsync.contract.Operation;
import io.zsync.contract.SystemId;
import io.zsync.sync.api.FlowInput;
import io.zsync.sync.api.FlowResult;
import io.zsync.sync.api.PermanentSyncException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class OrgBatchesTest {

    private static FlowInput input(String org, String recordId, String eventId) {
        ChangeEvent event = ChangeEvent.newBuilder()
                .setEventId(eventId).setSource(SystemId.ZOHO_CRM).setOrgId(org).setEntityType("Contacts")
                .setRecordId(recordId).setOperation(Operation.UPDATED).setChangedFields(List.of("Phone"))
                .setChangedValues(null).setPreviousValues(null).setRecordVersion(null).setOrigin(EventOrigin.WEBHOOK)
                .setOccurredAt(Instant.EPOCH).setReceivedAt(Instant.EPOCH).setTraceId("t-" + eventId)
                .setAttributes(new HashMap<>()).build();
        return new FlowInput(event, Optional.empty(), 1);
    }

    private static FlowResult succeeded(FlowInput input) {
        return new FlowResult.Succeeded(List.of(), Map.of("books.contact_id", "c-" + input.recordId()),
                "hash-" + input.event().getEventId(), Map.of());
    }

    @Test
    void shouldLetOnlyTheLatestEventOfARecordActAndSkipTheEarlierOnesWithItsOutcome() {
        List<FlowInput> seen = new ArrayList<>();
        List<FlowInput> batch = List.of(input("dev", "1", "e1"), input("dev", "2", "e2"), input("dev", "1", "e3"));

        List<FlowResult> results = OrgBatches.run(batch, (org, part) -> {
            seen.addAll(part);
            return part.stream().map(OrgBatchesTest::succeeded).toList();
        });

        assertThat(seen).extracting(i -> i.event().getEventId()).containsExactly("e2", "e3");
        assertThat(results.get(0)).isInstanceOfSatisfying(FlowResult.Skipped.class, s -> {
            assertThat(s.reason()).contains("superseded by event e3");
            assertThat(s.ledgerTargets()).containsEntry("books.contact_id", "c-1");
            assertThat(s.mappedHash()).isEqualTo("hash-e3");
        });
        assertThat(results.get(1)).isInstanceOf(FlowResult.Succeeded.class);
        assertThat(results.get(2)).isInstanceOf(FlowResult.Succeeded.class);
    }

    @Test
    void shouldRunEachOrgApartAndFailOnlyTheOrgThatFailed() {
        List<FlowInput> batch = List.of(input("acme", "1", "e1"), input("dev", "2", "e2"), input("acme", "3", "e3"));

        List<FlowResult> results = OrgBatches.run(batch, (org, part) -> {
            if (org.equals("acme")) {
                throw new PermanentSyncException("ORG_NOT_CONFIGURED", "no settings");
            }
            return part.stream().map(OrgBatchesTest::succeeded).toList();
        });

        assertThat(results.get(0)).isInstanceOfSatisfying(FlowResult.Failed.class,
                f -> assertThat(f.code()).isEqualTo("ORG_NOT_CONFIGURED"));
        assertThat(results.get(1)).isInstanceOf(FlowResult.Succeeded.class);
        assertThat(results.get(2)).isInstanceOf(FlowResult.Failed.class);
    }

    @Test
    void shouldGiveEarlierEventsTheFailureOfTheLatestSoTheyAreRetriedToo() {
        List<FlowInput> batch = List.of(input("dev", "1", "e1"), input("dev", "1", "e2"));

        List<FlowResult> results = OrgBatches.run(batch, (org, part) -> part.stream()
                .map(p -> (FlowResult) new FlowResult.Failed("BOOKS:500", "down", true, Optional.empty(),
                        Optional.empty(), Map.of())).toList());

        assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOfSatisfying(FlowResult.Failed.class,
                f -> assertThat(f.retryable()).isTrue()));
    }
}
