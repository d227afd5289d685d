package io.zsync.sync.domain;

import io.zsync.contract.ChangeEvent;
import io.zsync.contract.EventOrigin;
import io.zsync.contract.LedgerEntry;
import io.zsync.contract.LedgerState;
import io.zsync.contract.Operation;
import io.zsync.contract.SyncStatus;
import io.zsync.contract.SystemId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerDecisionsTest {

    private static final String FLOW = "crm-contact-to-books-customer";
    private static final Set<String> WRITE_BACK = Set.of("Books_Customer_ID");
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    static ChangeEvent event(String eventId, Operation operation, List<String> changed, String version) {
        return ChangeEvent.newBuilder()
                .setEventId(eventId).setSource(SystemId.ZOHO_CRM).setOrgId("acme").setEntityType("Contacts")
                .setRecordId("5725767000000524157").setOperation(operation).setChangedFields(changed)
                .setChangedValues(null).setPreviousValues(null).setRecordVersion(version).setOrigin(EventOrigin.WEBHOOK)
                .setOccurredAt(T0).setReceivedAt(T0).setTraceId("t").setAttributes(new HashMap<>())
                .build();
    }

    static LedgerEntry done(List<String> recentIds, String version, Map<String, String> targets) {
        return LedgerEntry.newBuilder().setFlowId(FLOW).setRecordId("5725767000000524157").setState(LedgerState.DONE)
                .setLastEventId(recentIds.isEmpty() ? "x" : recentIds.get(recentIds.size() - 1))
                .setRecentEventIds(new ArrayList<>(recentIds)).setRecordVersion(version).setMappedHash("h1")
                .setTargets(new HashMap<>(targets)).setUpdatedAt(T0).build();
    }

    @Test
    void shouldProcessFirstSightOfARecord() {
        Verdict verdict = LedgerDecisions.classify(FLOW, event("e1", Operation.CREATED, List.of(), "v1"), Optional.empty(), WRITE_BACK);
        assertThat(verdict.action()).isEqualTo(Verdict.Action.PROCESS);
    }

    @Test
    void shouldSkipAnEventIdAlreadyProcessed() {
        Verdict verdict = LedgerDecisions.classify(FLOW, event("e1", Operation.UPDATED, List.of("Email"), "v2"),
                Optional.of(done(List.of("e0", "e1"), "v1", Map.of())), WRITE_BACK);
        assertThat(verdict.action()).isEqualTo(Verdict.Action.DUPLICATE);
        assertThat(verdict.skipped()).isTrue();
    }

    @Test
    void shouldSkipAVersionAlreadySyncedEvenUnderAnotherEventId() {
        // the reconciliation poller saw the version the webhook already delivered
        Verdict verdict = LedgerDecisions.classify(FLOW, event("poll-1", Operation.UPDATED, List.of(), "v1"),
                Optional.of(done(List.of("e1"), "v1", Map.of())), WRITE_BACK);
        assertThat(verdict.action()).isEqualTo(Verdict.Action.SAME_VERSION);
    }

    @Test
    void shouldProcessANewVersion() {
        Verdict verdict = LedgerDecisions.classify(FLOW, event("e2", Operation.UPDATED, List.of("Email"), "v2"),
                Optional.of(done(List.of("e1"), "v1", Map.of())), WRITE_BACK);
        assertThat(verdict.action()).isEqualTo(Verdict.Action.PROCESS);
    }

    @Test
    void shouldNotTreatAMissingVersionAsTheSame() {
        Verdict verdict = LedgerDecisions.classify(FLOW, event("e2", Operation.UPDATED, List.of("Email"), null),
                Optional.of(done(List.of("e1"), null, Map.of())), WRITE_BACK);
        assertThat(verdict.action()).isEqualTo(Verdict.Action.PROCESS);
    }

    @Test
    void shouldRecogniseOwnWriteBackAsEcho() {
        Verdict verdict = LedgerDecisions.classify(FLOW,
                event("e3", Operation.UPDATED, List.of("Books_Customer_ID", "Modified_Time", "Modified_By"), "v3"),
                Optional.of(done(List.of("e1"), "v1", Map.of())), WRITE_BACK);
        assertThat(verdict.action()).isEqualTo(Verdict.Action.OWN_ECHO);
        assertThat(verdict.reason()).contains("own write-back");
    }

    @Test
    void shouldProcessAWriteBackFieldChangedTogetherWithARealField() {
        Verdict verdict = LedgerDecisions.classify(FLOW,
                event("e3", Operation.UPDATED, List.of("Books_Customer_ID", "Phone"), "v3"), Optional.empty(), WRITE_BACK);
        assertThat(verdict.action()).isEqualTo(Verdict.Action.PROCESS);
    }

    @Test
    void shouldProcessAnUpdateThatNamesNoFields() {
        Verdict verdict = LedgerDecisions.classify(FLOW, event("e3", Operation.UPDATED, List.of(), "v3"), Optional.empty(), WRITE_BACK);
        assertThat(verdict.action()).isEqualTo(Verdict.Action.PROCESS);
    }

    @Test
    void shouldProcessAnUpdateOfBookkeepingFieldsOnlyAsNoEcho() {
        // Modified_Time alone is not our write-back: nothing says it was us, so the flow looks (hash decides)
        Verdict verdict = LedgerDecisions.classify(FLOW, event("e3", Operation.UPDATED, List.of("Modified_Time"), "v3"),
                Optional.empty(), WRITE_BACK);
        assertThat(verdict.action()).isEqualTo(Verdict.Action.PROCESS);
    }

    @Test
    void shouldNeverTreatCreateOrDeleteAsEcho() {
        assertThat(LedgerDecisions.classify(FLOW, event("e4", Operation.CREATED, List.of("Books_Customer_ID"), "v1"),
                Optional.empty(), WRITE_BACK).action()).isEqualTo(Verdict.Action.PROCESS);
        assertThat(LedgerDecisions.classify(FLOW, event("e5", Operation.DELETED, List.of("Books_Customer_ID"), "v1"),
                Optional.of(done(List.of("e1"), "v1", Map.of())), WRITE_BACK).action()).isEqualTo(Verdict.Action.PROCESS);
    }

    @Test
    void shouldLeaveRedrivesForOtherFlowsAlone() {
        ChangeEvent redrive = event("e1", Operation.UPDATED, List.of("Email"), "v1");
        redrive.setOrigin(EventOrigin.REDRIVE);
        redrive.getAttributes().put(LedgerDecisions.REDRIVE_FLOW, "crm-deal-to-books-invoice");
        assertThat(LedgerDecisions.classify(FLOW, redrive, Optional.empty(), WRITE_BACK).action())
                .isEqualTo(Verdict.Action.NOT_ADDRESSED);
        redrive.getAttributes().put(LedgerDecisions.REDRIVE_FLOW, FLOW);
        assertThat(LedgerDecisions.classify(FLOW, redrive, Optional.empty(), WRITE_BACK).action())
                .isEqualTo(Verdict.Action.PROCESS);
    }

    @Test
    void shouldRecordIntentOnlyWhenNoTargetIsKnown() {
        assertThat(LedgerDecisions.needsIntent(Optional.empty())).isTrue();
        assertThat(LedgerDecisions.needsIntent(Optional.of(done(List.of("e1"), "v1", Map.of())))).isTrue();
        assertThat(LedgerDecisions.needsIntent(Optional.of(done(List.of("e1"), "v1", Map.of("books.contact_id", "46"))))).isFalse();
        LedgerEntry intent = LedgerDecisions.intent(FLOW, event("e2", Operation.CREATED, List.of(), "v1"), Optional.empty(), T0);
        assertThat(intent.getState()).isEqualTo(LedgerState.INTENT);
        assertThat(LedgerDecisions.needsIntent(Optional.of(intent))).isFalse(); // already guarded
    }

    @Test
    void shouldMarkProcessedAndRememberTargetsVersionAndHashOnSuccess() {
        LedgerEntry intent = LedgerDecisions.intent(FLOW, event("e2", Operation.CREATED, List.of(), "v1"), Optional.empty(), T0);
        LedgerEntry after = LedgerDecisions.after(FLOW, event("e2", Operation.CREATED, List.of(), "v1"), Optional.of(intent),
                SyncStatus.SUCCEEDED, Map.of("books.contact_id", "460000000026049"), "hash-2", T0.plusSeconds(1));
        assertThat(after.getState()).isEqualTo(LedgerState.DONE);
        assertThat(after.getRecentEventIds()).containsExactly("e2");
        assertThat(after.getTargets()).containsEntry("books.contact_id", "460000000026049");
        assertThat(after.getRecordVersion()).isEqualTo("v1");
        assertThat(after.getMappedHash()).isEqualTo("hash-2");
    }

    @Test
    void shouldKeepIntentAndWrittenIdsButNotMarkProcessedOnFailure() {
        LedgerEntry intent = LedgerDecisions.intent(FLOW, event("e2", Operation.CREATED, List.of(), "v1"), Optional.empty(), T0);
        LedgerEntry after = LedgerDecisions.after(FLOW, event("e2", Operation.CREATED, List.of(), "v1"), Optional.of(intent),
                SyncStatus.FAILED, Map.of("crm.deal_id", "57"), null, T0.plusSeconds(1));
        assertThat(after.getState()).isEqualTo(LedgerState.INTENT);
        assertThat(after.getRecentEventIds()).doesNotContain("e2"); // a redrive must run it again
        assertThat(after.getTargets()).containsEntry("crm.deal_id", "57");
    }

    private static final Optional<Set<String>> ACTED_ON = Optional.of(Set.of("First_Name", "Last_Name", "Email", "Books_Customer_ID"));

    @Test
    void shouldSkipAnUpdateOfFieldsTheFlowDoesNotActOnWithoutMovingTheSyncedVersion() {
        ChangeEvent hubspotLink = event("e4", Operation.UPDATED, List.of("External_System_ID", "Modified_Time"), "v4");
        Optional<LedgerEntry> synced = Optional.of(done(List.of("e1"), "v1", Map.of("books.contact_id", "460")));

        Verdict verdict = LedgerDecisions.classify(FLOW, hubspotLink, synced, WRITE_BACK, ACTED_ON);
        LedgerEntry after = LedgerDecisions.afterSkip(FLOW, hubspotLink, synced, verdict, T0.plusSeconds(1));

        assertThat(verdict.action()).isEqualTo(Verdict.Action.IRRELEVANT);
        assertThat(verdict.skipped()).isTrue();
        assertThat(verdict.reason()).isEqualTo("no field this flow acts on changed (only External_System_ID, Modified_Time)");
        assertThat(after.getRecentEventIds()).contains("e4");
        assertThat(after.getState()).isEqualTo(LedgerState.DONE);
        assertThat(after.getTargets()).containsEntry("books.contact_id", "460");
        // never read at v4: the reconciliation's copy of v4 (no fields named) must still reach the flow
        assertThat(after.getRecordVersion()).isEqualTo("v1");
        assertThat(LedgerDecisions.classify(FLOW, event("r4", Operation.UPDATED, List.of(), "v4"), Optional.of(after),
                WRITE_BACK, ACTED_ON).action()).isEqualTo(Verdict.Action.PROCESS);
    }

    @Test
    void shouldProcessAnUpdateThatNamesAFieldTheFlowActsOn() {
        Verdict verdict = LedgerDecisions.classify(FLOW, event("e4", Operation.UPDATED, List.of("External_System_ID", "Email"), "v4"),
                Optional.of(done(List.of("e1"), "v1", Map.of())), WRITE_BACK, ACTED_ON);
        assertThat(verdict.action()).isEqualTo(Verdict.Action.PROCESS);
    }

    @Test
    void shouldProcessAnyUpdateOfARecordTheFlowHasNotSynced() {
        ChangeEvent other = event("e4", Operation.UPDATED, List.of("Description"), "v4");
        LedgerEntry inDoubt = LedgerDecisions.intent(FLOW, event("e1", Operation.CREATED, List.of(), "v1"), Optional.empty(), T0);

        assertThat(LedgerDecisions.classify(FLOW, other, Optional.empty(), WRITE_BACK, ACTED_ON).action())
                .isEqualTo(Verdict.Action.PROCESS);
        assertThat(LedgerDecisions.classify(FLOW, other, Optional.of(inDoubt), WRITE_BACK, ACTED_ON).action())
                .isEqualTo(Verdict.Action.PROCESS);
        // and a flow that names no fields sees every change
        assertThat(LedgerDecisions.classify(FLOW, other, Optional.of(done(List.of("e1"), "v1", Map.of())), WRITE_BACK,
                Optional.empty()).action()).isEqualTo(Verdict.Action.PROCESS);
    }

    @Test
    void shouldProcessAnUpdateOfARecordKnownOnlyFromAnEchoOrRedrivenByAnOperator() {
        ChangeEvent other = event("e4", Operation.UPDATED, List.of("Description"), "v4");
        // a contact linked by hand before we ran: its echo made an entry with nothing we wrote or mapped
        LedgerEntry echoOnly = LedgerEntry.newBuilder(done(List.of("e1"), "v1", Map.of())).setMappedHash(null).build();
        ChangeEvent redrive = ChangeEvent.newBuilder(other).setOrigin(EventOrigin.REDRIVE).build();

        assertThat(LedgerDecisions.classify(FLOW, other, Optional.of(echoOnly), WRITE_BACK, ACTED_ON).action())
                .isEqualTo(Verdict.Action.PROCESS);
        assertThat(LedgerDecisions.classify(FLOW, redrive, Optional.of(done(List.of("e1"), "v1", Map.of())), WRITE_BACK,
                ACTED_ON).action()).isEqualTo(Verdict.Action.PROCESS);
    }

    @Test
    void shouldMarkAnEchoDoneAsBeforeEvenOverAnIntent() {
        // the write-back is an attempt's last step: its echo settles the attempt
        LedgerEntry inDoubt = LedgerDecisions.intent(FLOW, event("e1", Operation.CREATED, List.of(), "v1"), Optional.empty(), T0);
        ChangeEvent echo = event("e2", Operation.UPDATED, List.of("Books_Customer_ID"), "v2");
        Verdict verdict = LedgerDecisions.classify(FLOW, echo, Optional.of(inDoubt), WRITE_BACK, ACTED_ON);

        LedgerEntry after = LedgerDecisions.afterSkip(FLOW, echo, Optional.of(inDoubt), verdict, T0.plusSeconds(1));

        assertThat(verdict.action()).isEqualTo(Verdict.Action.OWN_ECHO);
        assertThat(after.getState()).isEqualTo(LedgerState.DONE);
        assertThat(after.getRecordVersion()).isEqualTo("v2");
    }

    @Test
    void shouldProcessAnUpdateThatNamesNoFieldsEvenWhenTheFlowNamesItsFields() {
        Verdict verdict = LedgerDecisions.classify(FLOW, event("e4", Operation.UPDATED, List.of("Modified_Time"), "v4"),
                Optional.of(done(List.of("e1"), "v1", Map.of())), WRITE_BACK, ACTED_ON);
        assertThat(verdict.action()).isEqualTo(Verdict.Action.PROCESS);
    }

    @Test
    void shouldKeepAnIntentInDoubtWhenTheRuntimeSkipsALaterEvent() {
        // e2's create may have happened (it failed with a timeout) and waits for its retry; e1 is redelivered
        LedgerEntry processed = done(List.of("e1"), "v1", Map.of());
        LedgerEntry inDoubt = LedgerDecisions.intent(FLOW, event("e2", Operation.UPDATED, List.of("Email"), "v2"),
                Optional.of(processed), T0);
        ChangeEvent redelivered = event("e1", Operation.CREATED, List.of(), "v1");

        Verdict verdict = LedgerDecisions.classify(FLOW, redelivered, Optional.of(inDoubt), WRITE_BACK, ACTED_ON);
        LedgerEntry after = LedgerDecisions.afterSkip(FLOW, redelivered, Optional.of(inDoubt), verdict, T0.plusSeconds(1));

        assertThat(verdict.action()).isEqualTo(Verdict.Action.DUPLICATE);
        assertThat(after.getState()).isEqualTo(LedgerState.INTENT); // e2's retry still looks before it creates
        assertThat(LedgerDecisions.needsIntent(Optional.of(after))).isFalse();
    }

    @Test
    void shouldNotMoveTheSyncedVersionBackForAnOldDuplicateButMoveItForOwnEcho() {
        Optional<LedgerEntry> synced = Optional.of(done(List.of("e1", "e3"), "v3", Map.of()));
        ChangeEvent old = event("e1", Operation.CREATED, List.of(), "v1");
        ChangeEvent echo = event("e5", Operation.UPDATED, List.of("Books_Customer_ID"), "v5");

        LedgerEntry afterOld = LedgerDecisions.afterSkip(FLOW, old, synced,
                LedgerDecisions.classify(FLOW, old, synced, WRITE_BACK, ACTED_ON), T0);
        LedgerEntry afterEcho = LedgerDecisions.afterSkip(FLOW, echo, synced,
                LedgerDecisions.classify(FLOW, echo, synced, WRITE_BACK, ACTED_ON), T0);

        assertThat(afterOld.getRecordVersion()).isEqualTo("v3");
        assertThat(afterEcho.getRecordVersion()).isEqualTo("v5");
        assertThat(afterEcho.getRecentEventIds()).contains("e5");
    }

    @Test
    void shouldRememberOnlyTheMostRecentEventIds() {
        Optional<LedgerEntry> entry = Optional.empty();
        for (int i = 0; i < LedgerDecisions.RECENT_EVENT_IDS + 5; i++) {
            entry = Optional.of(LedgerDecisions.after(FLOW, event("e" + i, Operation.UPDATED, List.of("Email"), "v" + i),
                    entry, SyncStatus.SUCCEEDED, Map.of(), "h", T0.plusSeconds(i)));
        }
        assertThat(entry.orElseThrow().getRecentEventIds()).hasSize(LedgerDecisions.RECENT_EVENT_IDS)
                .endsWith("e" + (LedgerDecisions.RECENT_EVENT_IDS + 4)).doesNotContain("e0", "e4");
    }

    @Test
    void shouldShareApiCallsSoTheyAddUp() {
        assertThat(IntStream.range(0, 7).map(i -> ApiCallShares.share(10, 7, i)).sum()).isEqualTo(10);
        assertThat(ApiCallShares.share(1, 100, 0)).isEqualTo(1);
        assertThat(ApiCallShares.share(1, 100, 1)).isZero();
        assertThat(ApiCallShares.share(5, 0, 0)).isZero();
    }

    @Test
    void shouldHashMappedValuesIndependentlyOfOrder() {
        Map<String, Object> a = new java.util.LinkedHashMap<>();
        a.put("email", "a@b.c");
        a.put("phone", null);
        Map<String, Object> b = new java.util.LinkedHashMap<>();
        b.put("phone", null);
        b.put("email", "a@b.c");
        assertThat(MappedHash.of(a)).isEqualTo(MappedHash.of(b));
        b.put("phone", "");
        assertThat(MappedHash.of(a)).isNotEqualTo(MappedHash.of(b)); // null and empty differ
    }
}
