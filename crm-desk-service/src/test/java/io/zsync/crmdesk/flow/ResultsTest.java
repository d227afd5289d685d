package io.zsync.crmdesk.flow;

import io.zsync.contract.ChangeEvent;
import io.zsync.contract.EventOrigin;
import io.zsync.contract.Operation;
import io.zsync.contract.SystemId;
import io.zsync.sync.api.FlowInput;
import io.zsync.sync.api.FlowResult;
import io.zsync.zoho.ZohoProduct;
import io.zsync.zoho.error.ZohoRateLimitException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ResultsTest {

    static FlowInput input(String eventId) {
        return new FlowInput(ChangeEvent.newBuilder().setEventId(eventId).setSource(SystemId.ZOHO_DESK).setOrgId("dev")
                .setEntityType("tickets").setRecordId("T1").setOperation(Operation.UPDATED).setChangedFields(List.of())
                .setChangedValues(null).setPreviousValues(null).setRecordVersion(null).setOrigin(EventOrigin.WEBHOOK)
                .setOccurredAt(Instant.EPOCH).setReceivedAt(Instant.EPOCH).setTraceId("t").setAttributes(new HashMap<>())
                .build(), Optional.empty(), 1);
    }

    @Test
    void shouldFindCopiesOfAnEventInsideOneBatch() {
        assertThat(Results.sameEventEarlier(List.of(input("a"), input("b"), input("a"), input("a"))))
                .containsExactlyInAnyOrderEntriesOf(Map.of(2, 0, 3, 0));
        assertThat(Results.sameEventEarlier(List.of(input("a"), input("b")))).isEmpty();
    }

    @Test
    void shouldSkipACopyButKeepWhatTheFirstRecorded() {
        FlowResult first = new FlowResult.Succeeded(List.of(), Map.of("desk.ticket_id", "T9"), "h1", Map.of());
        FlowResult copy = Results.copyOf(first, "a");
        assertThat(copy).isEqualTo(new FlowResult.Skipped("event a was already processed in this batch",
                Map.of("desk.ticket_id", "T9"), "h1"));
        FlowResult failed = FlowResult.Failed.permanently("X", "y");
        assertThat(Results.copyOf(failed, "a")).isSameAs(failed);
    }

    @Test
    void shouldFailASupersededEventWithTheEventThatActedForItsLeadSoBothAreRetried() {
        FlowResult.Failed writeBackFailed = Results.failed(new IllegalStateException("CRM down"), "crm-write-back",
                Map.of("desk.ticket_id", "T9"));
        FlowResult.Skipped superseded = new FlowResult.Skipped("superseded: event a earlier in this batch acts for lead L1",
                Map.of("desk.ticket_id", "T9"), null);
        FlowResult succeeded = new FlowResult.Succeeded(List.of(), Map.of("desk.ticket_id", "T8"), "h", Map.of());
        FlowResult.Skipped supersededAfterSuccess = new FlowResult.Skipped(
                "superseded: event c earlier in this batch acts for lead L2", Map.of("desk.ticket_id", "T8"), null);
        FlowResult[] results = {writeBackFailed, superseded, succeeded, supersededAfterSuccess};

        Results.failWithActing(results, Map.of(1, 0, 3, 2));

        assertThat(results[1]).isSameAs(writeBackFailed);
        assertThat(results[3]).as("a copy of an event that succeeded stays SKIPPED").isSameAs(supersededAfterSuccess);
        assertThat(results[0]).isSameAs(writeBackFailed);
        assertThat(results[2]).isSameAs(succeeded);
    }

    @Test
    void shouldKeepTheIdsWrittenWhenAStepFails() {
        FlowResult.Failed f = Results.failed(new ZohoRateLimitException(ZohoProduct.CRM, "dev", 429, "TOO_MANY_REQUESTS",
                "slow down", Duration.ofSeconds(2), null, null), "crm-write-back", Map.of("desk.ticket_id", "T9"));
        assertThat(f.retryable()).isTrue();
        assertThat(f.retryAfter()).contains(Duration.ofSeconds(2));
        assertThat(f.failedStep()).contains("crm-write-back");
        assertThat(f.ledgerTargets()).containsEntry("desk.ticket_id", "T9");
    }
}
