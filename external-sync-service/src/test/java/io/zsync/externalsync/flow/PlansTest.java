package io.zsync.externalsync.flow;

import io.zsync.contract.ChangeEvent;
import io.zsync.contract.EventOrigin;
import io.zsync.contract.LedgerEntry;
import io.zsync.contract.LedgerState;
import io.zsync.contract.Operation;
import io.zsync.contract.SystemId;
import io.zsync.externalsync.domain.Side;
import io.zsync.sync.api.FlowInput;
import io.zsync.sync.api.FlowResult;
import io.zsync.sync.api.PermanentSyncException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlansTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private static PairPlan plan(String org, String recordId, String eventId, Map<String, String> ledgerTargets) {
        ChangeEvent event = ChangeEvent.newBuilder()
                .setEventId(eventId).setSource(SystemId.ZOHO_CRM).setOrgId(org).setEntityType("Contacts")
                .setRecordId(recordId).setOperation(Operation.UPDATED).setChangedFields(List.of("Phone"))
                .setChangedValues(null).setPreviousValues(null).setRecordVersion(null).setOrigin(EventOrigin.WEBHOOK)
                .setOccurredAt(T0).setReceivedAt(T0).setTraceId("t-" + eventId).setAttributes(new HashMap<>())
                .build();
        Optional<LedgerEntry> previous = ledgerTargets == null ? Optional.empty() : Optional.of(LedgerEntry.newBuilder()
                .setFlowId("flow").setRecordId(recordId).setState(LedgerState.DONE).setLastEventId("earlier")
                .setRecentEventIds(new ArrayList<>(List.of("earlier"))).setRecordVersion(null).setMappedHash("h")
                .setTargets(new HashMap<>(ledgerTargets)).setUpdatedAt(T0).build());
        return new PairPlan(new FlowInput(event, previous, 1), org);
    }

    private static PairPlan plan(String org, String recordId, String eventId) {
        return plan(org, recordId, eventId, null);
    }

    /** Records the keys it was asked for and whether they are held at the moment. */
    private static final class RecordingLocks extends PairLocks {
        final List<String> keys = new ArrayList<>();
        boolean held;

        @Override
        public Held lock(Collection<String> requested) {
            keys.addAll(requested);
            held = true;
            return () -> held = false;
        }
    }

    private static List<FlowResult> results(List<PairPlan> plans) {
        return plans.stream().map(p -> p.result).toList();
    }

    @Test
    void shouldLockACrmRecordAndItsLinkedExternalContact() {
        List<PairPlan> plans = List.of(
                plan("dev", "c1", "e1", Map.of(PairLedger.EXTERNAL_ID, "h1")),    // linked: both ids
                plan("dev", "c2", "e2"),                                           // never synced: its own id only
                plan("dev", "c3", "e3", Map.of(PairLedger.EXTERNAL_ID, "")));     // pair deleted: no partner

        assertThat(Plans.lockKeys(Side.CRM, plans)).containsExactly(PairLocks.crmKey("dev", "c1"),
                PairLocks.externalKey("dev", "h1"), PairLocks.crmKey("dev", "c2"), PairLocks.crmKey("dev", "c3"));
    }

    @Test
    void shouldLockAnExternalRecordAndItsLinkedCrmContact() {
        List<PairPlan> plans = List.of(
                plan("dev", "h1", "e1", Map.of(PairLedger.CRM_ID, "c1")),         // linked: both ids
                plan("dev", "h2", "e2", Map.of(PairLedger.EXTERNAL_ID, "h2")));   // no CRM id in the entry: own id only

        assertThat(Plans.lockKeys(Side.EXTERNAL, plans)).containsExactly(PairLocks.externalKey("dev", "h1"),
                PairLocks.crmKey("dev", "c1"), PairLocks.externalKey("dev", "h2"));
    }

    @Test
    void shouldNotLockPlansThatAreAlreadyDecided() {
        PairPlan failed = plan("", "h1", "e1", Map.of(PairLedger.CRM_ID, "c1"));
        failed.fail(new PermanentSyncException("PORTAL_UNKNOWN", "no org has this portal"));

        assertThat(Plans.lockKeys(Side.EXTERNAL, List.of(failed, plan("dev", "h2", "e2"))))
                .containsExactly(PairLocks.externalKey("dev", "h2"));
    }

    @Test
    void shouldPlanEachOrgAndWriteWhileThePairsAreLocked() {
        RecordingLocks locks = new RecordingLocks();
        List<PairPlan> plans = List.of(plan("acme", "c1", "e1"), plan("dev", "c2", "e2"), plan("acme", "c3", "e3"));
        Map<String, List<String>> planned = new LinkedHashMap<>();
        List<Boolean> heldWhileWriting = new ArrayList<>();

        List<FlowResult> results = Plans.planAndWrite(Side.CRM, plans, locks, (org, ofOrg) -> {
            assertThat(locks.held).as("planning reads both sides under the locks").isTrue();
            planned.put(org, ofOrg.stream().map(p -> p.input.recordId()).toList());
            ofOrg.forEach(p -> p.skip("planned"));
        }, written -> {
            heldWhileWriting.add(locks.held);
            return results(written);
        });

        assertThat(planned).containsExactly(Map.entry("acme", List.of("c1", "c3")), Map.entry("dev", List.of("c2")));
        assertThat(heldWhileWriting).containsExactly(true);
        assertThat(locks.held).as("released once written").isFalse();
        assertThat(locks.keys).containsExactlyInAnyOrder(PairLocks.crmKey("acme", "c1"), PairLocks.crmKey("dev", "c2"),
                PairLocks.crmKey("acme", "c3"));
        assertThat(results).hasSize(3).allSatisfy(r -> assertThat(r).isInstanceOfSatisfying(FlowResult.Skipped.class,
                s -> assertThat(s.reason()).isEqualTo("planned")));
    }

    @Test
    void shouldPlanOnlyTheLastEventOfARecordAndStillReturnEveryResult() {
        RecordingLocks locks = new RecordingLocks();
        List<PairPlan> plans = List.of(plan("dev", "h1", "e1"), plan("dev", "h2", "e2"), plan("dev", "h1", "e3"));
        List<String> planned = new ArrayList<>();

        List<FlowResult> results = Plans.planAndWrite(Side.EXTERNAL, plans, locks, (org, ofOrg) -> {
            ofOrg.forEach(p -> planned.add(p.input.event().getEventId()));
            ofOrg.forEach(p -> p.skip("planned"));
        }, PlansTest::results);

        assertThat(planned).containsExactly("e2", "e3");
        assertThat(results.get(0)).isInstanceOfSatisfying(FlowResult.Skipped.class,
                s -> assertThat(s.reason()).startsWith("superseded by a later event of the same record"));
        assertThat(results.subList(1, 3)).allSatisfy(r -> assertThat(r).isInstanceOfSatisfying(FlowResult.Skipped.class,
                s -> assertThat(s.reason()).isEqualTo("planned")));
    }

    @Test
    void shouldFailOnlyThePlansOfTheOrgWhosePlanningFailed() {
        List<PairPlan> plans = List.of(plan("acme", "c1", "e1"), plan("dev", "c2", "e2"), plan("acme", "c3", "e3"));

        List<FlowResult> results = Plans.planAndWrite(Side.CRM, plans, new RecordingLocks(), (org, ofOrg) -> {
            if (org.equals("acme")) {
                throw new PermanentSyncException("ORG_NOT_CONFIGURED", "no settings for acme");
            }
            ofOrg.forEach(p -> p.skip("planned"));
        }, PlansTest::results);

        assertThat(results.get(0)).isInstanceOfSatisfying(FlowResult.Failed.class,
                f -> assertThat(f.code()).isEqualTo("ORG_NOT_CONFIGURED"));
        assertThat(results.get(1)).isInstanceOf(FlowResult.Skipped.class);
        assertThat(results.get(2)).isInstanceOfSatisfying(FlowResult.Failed.class,
                f -> assertThat(f.code()).isEqualTo("ORG_NOT_CONFIGURED"));
    }

    @Test
    void shouldReleaseTheLocksWhenWritingThrows() {
        RecordingLocks locks = new RecordingLocks();
        List<PairPlan> plans = List.of(plan("dev", "c1", "e1"));

        assertThatThrownBy(() -> Plans.planAndWrite(Side.CRM, plans, locks, (org, ofOrg) -> { }, written -> {
            throw new IllegalStateException("ledger down");
        })).isInstanceOf(IllegalStateException.class).hasMessage("ledger down");

        assertThat(locks.held).isFalse();
    }
}
